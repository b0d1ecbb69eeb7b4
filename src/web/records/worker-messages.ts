import type { ZoneFileProblem } from "../../dns/index.js";
import type { RecordChunk } from "./record-list.js";

/**
 * What a zone worker (zone-worker.ts) sends back: its records in packed chunks (record-list.ts; the typed arrays are
 * transferred, the text copied), then either `done` or the zone file's problems.
 */
export type WorkerMessage =
  | { kind: "records"; chunk: RecordChunk }
  /** `pauses`: how many times the worker gave way to the pages (worker-pacing.ts). */
  | { kind: "done"; count: number; pauses: number }
  | { kind: "zone-file-error"; problems: ZoneFileProblem[] };
