import { afterEach, describe, expect, it } from "vitest";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { syncZone as syncZoneTask } from "../../src/provisioning/tasks/zone-tasks.js";
import { jobKey } from "../../src/provisioning/task-definition.js";

let h: ProvisioningHarness;
afterEach(async () => {
  await h.close();
});

const HOUR = 3_600_000;
const user = (username: string, creator: string) => ({
  username,
  domain: `${username}.test`,
  package: "default",
  ip: "192.0.2.10",
  email: `${username}@example.test`,
  creator,
  password: "Secret-Password-1",
});
const requestsSince = (from: number, command?: string) =>
  h
    .commands()
    .slice(from)
    .filter((c) => command === undefined || c.command === command).length;
const doneSyncs = (domains: readonly string[]) =>
  domains.filter((domain) => h.services.queue.lastFinished(jobKey(syncZoneTask, { domain: domain })) !== undefined)
    .length;

/** An account of `creator` with `count` domains (`<username>.test`, `<username>2.test`, …), provisioned. */
async function accountWithDomains(username: string, creator: string, count: number): Promise<string[]> {
  await h.da.createUser(user(username, creator));
  const domains = [`${username}.test`];
  for (let i = 2; i <= count; i++) {
    await h.da.createDomain(username, `${username}${i}.test`);
    domains.push(`${username}${i}.test`);
  }
  return domains;
}

describe("fair shares of the interactive lane", () => {
  it("an account and a reseller get no more than their share of the hour, and others are not held up", async () => {
    // Shares of the real 1000/hour: 4 requests per account, 6 per reseller.
    h = await startProvisioningHarness({ config: { wapi: { accountShare: 0.004, resellerShare: 0.006 } } });
    h.da.createStaffAccount("res1", "reseller");
    const alice = await accountWithDomains("alice", "res1", 5);
    const carol = await accountWithDomains("carol", "res1", 5);
    const bob = await accountWithDomains("bob", "admin", 1);
    await h.settleAll();
    h.clock.set(Math.ceil(h.clock.now() / HOUR) * HOUR + 60_000);
    const before = h.commands().length;
    for (const domain of [...alice, ...carol, ...bob]) h.services.actions.request("syncZone", domain, true);
    await h.services.worker.runUntilIdle();
    // Each of these syncs is one listing: alice stops at her 4, carol at the reseller's 6, bob is not held up.
    expect(requestsSince(before)).toBe(7);
    expect([doneSyncs(alice), doneSyncs(carol), doneSyncs(bob)]).toEqual([4, 2, 1]);
    // A further click of alice's is told the share is used up and queued for the next hour.
    expect(h.services.actions.request("syncZone", "alice5.test", true)).toMatchObject({
      outcome: "overShare",
      runAt: Math.ceil(h.clock.now() / HOUR) * HOUR,
    });
    // Nothing more runs this hour; the next hour the waiting ones do.
    h.clock.advance(10 * 60_000);
    await h.services.worker.runUntilIdle();
    expect(requestsSince(before)).toBe(7);
    h.clock.set(Math.ceil(h.clock.now() / HOUR) * HOUR);
    await h.services.worker.runUntilIdle();
    expect([doneSyncs(alice), doneSyncs(carol)]).toEqual([5, 5]);
    expect(requestsSince(before)).toBe(11);
  });

  it("an admin's click counts toward no share", async () => {
    h = await startProvisioningHarness({ config: { wapi: { accountShare: 0.001 } } });
    const alice = await accountWithDomains("alice", "admin", 3);
    await h.settleAll();
    const before = h.commands().length;
    for (const domain of alice) h.services.actions.request("syncZone", domain, false);
    await h.services.worker.runUntilIdle();
    expect(requestsSince(before, "dns-rows-list")).toBe(3);
  });
});

describe("lifecycle work", () => {
  it("keeps its reserve whatever the interactive lane spent: a new account's zone is committed in the same hour", async () => {
    h = await startProvisioningHarness({
      config: { wapi: { hourlyLimit: 60, interactiveReserve: 5, lifecycleReserve: 25 } },
    });
    h.clock.set(Math.ceil(h.clock.now() / HOUR) * HOUR);
    const hourStart = h.clock.now();
    const before = h.commands().length;
    const sent = [];
    for (let i = 0; i < 50; i++)
      sent.push(
        await h.services.wapi.account.ping({ lane: "interactive" }).then(
          () => true,
          () => false,
        ),
      );
    expect(sent.filter(Boolean).length).toBe(35);
    await h.da.createUser(user("newcomer", "admin"));
    await h.settle();
    expect(h.published("newcomer.test")?.length).toBeGreaterThan(0);
    expect(h.clock.now() - hourStart).toBeLessThan(HOUR);
    expect(requestsSince(before)).toBeLessThanOrEqual(60);
    expect(requestsSince(before, "ping")).toBe(35);
  });
});
