import { describe, expect, it } from "vitest";
import { wedosRowToRecord, type WedosRow } from "../../src/dns/index.js";
import { auditRecords } from "../../src/sync/audit.js";
import { planZone } from "../../src/sync/plan-zone.js";
import type { WapiRow } from "../../src/wapi/schemas.js";

const ZONE = "example.test";

/** 2001:db8::<n in hex>, as BIND writes it. */
const address = (n: number) => `2001:db8::${n.toString(16)}`;

/** `count` AAAA rows at `name`, the n-th 2001:db8::<n+1>, as WEDOS lists them (IDs from `firstId`). */
function listedSet(name: string, count: number, firstId: number, spell = address): WapiRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(firstId + i),
    name,
    type: "AAAA",
    ttl: 300,
    rdata: spell(i + 1),
    changedDate: "",
    comment: "",
  }));
}

const desiredSet = (name: string, values: number[]): WedosRow[] =>
  values.map((n) => ({ name, type: "AAAA", ttl: 300, rdata: address(n) }));

function plan(desired: WedosRow[], listed: WapiRow[]) {
  return planZone({
    zone: ZONE,
    desired,
    findings: [],
    listed,
    owned: new Set(listed.map((row) => row.id)),
    createZone: false,
    commitPending: false,
    adopt: false,
  }).changes.map((change) => change.message);
}

// Sets of a few rows are matched in place and bigger sets through an index: both must pair rows by what they mean.
describe.each([3, 12])("a set of %i rows at WEDOS", (size) => {
  const values = Array.from({ length: size }, (_, i) => i + 1);
  // WEDOS spells each address in full: only the canonical key makes them equal to the panel's.
  const longhand = (n: number) => `2001:0db8:0000:0000:0000:0000:0000:${n.toString(16).padStart(4, "0")}`;

  it("keeps every row whose value the panel still has, in whatever order either side lists them", () => {
    expect(plan(desiredSet("v6", [...values].reverse()), listedSet("v6", size, 100, longhand))).toEqual([]);
  });

  it("turns the rows whose value left into updates to the new values, in the order both sides list them", () => {
    const wanted = values.map((n) => (n === 2 ? 0x902 : n === size ? 0x903 : n));
    expect(plan(desiredSet("v6", wanted), listedSet("v6", size, 100, longhand))).toEqual([
      `update v6 AAAA ${longhand(2)} (TTL 300) → 2001:db8::902`,
      `update v6 AAAA ${longhand(size)} (TTL 300) → 2001:db8::903`,
    ]);
  });

  it("reuses a leftover row for a new value and deletes a second row of a value the panel dropped", () => {
    const listed = [...listedSet("v6", size, 100), ...listedSet("v6", 1, 500)];
    expect(plan(desiredSet("v6", [...values.slice(1), 0x77]), listed)).toEqual([
      "delete v6 AAAA 2001:db8::1 (TTL 300)",
      "update v6 AAAA 2001:db8::1 (TTL 300) → 2001:db8::77",
    ]);
  });

  it("adds the panel's new values once the set's leftover rows are used up", () => {
    expect(plan(desiredSet("v6", [...values.slice(1), 0x77, 0x78]), listedSet("v6", size, 100))).toEqual([
      "update v6 AAAA 2001:db8::1 (TTL 300) → 2001:db8::77",
      "add v6 AAAA 2001:db8::78 (TTL 300)",
    ]);
  });
});

describe("sets are visited in the order they first appear", () => {
  it("the panel's sets first, then those only WEDOS has; a name's types apart", () => {
    const desired: WedosRow[] = [
      { name: "b", type: "A", ttl: 300, rdata: "192.0.2.2" },
      { name: "a", type: "A", ttl: 300, rdata: "192.0.2.1" },
      { name: "b", type: "TXT", ttl: 300, rdata: "hello" },
      { name: "a", type: "A", ttl: 300, rdata: "192.0.2.3" },
    ];
    const listed: WapiRow[] = [
      { id: "1", name: "z", type: "A", ttl: 300, rdata: "192.0.2.9", changedDate: "", comment: "" },
      { id: "2", name: "b", type: "TXT", ttl: 300, rdata: "old", changedDate: "", comment: "" },
      { id: "3", name: "b", type: "MX", ttl: 300, rdata: "10 mx.example.test", changedDate: "", comment: "" },
    ];
    expect(plan(desired, listed)).toEqual([
      "add b A 192.0.2.2 (TTL 300)",
      "add a A 192.0.2.1 (TTL 300)",
      "add a A 192.0.2.3 (TTL 300)",
      "update b TXT old (TTL 300) → hello",
      "delete z A 192.0.2.9 (TTL 300)",
      "delete b MX 10 mx.example.test (TTL 300)",
    ]);
  });
});

describe("a set whose records have many different TTLs", () => {
  it("reports the set once, with each TTL once and in order, and gives every record the lowest", () => {
    const ttls = [900, 600, 900, 3600, 450, 600, 7200, 450];
    const records = ttls.map((ttl, i) =>
      wedosRowToRecord({ name: "www", type: "A", ttl, rdata: `192.0.2.${i + 1}` }, ZONE),
    );
    const { rows, findings } = auditRecords(records, ZONE);
    expect(rows.map((row) => row.ttl)).toEqual(ttls.map(() => 450));
    expect(findings.map((finding) => finding.reason)).toEqual([
      "the A records at www have different TTLs (450, 600, 900, 3600, 7200 s) but WEDOS needs one per set; all use the lowest, 450 s",
    ]);
  });
});
