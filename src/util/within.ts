import type { Clock } from "../clock.js";

/**
 * `work`'s outcome, or undefined when `ms` of `clock`'s time pass first. The work goes on after that (nothing
 * cancels it); whoever started it keeps its result wherever it keeps it. No timer is left behind.
 */
export async function within<T>(work: Promise<T>, ms: number, clock: Clock): Promise<T | undefined> {
  const settled = new AbortController();
  try {
    return await Promise.race([work, clock.sleep(ms, settled.signal).then(() => undefined)]);
  } finally {
    settled.abort();
  }
}
