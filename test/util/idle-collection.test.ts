import { afterEach, describe, expect, it, vi } from "vitest";
import { collectNow, collectWhenIdle, type HeapLook } from "../../src/util/idle-collection.js";

const MB = 1024 * 1024;

describe("collectNow", () => {
  it("collects once the heap grew by 2 MB since the last collection and the event loop was quiet", () => {
    expect(collectNow({ usedBytes: 20 * MB, busyFraction: 0.02 }, 18 * MB)).toBe(true);
    expect(collectNow({ usedBytes: 20 * MB - 1, busyFraction: 0.02 }, 18 * MB)).toBe(false);
    expect(collectNow({ usedBytes: 30 * MB, busyFraction: 0.5 }, 18 * MB)).toBe(false);
  });
});

describe("collectWhenIdle", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("collects after a burst of work once the daemon is quiet, and not again until the heap grows again", () => {
    vi.useFakeTimers();
    // Each look is one second of the daemon: busy while the pass runs, then quiet.
    const looks: HeapLook[] = [
      { usedBytes: 16 * MB, busyFraction: 0.9 },
      { usedBytes: 25 * MB, busyFraction: 0.8 },
      { usedBytes: 26 * MB, busyFraction: 0.01 },
      { usedBytes: 17 * MB, busyFraction: 0.3 }, // read right after the collection
      { usedBytes: 17.5 * MB, busyFraction: 0.01 },
      { usedBytes: 18 * MB, busyFraction: 0.01 },
      { usedBytes: 22 * MB, busyFraction: 0.6 },
      { usedBytes: 22 * MB, busyFraction: 0.02 },
    ];
    let next = 0;
    const collected: number[] = [];
    const stop = collectWhenIdle(
      () => collected.push(next),
      () => looks[next++] ?? { usedBytes: 22 * MB, busyFraction: 0 },
    );
    vi.advanceTimersByTime(3_000);
    expect(collected).toEqual([3]);
    vi.advanceTimersByTime(3_000);
    expect(collected).toEqual([3]);
    vi.advanceTimersByTime(1_000);
    expect(collected).toEqual([3, 8]);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(collected).toEqual([3, 8]);
  });

  it("does nothing where node runs without --expose-gc", () => {
    vi.useFakeTimers();
    const look = vi.fn(() => ({ usedBytes: 100 * MB, busyFraction: 0 }));
    collectWhenIdle(undefined, look)();
    vi.advanceTimersByTime(5_000);
    expect(look).not.toHaveBeenCalled();
  });
});
