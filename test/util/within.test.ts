import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { within } from "../../src/util/within.js";

/** How Test connection's page waits for its ping (src/web/routes/settings.ts). */
describe("within", () => {
  it("gives the work's answer when it comes before the time is up", async () => {
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    expect(await within(Promise.resolve("accepted"), 32_000, clock)).toBe("accepted");
  });

  it("gives up at the deadline, on the clock it is given, while the work goes on", async () => {
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    let answer: (value: string) => void = () => undefined;
    const work = new Promise<string>((resolve) => (answer = resolve));
    expect(await within(work, 45_000, clock)).toBeUndefined();
    expect(clock.now()).toBe(Date.parse("2026-03-10T09:00:45Z"));
    answer("late");
    expect(await work).toBe("late");
  });

  it("passes the work's failure on", async () => {
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    await expect(within(Promise.reject(new Error("refused")), 1_000, clock)).rejects.toThrow("refused");
  });
});
