import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TASKS } from "../../src/provisioning/tasks/index.js";
import { reconcile } from "../../src/provisioning/tasks/reconcile.js";
import { purgeCache, protectDomain } from "../../src/provisioning/tasks/protection-tasks.js";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { isMessageKey } from "../../src/web/i18n/index.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await h.close();
});

/** Rewrites a stored job's payload, as an older version of wedos-panel or a hand-edit would have left it. */
const storePayload = (id: number, payload: string) =>
  h.services.db.prepare("UPDATE jobs SET payload = ? WHERE id = ?").run(payload, id);

describe("task payloads", () => {
  it("fails a job whose payload does not fit its task's schema, saying what was wrong, and keeps it", async () => {
    const misspelt = h.services.queue.enqueue(syncZone, { domain: "alice.test" });
    storePayload(misspelt, '{"domian":"alice.test"}');
    const garbled = h.services.queue.enqueue(purgeCache, { domain: "bob.test" });
    storePayload(garbled, "{not json");
    const fine = h.services.queue.enqueue(protectDomain, { domain: "carol.test" });
    expect(await h.services.worker.runUntilIdle()).toBe("idle");
    expect(h.services.queue.get(misspelt)).toMatchObject({
      state: "dead",
      attempts: 1,
      payload: { domian: "alice.test" },
    });
    expect(h.services.queue.get(misspelt)?.lastError).toMatch(
      new RegExp(
        `^job ${misspelt} \\(sync-zone\\) has a payload this version cannot run \\(domain: .+\\): \\{"domian":"alice.test"\\}; it was written by another version of wedos-panel or by hand`,
      ),
    );
    expect(h.services.queue.get(garbled)?.lastError).toMatch(
      new RegExp(
        `^job ${garbled} \\(purge-cache\\) has a payload this version cannot run \\(payload: .+\\): "\\{not json"`,
      ),
    );
    // The other work goes on: a bad payload is one job's failure, not the worker's.
    expect(h.services.queue.get(fine)?.state).toBe("done");
  });

  it("refuses at enqueue a payload its task's schema does not pass: nothing bad is stored", () => {
    const before = h.services.queue.countsByState().queued;
    // The types already forbid this; a payload built at run time (parsed input) is checked all the same.
    const unchecked: { domain: string } = JSON.parse('{"domain":""}') as { domain: string };
    expect(() => h.services.queue.enqueue(syncZone, unchecked)).toThrow();
    expect(h.services.queue.countsByState().queued).toBe(before);
  });

  it("stores the domain a job concerns in its own column, and none for work about no single domain", () => {
    const id = h.services.queue.enqueue(syncZone, { domain: "alice.test" });
    expect(h.services.queue.get(id)).toMatchObject({
      domain: "alice.test",
      jobKey: "sync-zone:alice.test",
      lane: "records",
    });
    const whole = h.services.queue.enqueue(reconcile, {});
    expect(h.services.queue.get(whole)).toMatchObject({ domain: null, jobKey: "reconcile:*", lane: "background" });
  });

  it("names every task a progress box shows with a message the catalogues have", () => {
    const labelled = [...TASKS.values()].filter((task) => task.progressLabel !== undefined);
    expect(labelled.length).toBeGreaterThan(5);
    for (const task of labelled) expect(isMessageKey(task.progressLabel ?? "")).toBe(true);
  });
});
