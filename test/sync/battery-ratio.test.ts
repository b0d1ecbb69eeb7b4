import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runBattery } from "../../src/bench/sync-bench.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

/**
 * The whole battery costs exactly the minimum, counting every request at the simulator, reads included: per step,
 * the rows it changes (and the zone's creation), one listing and one commit (docs/decisions/0016).
 */
let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness({ simulator: { listShape: "rotate" } });
});
afterEach(async () => {
  await h.close();
});

describe("the scenario battery's requests", () => {
  it("are exactly the minimum: ratio 1.00 over the whole battery, and no step above it", async () => {
    const steps = await runBattery(h.wapi, h.sim, h.clock);
    for (const step of steps)
      expect(step.sent.length, `${step.group} / ${step.step}: ${step.sent.join(", ")}`).toBe(step.minimum);
    const requests = steps.reduce((sum, step) => sum + step.sent.length, 0);
    const minimum = steps.reduce((sum, step) => sum + step.minimum, 0);
    expect(requests / minimum).toBe(1);
    // Each step's single read is its listing, and each step commits once.
    for (const step of steps) {
      expect(
        step.sent.filter((command) => command === "dns-rows-list" || command === "dns-domains-list"),
        step.step,
      ).toHaveLength(1);
      expect(
        step.sent.filter((command) => command === "dns-domain-commit"),
        step.step,
      ).toHaveLength(1);
    }
    // Every group ends emptied: nothing the battery added is left at WEDOS, so every added row was known as ours.
    expect(h.sim.simulator.dump().zones.flatMap((zone) => zone.rows)).toEqual([]);
    expect(requests).toBeGreaterThan(150);
  });
});
