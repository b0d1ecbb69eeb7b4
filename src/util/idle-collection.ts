import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";

/** How often the daemon looks whether it has gone quiet. */
const LOOK_EVERY_MS = 1_000;
/** Heap growth since the last collection that is worth one: below it V8's own collections suffice. */
const GROWTH_BYTES = 2 * 1024 * 1024;
/** A look's share of time the event loop was busy, under which the daemon counts as quiet. */
const QUIET_BELOW = 0.1;

/** One look: how much of the JavaScript heap is in use, and how busy the event loop was since the last look. */
export interface HeapLook {
  usedBytes: number;
  busyFraction: number;
}

/**
 * Whether to collect now: the heap grew by GROWTH_BYTES since the last collection (live data or garbage of a burst
 * of work: a worker's pass, a big page) and the event loop was quiet since the last look.
 */
export function collectNow(look: HeapLook, usedAfterLastCollection: number): boolean {
  return look.busyFraction < QUIET_BELOW && look.usedBytes - usedAfterLastCollection >= GROWTH_BYTES;
}

/**
 * After a burst of work, once the daemon is quiet, one full garbage collection. V8 collects its old generation only
 * when allocation reaches a limit, so what a worker's pass left stayed in the heap, and in the resident memory, until
 * the next burst (docs/decisions/0053). `collect` is V8's `gc`, there when node runs with --expose-gc (the service
 * does); without it (undefined) nothing runs. Returns a stop function.
 */
export function collectWhenIdle(collect: (() => void) | undefined, look: () => HeapLook = lookAtHeap()): () => void {
  if (collect === undefined) return () => {};
  let usedAfterLastCollection = 0;
  const timer = setInterval(() => {
    if (!collectNow(look(), usedAfterLastCollection)) return;
    collect();
    usedAfterLastCollection = look().usedBytes;
  }, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Looks at this process's heap and event loop. */
function lookAtHeap(): () => HeapLook {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const busyFraction = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    return { usedBytes: getHeapStatistics().used_heap_size, busyFraction };
  };
}
