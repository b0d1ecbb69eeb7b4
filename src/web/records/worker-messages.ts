import type { ZoneFileProblem } from "../../dns/index.js";
import type { RecordState } from "../../sync/record-states.js";
import type { Steps } from "../../util/slices.js";

/**
 * What a zone worker (zone-worker.ts) sends back: its records in chunks, each a transferred buffer of UTF-8 JSON
 * (the worker's copy moves rather than being cloned, and the main thread decodes one chunk per slice), then either
 * `done` or the zone file's problems.
 */
export type WorkerMessage =
  | { kind: "records"; bytes: Uint8Array }
  | { kind: "done"; count: number }
  | { kind: "zone-file-error"; problems: ZoneFileProblem[] };

/** Records per chunk: decoding one takes well under a slice (about 0.5 ms for 1,000). */
export const RECORDS_PER_CHUNK = 1_000;

type Packed = [string, string, number, string, RecordState["state"], string | null, string | null];

/** One chunk of records as UTF-8 JSON arrays (no key names repeated, `undefined` kept as null). */
export function packRecords(records: readonly RecordState[]): Uint8Array {
  const packed: Packed[] = records.map((r) => [
    r.name,
    r.type,
    r.ttl,
    r.value,
    r.state,
    r.note ?? null,
    r.rule ?? null,
  ]);
  return new TextEncoder().encode(JSON.stringify(packed));
}

/** The records of the chunks {@link packRecords} made, in order, as steps: yields after each chunk. */
export function* unpackRecords(chunks: readonly Uint8Array[]): Steps<RecordState[]> {
  const decoder = new TextDecoder();
  const records: RecordState[] = [];
  for (const chunk of chunks) {
    for (const [name, type, ttl, value, state, note, rule] of JSON.parse(decoder.decode(chunk)) as Packed[]) {
      records.push({ name, type, ttl, value, state, note: note ?? undefined, rule: rule ?? undefined });
    }
    yield;
  }
  return records;
}
