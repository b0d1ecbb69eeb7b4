import { describe, expect, it } from "vitest";
import type { RecordState } from "../../src/sync/record-states.js";
import { packChunk, PackedRecords, RECORDS_PER_CHUNK } from "../../src/web/records/record-list.js";

const STATES: Array<RecordState["state"]> = ["in-sync", "pending", "by-wedos", "not-accepted"];

/** Records of every shape: each state, with and without a note and a rule, empty and non-ASCII text. */
function records(count: number): RecordState[] {
  return Array.from({ length: count }, (_, i) => ({
    name: i % 7 === 0 ? "@" : `host${i}.bücher`,
    type: ["A", "TXT", "NAPTR", "MX"][i % 4] as string,
    ttl: i % 5 === 0 ? 2 ** 31 - 1 : 300 + i,
    value: i % 11 === 0 ? "" : `"v=spf1 ${i} ~all" žluťoučký`,
    state: STATES[i % 4] as RecordState["state"],
    note: i % 3 === 0 ? `clamped ${i}` : i % 13 === 0 ? "" : undefined,
    rule: i % 6 === 0 ? "ttl-range" : undefined,
  }));
}

/** The records packed as a zone worker packs them: chunks of RECORDS_PER_CHUNK. */
function packed(all: readonly RecordState[]): PackedRecords {
  const chunks = [];
  for (let start = 0; start < all.length; start += RECORDS_PER_CHUNK)
    chunks.push(packChunk(all.slice(start, start + RECORDS_PER_CHUNK)));
  return new PackedRecords(chunks);
}

describe("a big zone's records kept packed", () => {
  it("gives back every record as it was, across the chunks' edges", () => {
    const all = records(2_500);
    const list = packed(all);
    expect(list.length).toBe(2_500);
    expect(list.slice(0, list.length)).toEqual(all);
    expect(list.slice(995, 1_005)).toEqual(all.slice(995, 1_005));
    expect(list.slice(2_450, 9_999)).toEqual(all.slice(2_450));
    expect(list.slice(-5, 3)).toEqual(all.slice(0, 3));
  });

  it("filters as an array does, in order", () => {
    const all = records(2_100);
    const keep = (record: RecordState) => record.state === "by-wedos" && record.value.includes("9");
    expect(packed(all).filter(keep)).toEqual(all.filter(keep));
    expect(packed([]).slice(0, 100)).toEqual([]);
  });

  it("keeps a record's text in one string per chunk, not an object per record", () => {
    const chunk = packChunk(records(1_000));
    expect(chunk.ttls).toHaveLength(1_000);
    expect(chunk.ends).toHaveLength(5_000);
    expect(chunk.ends.at(-1)).toBe(chunk.text.length);
  });
});
