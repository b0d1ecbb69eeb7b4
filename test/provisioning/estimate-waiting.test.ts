import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { protectDomain } from "../../src/provisioning/tasks/protection-tasks.js";
import { removeDomain, syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
  await h.da.createUser(newUser("alice", "alice.test"));
  await h.da.createUser(newUser("bob", "bob.test"));
  await h.settleAll();
});
afterEach(async () => {
  await h.close();
});

describe("which domains have zone changes waiting for WEDOS", () => {
  it("counts a queued zone change, not a protection order nor a removal weeks away", () => {
    const { queue, estimates } = h.services;
    expect(estimates.forDomains(["alice.test", "bob.test"]).size).toBe(0);
    queue.enqueue(protectDomain, { domain: "alice.test" });
    queue.enqueue(removeDomain, { domain: "bob.test" }, { delayMs: 30 * 24 * 3_600_000 });
    expect(estimates.forDomains(["alice.test", "bob.test"]).size).toBe(0);
    queue.enqueue(syncZone, { domain: "bob.test" });
    const waiting = estimates.forDomains(["alice.test", "bob.test"]);
    expect([...waiting.keys()]).toEqual(["bob.test"]);
    const bob = waiting.get("bob.test");
    expect(bob?.kind).toBe("at");
    // Nothing holds sending back: a sync of the records lane goes within this hour.
    if (bob?.kind === "at") expect(bob.at - h.clock.now()).toBeLessThan(3_600_000);
  });
});
