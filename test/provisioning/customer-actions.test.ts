import { afterEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { syncZone as syncZoneTask } from "../../src/provisioning/tasks/zone-tasks.js";
import { jobKey } from "../../src/provisioning/task-definition.js";
import type { CustomerTask } from "../../src/provisioning/customer-actions.js";

let h: ProvisioningHarness;
afterEach(async () => {
  await h.close();
});

const MINUTE = 60_000;
const customer = (username: string, pkg = "default") => ({
  username,
  domain: `${username}.test`,
  package: pkg,
  ip: "192.0.2.10",
  email: `${username}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});
/** Requests the simulator answered since `from` (an index into its log), of `command` or of any command. */
const requestsSince = (from: number, command?: string) =>
  h
    .commands()
    .slice(from)
    .filter((c) => command === undefined || c.command === command).length;

/** Clicks `task` on `domain` `clicks` times, `everyMs` apart, running the worker between clicks as the daemon would. */
async function hammer(task: CustomerTask, domain: string, clicks: number, everyMs: number) {
  const answers = [];
  for (let i = 0; i < clicks; i++) {
    answers.push(h.services.actions.request(task, domain, true));
    await h.services.worker.runUntilIdle();
    h.clock.advance(everyMs);
  }
  return answers;
}

describe("a customer's Sync now", () => {
  it("281 clicks in 60 s cost one listing; the repeats join one job queued for the cooldown's end", async () => {
    h = await startProvisioningHarness();
    await h.da.createUser(customer("alice"));
    await h.settleAll();
    const before = h.commands().length;
    const answers = await hammer("syncZone", "alice.test", 281, 213);
    expect(requestsSince(before)).toBe(1);
    expect(requestsSince(before, "dns-rows-list")).toBe(1);
    expect(answers[0]?.outcome).toBe("queued");
    const later = answers.slice(1);
    expect(new Set(later.map((answer) => answer.jobId)).size).toBe(1);
    expect(
      later.every((answer) => answer.outcome === "cooling" && answer.runAt === (answers[1]?.lastRan ?? 0) + 5 * MINUTE),
    ).toBe(true);
    // At the cooldown's end the one waiting job runs: one more listing, then the next click waits again.
    h.clock.set((later[0]?.runAt ?? 0) + 1);
    await h.services.worker.runUntilIdle();
    expect(requestsSince(before, "dns-rows-list")).toBe(2);
    expect(h.services.actions.request("syncZone", "alice.test", true).outcome).toBe("cooling");
    expect(requestsSince(before)).toBe(2);
  });

  it("never holds back a change made in the panel: the hook's sync joins the waiting job and runs at once", async () => {
    h = await startProvisioningHarness();
    await h.da.createUser(customer("bob"));
    await h.settleAll();
    await hammer("syncZone", "bob.test", 2, 1_000);
    const waiting = h.services.queue.active(jobKey(syncZoneTask, { domain: "bob.test" }));
    expect(waiting?.runAt).toBeGreaterThan(h.clock.now());
    await h.da.addRecord("bob.test", { name: "shop.bob.test", type: "A", ttl: 3600, data: { address: "192.0.2.77" } });
    await h.settle();
    expect(h.published("bob.test")?.some((row) => row.name === "shop" && row.rdata === "192.0.2.77")).toBe(true);
    expect(h.services.queue.get(waiting?.id ?? 0)?.state).toBe("done");
  });

  it("runs at once for a domain that is not in sync: only a sync that would change nothing waits", async () => {
    h = await startProvisioningHarness();
    await h.da.createUser(customer("erin"));
    await h.settleAll();
    h.sim.simulator.addFault({ command: "dns-rows-list", kind: "http-503", count: 1 });
    expect(h.services.actions.request("syncZone", "erin.test", true).outcome).toBe("queued");
    await h.services.worker.runUntilIdle();
    expect(h.services.tasks.inventory.domain("erin.test")?.dnsStatus).toBe("pending");
    // Before its retry is due: the click brings it forward instead of waiting for the cooldown.
    h.clock.advance(1_000);
    const before = h.commands().length;
    expect(h.services.actions.request("syncZone", "erin.test", true)).toMatchObject({
      outcome: "queued",
      runAt: h.clock.now(),
    });
    await h.services.worker.runUntilIdle();
    expect(requestsSince(before, "dns-rows-list")).toBe(1);
    expect(h.services.tasks.inventory.domain("erin.test")?.dnsStatus).toBe("active");
    expect(h.services.actions.request("syncZone", "erin.test", true).outcome).toBe("cooling");
  });

  it("a click while the same sync runs queues nothing new", async () => {
    h = await startProvisioningHarness();
    await h.da.createUser(customer("carol"));
    await h.settleAll();
    const first = h.services.actions.request("syncZone", "carol.test", true);
    await h.services.queue.claim("another-worker", MINUTE);
    const again = h.services.actions.request("syncZone", "carol.test", true);
    expect(again).toMatchObject({ jobId: first.jobId, outcome: "running" });
    expect(h.services.queue.countsByState().queued).toBe(0);
  });
});

describe("a customer's Purge cache", () => {
  it("costs one purge per cooldown however fast it is clicked", async () => {
    h = await startProvisioningHarness();
    new PolicyStore(h.services.db).save(
      "protected",
      policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
      h.clock.now(),
    );
    await h.da.createUser(customer("dave", "protected"));
    await h.settleAll();
    expect(h.services.tasks.protections.get("dave.test")?.state).toBe("active");
    const before = h.commands().length;
    const answers = await hammer("purgeCache", "dave.test", 600, 1_000);
    // Ten minutes of clicking every second with a 5-minute cooldown: the first click, then one at each cooldown's end.
    expect(requestsSince(before, "wgp-domain-cache-purge")).toBe(2);
    expect(requestsSince(before)).toBe(2);
    expect(answers.filter((answer) => answer.outcome === "cooling").length).toBeGreaterThan(590);
  });
});
