import type { Clock } from "../../src/clock.js";

interface Sleeper {
  until: number;
  timer: NodeJS.Timeout | undefined;
  wake: () => void;
}

/**
 * The real clock, which a test can move forward: `now()` is the machine's time plus everything skipped so far, and
 * a `sleep` ends when that time reaches its end — by waiting, or at once when `skip` jumps past it. For tests that
 * run the daemon loop on real time (browser tests) yet must not wait out a 60 s poll delay or a retry's backoff.
 */
export class SkippableClock implements Clock {
  private skipped = 0;
  private readonly sleepers = new Set<Sleeper>();

  now(): number {
    return Date.now() + this.skipped;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper: Sleeper = {
        until: this.now() + Math.max(0, ms),
        timer: undefined,
        wake: () => {
          clearTimeout(sleeper.timer);
          this.sleepers.delete(sleeper);
          signal?.removeEventListener("abort", sleeper.wake);
          resolve();
        },
      };
      signal?.addEventListener("abort", sleeper.wake, { once: true });
      this.sleepers.add(sleeper);
      this.arm(sleeper);
    });
  }

  /** Moves time forward by `ms`; every sleep that ends by then ends now. */
  skip(ms: number): void {
    this.skipped += Math.max(0, ms);
    for (const sleeper of [...this.sleepers]) this.arm(sleeper);
  }

  private arm(sleeper: Sleeper): void {
    clearTimeout(sleeper.timer);
    const left = sleeper.until - this.now();
    if (left <= 0) sleeper.wake();
    else sleeper.timer = setTimeout(() => this.arm(sleeper), left);
  }
}
