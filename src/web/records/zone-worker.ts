import { parentPort, workerData } from "node:worker_threads";
import { ZoneFileError } from "../../dns/index.js";
import { packChunk, RECORDS_PER_CHUNK } from "./record-list.js";
import { recordSteps, type RecordsInput } from "./record-steps.js";
import type { WorkerMessage } from "./worker-messages.js";
import { runBesidePages, type WorkerPacing } from "./worker-pacing.js";

/**
 * A worker thread that works out one big zone's records (zone-workers.ts starts one per zone) on a heap of its own,
 * then ends. Anything but a broken zone file is thrown, which ends the worker with an error the pool reports.
 */
const port = parentPort;
if (port === null) throw new Error("zone-worker.js runs only as a worker thread (zone-workers.ts starts it)");
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const { pacing, ...input } = workerData as RecordsInput & { pacing?: WorkerPacing };

try {
  const { result: records, pauses } = runBesidePages(recordSteps(input), pacing);
  for (let start = 0; start < records.length; start += RECORDS_PER_CHUNK) {
    const chunk = packChunk(records.slice(start, start + RECORDS_PER_CHUNK));
    send({ kind: "records", chunk }, [chunk.ends.buffer, chunk.ttls.buffer, chunk.flags.buffer] as ArrayBuffer[]);
  }
  send({ kind: "done", count: records.length, pauses });
} catch (error) {
  if (!(error instanceof ZoneFileError)) throw error;
  send({ kind: "zone-file-error", problems: [...error.problems] });
}
