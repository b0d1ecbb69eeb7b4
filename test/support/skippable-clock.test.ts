import { describe, expect, it } from "vitest";
import { SkippableClock } from "./skippable-clock.js";

describe("the skippable clock", () => {
  it("reads the machine's time plus what was skipped", () => {
    const clock = new SkippableClock();
    const before = Date.now();
    clock.skip(60_000);
    expect(clock.now() - before).toBeGreaterThanOrEqual(60_000);
    expect(clock.now() - Date.now()).toBe(60_000);
  });

  it("ends a long sleep at once when a skip reaches its end, and not before", async () => {
    const clock = new SkippableClock();
    let ended = false;
    const sleeping = clock.sleep(60_000).then(() => (ended = true));
    clock.skip(30_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    clock.skip(30_000);
    await sleeping;
    expect(ended).toBe(true);
  });

  it("ends a short sleep by waiting, and any sleep when its signal aborts", async () => {
    const clock = new SkippableClock();
    await clock.sleep(5);
    const abort = new AbortController();
    const sleeping = clock.sleep(3_600_000, abort.signal);
    abort.abort();
    await sleeping;
    await clock.sleep(3_600_000, abort.signal);
  });
});
