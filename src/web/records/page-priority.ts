import type { Server } from "node:net";
import type { Clock } from "../../clock.js";
import { EVENT_LOOP_PACING, type Pacing } from "../../util/slices.js";
import type { WorkerPacing } from "./worker-pacing.js";

/**
 * Parsing a big zone is background work for the pages: between its slices it gives way while any other page request
 * is being answered — from the moment its connection is accepted, since an entry script sends one request per
 * connection — so another visitor's page costs what it costs alone plus at most one slice, not a share of the event
 * loop split with the parse. A request that only waits for a parse does not count as being answered. The parse still
 * moves on after `maxWaitMs` however busy the pages are, so a stream of requests cannot stall it for ever.
 */
export class PagePriority {
  private answering = 0;
  /**
   * The same count, shared with the zone workers (docs/decisions/0043): a worker pauses between its slices while it
   * is not 0, as a parse on this thread does, and is woken when it becomes 0.
   */
  private readonly shared = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  private readonly whenQuiet: Array<() => void> = [];

  constructor(
    private readonly clock: Clock,
    private readonly maxWaitMs = 50,
  ) {}

  /** Counts each connection to the pages' listener from its arrival until it closes. */
  watch(server: Server): void {
    server.on("connection", (socket) => {
      this.enter();
      socket.once("close", () => this.leave());
    });
  }

  /** Awaits `work` (a parse) without counting as a request being answered meanwhile. */
  async aside<T>(work: Promise<T>): Promise<T> {
    this.leave();
    try {
      return await work;
    } finally {
      this.enter();
    }
  }

  /** Pacing whose pauses last until no page request is being answered (or `maxWaitMs` passed). */
  pacing(base: Pacing = EVENT_LOOP_PACING, sliceMs = 2): Pacing {
    return {
      now: base.now,
      sliceMs,
      pause: async () => {
        await base.pause();
        if (this.answering === 0) return;
        const gaveUp = new AbortController();
        await Promise.race([
          new Promise<void>((resolve) => this.whenQuiet.push(resolve)),
          this.clock.sleep(this.maxWaitMs, gaveUp.signal),
        ]);
        gaveUp.abort();
      },
    };
  }

  /**
   * The same for a zone worker, which gives way to the pages from its own thread: a pause lasts one page at most and
   * never longer than the slice before it, so the worker keeps at least half its pace under any stream of requests.
   */
  workerPacing(sliceMs = 2): WorkerPacing {
    return { busy: this.shared, sliceMs, maxWaitMs: Math.min(sliceMs, this.maxWaitMs) };
  }

  /** Requests being answered now (for tests). */
  get busy(): number {
    return this.answering;
  }

  private enter(): void {
    this.answering += 1;
    Atomics.store(this.shared, 0, this.answering);
  }

  private leave(): void {
    this.answering -= 1;
    Atomics.store(this.shared, 0, this.answering);
    // A zone worker paused for the pages goes on once one of them is answered (worker-pacing.ts).
    Atomics.notify(this.shared, 0);
    if (this.answering !== 0) return;
    for (const resolve of this.whenQuiet.splice(0)) resolve();
  }
}
