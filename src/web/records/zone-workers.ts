import { Worker } from "node:worker_threads";
import { ZoneFileError } from "../../dns/index.js";
import { AppError } from "../../errors.js";
import { PackedRecords, type RecordChunk } from "./record-list.js";
import type { RecordsInput } from "./record-steps.js";
import type { WorkerMessage } from "./worker-messages.js";
import type { WorkerPacing } from "./worker-pacing.js";

/** The compiled worker beside this module (build/lib/web/records/zone-worker.js). */
export const ZONE_WORKER_SCRIPT = new URL("./zone-worker.js", import.meta.url);

export interface ZoneWorkersOptions {
  /** The worker's JavaScript (default {@link ZONE_WORKER_SCRIPT}); tests that run the sources name the compiled one. */
  script?: URL;
  /** The largest old-generation heap one worker may use, in MiB: a zone that needs more ends its worker alone. */
  maxHeapMb: number;
  /** How many zones are worked out at once; the rest wait their turn. */
  concurrency?: number;
  /** How a worker gives way to the pages (PagePriority.workerPacing); without it, it works straight through. */
  pacing?: WorkerPacing;
  /** Where the administrator reads why a worker failed. */
  log: (line: string) => void;
}

/** A zone worker that ended without an answer: out of memory, crashed, or stopped with the daemon. */
export class ZoneWorkerError extends AppError {
  constructor(domain: string, why: string) {
    super("zone_worker_failed", `the records of ${domain} could not be worked out: ${why}`, { retryable: true });
  }
}

/**
 * Works out big zones' records off the main thread (docs/decisions/0025): one worker thread per zone, started for it
 * and ended after it, with a heap limit of its own, so a zone that exhausts it or crashes fails alone and its
 * memory goes back to the system when it ends. The main thread only decodes the transferred result, a chunk per
 * slice of `pacing`.
 */
export class ZoneWorkers {
  private readonly running = new Set<Worker>();
  private readonly waiting: Array<() => void> = [];
  /** Zones being worked out, from their turn to their answer. */
  private active = 0;
  private closed = false;
  /** How many times the workers gave way to page requests, in all (for tests and the bench). */
  readonly counts = { pauses: 0 };

  constructor(private readonly options: ZoneWorkersOptions) {}

  /** The zone's records; throws its ZoneFileError, or a ZoneWorkerError when the worker ends without an answer. */
  async records(input: RecordsInput): Promise<PackedRecords> {
    await this.turn(input.domain);
    try {
      return new PackedRecords(await this.work(input));
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  /** Ends every running worker and refuses what waits; for the daemon's stop. */
  async close(): Promise<void> {
    this.closed = true;
    for (const start of this.waiting.splice(0)) start();
    await Promise.all([...this.running].map((worker) => worker.terminate()));
  }

  /** How many workers are running now (for tests). */
  get size(): number {
    return this.running.size;
  }

  private async turn(domain: string): Promise<void> {
    while (!this.closed && this.active >= (this.options.concurrency ?? 1))
      await new Promise<void>((start) => this.waiting.push(start));
    if (this.closed) throw new ZoneWorkerError(domain, "the daemon is stopping");
    this.active += 1;
  }

  private work(input: RecordsInput): Promise<RecordChunk[]> {
    const { domain } = input;
    // The file's bytes move to the worker rather than being copied, unless they share a buffer with other data.
    const content =
      input.content.byteOffset === 0 && input.content.byteLength === input.content.buffer.byteLength
        ? input.content
        : input.content.slice();
    const worker = new Worker(this.options.script ?? ZONE_WORKER_SCRIPT, {
      workerData: { ...input, content, pacing: this.options.pacing },
      transferList: [content.buffer as ArrayBuffer],
      // The young generation V8 gives a process by default, whatever the daemon's own (scripts/service.sh).
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 48 },
    });
    this.running.add(worker);
    const chunks: RecordChunk[] = [];
    return new Promise((resolve, reject) => {
      let answer: Error | "done" | undefined;
      let failure: Error | undefined;
      worker.on("message", (message: WorkerMessage) => {
        if (message.kind === "records") chunks.push(message.chunk);
        else if (message.kind === "done") {
          answer = "done";
          this.counts.pauses += message.pauses;
        } else answer = new ZoneFileError(message.problems[0]?.file ?? `${domain}.db`, message.problems);
      });
      worker.on("error", (error) => (failure = error));
      worker.on("exit", (code) => {
        this.running.delete(worker);
        if (answer === "done") return resolve(chunks);
        if (answer !== undefined) return reject(answer);
        const why = this.closed ? "the daemon is stopping" : describeFailure(failure, code, this.options.maxHeapMb);
        if (!this.closed) this.options.log(`pages: zone ${domain}: its worker ended without an answer (${why})`);
        reject(new ZoneWorkerError(domain, why));
      });
    });
  }
}

function describeFailure(failure: Error | undefined, code: number, maxHeapMb: number): string {
  if (failure !== undefined && "code" in failure && failure.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return `it needed more than its ${maxHeapMb} MiB heap; lower pages.zoneMaxBytes so such a zone is not read for a page, or split the zone`;
  }
  return failure === undefined ? `exit code ${code}` : `${failure.name}: ${failure.message}`;
}

/**
 * A worker's heap limit for zones up to `maxZoneBytes` (pages.zoneMaxBytes): the parse of a zone peaks at about
 * PEAK_HEAP_PER_ZONE_BYTE times its file's size, plus room for the worker's own modules.
 */
export function zoneWorkerHeapMb(maxZoneBytes: number): number {
  return Math.ceil((maxZoneBytes * PEAK_HEAP_PER_ZONE_BYTE) / 2 ** 20) + 64;
}

const PEAK_HEAP_PER_ZONE_BYTE = 60;
