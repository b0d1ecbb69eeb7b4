import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCENARIO_GROUPS } from "../../src/bench/sync-scenarios.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";
import { commandsSince, panelZone, ZONE, zoneSyncFor } from "./support.js";

/**
 * Every step must plan at least one change, apply it with exactly one commit and the minimum writes, and leave a
 * fresh plan empty. Each group ends by emptying the zone.
 */
let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness({ simulator: { listShape: "rotate" } });
});
afterEach(async () => {
  await h.close();
});

describe.each(Object.entries(SCENARIO_GROUPS))("scenario group: %s", (_group, steps) => {
  it("every step plans changes, applies them with one commit, and leaves a fresh plan empty", async () => {
    const { sync } = zoneSyncFor(h);
    const finalStep = { name: "empty the zone", zone: "", writes: [] as string[] };
    for (const step of [...steps, finalStep]) {
      const records = panelZone(step.zone);
      const plan = await sync.plan(ZONE, records, "primary");
      expect(plan.changes.length + (plan.createZone ? 1 : 0), `${step.name}: the plan is empty`).toBeGreaterThan(0);
      const before = h.sim.simulator.dump().requestLog.length;
      const result = await sync.apply(plan);
      // The apply itself reads nothing: the rows it adds are claimed at the next listing (the fresh plan below).
      const sent = commandsSince(h, before);
      expect(result.converged, `${step.name}: not converged`).toBe(true);
      expect(
        sent.filter((command) => command === "dns-domain-commit"),
        step.name,
      ).toHaveLength(1);
      if (step !== finalStep) expect(sent, step.name).toEqual(step.writes);
      const fresh = await sync.plan(ZONE, records, "primary");
      expect(
        fresh.changes.map((change) => change.message),
        `${step.name}: a fresh plan`,
      ).toEqual([]);
    }
    const published = [...h.sim.simulator.publishedZones()].find((zone) => zone.name === ZONE);
    expect(published?.rows).toEqual([]);
  });
});

describe("a zone of 600 records", () => {
  it("is created in one pass and then edited with only the changed rows", async () => {
    const { sync } = zoneSyncFor(h);
    const hosts = (offset: number) =>
      Array.from(
        { length: 600 },
        (_, i) => `host${i} 300 IN A 192.0.${Math.floor(i / 250)}.${(i % 250) + offset}`,
      ).join("\n");
    const first = await sync.plan(ZONE, panelZone(hosts(1)), "primary");
    let before = h.sim.simulator.dump().requestLog.length;
    await sync.apply(first);
    expect(commandsSince(h, before).filter((c) => c === "dns-row-add")).toHaveLength(600);
    const edited = hosts(1).replace("host7 300 IN A 192.0.0.8", "host7 300 IN A 192.0.0.200");
    const second = await sync.plan(ZONE, panelZone(edited), "primary");
    before = h.sim.simulator.dump().requestLog.length;
    const result = await sync.apply(second);
    expect(commandsSince(h, before)).toEqual(["dns-row-update", "dns-domain-commit"]);
    expect(result.converged).toBe(true);
  });
});
