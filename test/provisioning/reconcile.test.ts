import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { applyDrift as applyDriftTask } from "../../src/provisioning/tasks/drift-tasks.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await h.close();
});

const user = (n: number) => ({
  username: `r${n}`,
  domain: `rec${n}.test`,
  package: "default",
  ip: `192.0.2.${n}`,
  email: `r${n}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});

describe("the reconciler", () => {
  it("provisions a domain whose hook events were lost", async () => {
    await h.da.createUser(user(1));
    // The events never reach the daemon (lost spool, hooks disabled at the time).
    rmSync(`${h.dataDir}/spool/new`, { recursive: true, force: true });
    const report = await h.reconcile();
    expect(report?.missing).toEqual(["rec1.test"]);
    await h.settle();
    expect(h.published("rec1.test")?.length).toBeGreaterThan(3);
  });

  it("applies a suspension whose event was lost, and the unsuspension after it", async () => {
    new PolicyStore(h.services.db).save("withdrawing", policySchema.parse({ onSuspend: "withdraw" }), h.clock.now());
    await h.da.createUser({ ...user(6), package: "withdrawing" });
    await h.settle();
    await h.da.suspendUser("r6");
    rmSync(`${h.dataDir}/spool/new`, { recursive: true, force: true });
    const suspended = await h.reconcile();
    expect(suspended?.accounts).toEqual([{ username: "r6", change: "suspended" }]);
    await h.settle();
    expect(h.services.tasks.inventory.domain("rec6.test")?.state).toBe("suspended");
    expect(h.published("rec6.test")).toBeUndefined();

    await h.da.unsuspendUser("r6");
    rmSync(`${h.dataDir}/spool/new`, { recursive: true, force: true });
    const unsuspended = await h.reconcile();
    expect(unsuspended?.accounts).toEqual([{ username: "r6", change: "unsuspended" }]);
    await h.settle();
    expect(h.services.tasks.inventory.domain("rec6.test")?.state).toBe("active");
    expect(h.published("rec6.test")?.length).toBeGreaterThan(3);
    expect((await h.reconcile())?.accounts).toEqual([]);
  });

  it("applies a package change whose event was lost", async () => {
    await h.da.createUser(user(8));
    await h.settle();
    // The package changed in the panel's files, and no hook ran.
    const conf = h.layout.userConf("r8");
    writeFileSync(conf, readFileSync(conf, "utf8").replace(/^package=.*$/m, "package=bigger"));
    const report = await h.reconcile();
    expect(report?.accounts).toEqual([{ username: "r8", change: "package" }]);
    expect(h.services.tasks.inventory.account("r8")?.package).toBe("bigger");
    expect((await h.reconcile())?.accounts).toEqual([]);
  });

  it("marks an account gone from the panel deleted, with its domains", async () => {
    await h.da.createUser(user(7));
    await h.settle();
    rmSync(h.layout.userDir("r7"), { recursive: true, force: true });
    const report = await h.reconcile();
    expect(report?.accounts).toEqual([{ username: "r7", change: "gone" }]);
    expect(report?.orphans).toEqual(["rec7.test"]);
    expect(h.services.tasks.inventory.account("r7")?.deletedAt).toBe(h.clock.now());
  });

  it("treats a domain gone from the panel as deleted, per the termination policy", async () => {
    await h.da.createUser(user(2));
    await h.settle();
    // Removed behind the plugin's back: the panel's files are gone, no hook ran.
    rmSync(h.layout.userDir("r2"), { recursive: true, force: true });
    const report = await h.reconcile();
    expect(report?.orphans).toEqual(["rec2.test"]);
    expect(h.services.tasks.inventory.domain("rec2.test")?.state).toBe("deleted");
    h.clock.advance(8 * 86_400_000);
    await h.settleAll(86_400_000);
    expect(h.published("rec2.test")).toBeUndefined();
  });

  it("plans the zones looked at longest ago within its share of the budget, and keeps the drift for an admin", async () => {
    await h.da.createUser(user(3));
    await h.settle();
    const [row] = (await h.services.wapi.dns.rowsList("rec3.test")).filter((r) => r.name === "www");
    await h.services.wapi.dns.rowUpdate({
      domain: "rec3.test",
      rowId: row?.id ?? "",
      ttl: row?.ttl ?? 3600,
      rdata: "203.0.113.9",
    });
    await h.services.wapi.dns.domainCommit("rec3.test");
    const report = await h.reconcile();
    expect(report?.driftChecks).toBe(1);
    await h.settle();
    expect(h.published("rec3.test")?.find((r) => r.name === "www" && r.type === "A")?.rdata).toBe("203.0.113.9");
    expect(h.services.tasks.drift.get("rec3.test")?.summary).toMatchObject({
      steps: [{ mark: "~", text: "update www A 203.0.113.9 (TTL 3600) → 192.0.2.3" }],
      counts: { update: 1, add: 0, delete: 0 },
      safe: true,
    });

    h.services.queue.enqueue(applyDriftTask, { domain: "rec3.test" }, { lane: "interactive" });
    await h.settle();
    expect(h.published("rec3.test")?.find((r) => r.name === "www" && r.type === "A")?.rdata).toBe("192.0.2.3");
    expect(h.services.tasks.drift.get("rec3.test")).toBeUndefined();
  });

  it("looks at another zone on the next run instead of the same one", async () => {
    await h.da.createUser(user(4));
    await h.da.createUser(user(5));
    await h.settle();
    // A share of the budget that allows one drift check per run.
    h.services.tasks.reconcile.budgetShare = 1 / h.services.tasks.reconcile.hourlyLimit;
    const plannedThisRun = async () => {
      h.clock.advance(3_600_000);
      await h.reconcile();
      await h.settle();
      return [...h.services.tasks.drift.checkedAt()].filter(([, at]) => at === h.clock.now()).map(([domain]) => domain);
    };
    const first = await plannedThisRun();
    const second = await plannedThisRun();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect([...first, ...second].sort()).toEqual(["rec4.test", "rec5.test"]);
  });
});
