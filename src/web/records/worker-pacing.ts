import type { Steps } from "../../util/slices.js";

/** How a zone worker gives way to the daemon's pages (docs/decisions/0043). */
export interface WorkerPacing {
  /** The count of page requests being answered, shared with the main thread (PagePriority.shared). */
  busy: Int32Array;
  /** A slice of work between two looks at `busy`. */
  sliceMs: number;
  /** The longest one pause lasts, should the page in hand take long. */
  maxWaitMs: number;
}

/**
 * Runs the steps to the end on a worker thread, pausing after each slice while the main thread answers a page, as a
 * parse in slices on the main thread does (page-priority.ts): on a machine with few cores the worker's CPU goes to
 * the other visitors' pages first. The pause blocks the worker alone (Atomics.wait) until a page is answered, or
 * `maxWaitMs` at most.
 * Also says how many times it gave way.
 */
export function runBesidePages<T>(steps: Steps<T>, pacing: WorkerPacing | undefined): { result: T; pauses: number } {
  let sliceStart = performance.now();
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done === true) return { result: next.value, pauses };
    if (pacing === undefined || performance.now() - sliceStart < pacing.sliceMs) continue;
    // One page answered is enough to go on: waiting for no page at all would let a steady stream of requests (each
    // a few ms) hold the parse for the whole stream, 25 s instead of 2 s for a 50,000-record zone.
    const answering = Atomics.load(pacing.busy, 0);
    if (answering > 0) {
      pauses += 1;
      Atomics.wait(pacing.busy, 0, answering, pacing.maxWaitMs);
    }
    sliceStart = performance.now();
  }
}
