/**
 * Time as a dependency. Everything time-dependent (the WAPI auth hash, the hourly budget, backoff, the
 * simulator's autocommit) reads the clock it is given, so tests can fix and move time instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time, or at once when `signal` aborts (no timer is left behind). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A clock that only moves when told to; `sleep` advances it instantly. For tests and the benchmark. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number | string | Date) {
    this.current = new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  async sleep(ms: number): Promise<void> {
    this.current += Math.max(0, ms);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(at: number | string | Date): void {
    this.current = new Date(at).getTime();
  }
}
