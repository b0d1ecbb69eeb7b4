import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import type { TermsLookup } from "../../src/billing/terms.js";
import { SpendCheck } from "../../src/provisioning/spend-check.js";
import { changeSpendLimit } from "../../src/provisioning/spend-limit-change.js";
import { exportStatements } from "../../src/store/billing-export.js";
import { CreatorLevelStore } from "../../src/store/creator-level-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { billWithTerms } from "../support/harness-billing.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/**
 * Who is the reseller of an account an admin created: the ledger keeps the creator, the reconciler asks emulated
 * DirectAdmin whether that creator is an admin (user.conf usertype), and the export, the statements and the
 * spending limits then treat those accounts as the admin's own customers, never as a reseller's.
 */
let h: ProvisioningHarness;
let creators: CreatorLevelStore;
beforeEach(async () => {
  h = await startProvisioningHarness();
  creators = new CreatorLevelStore(h.services.db);
  billWithTerms(h, terms);
  h.da.createStaffAccount("admin", "admin");
  h.da.createStaffAccount("res1", "reseller", { creator: "admin" });
  await h.da.createUser(newUser("ann", "ann.test"));
  await h.da.createUser({ ...newUser("bob", "bob.test"), creator: "res1" });
  await h.settleAll(86_400_000);
});
afterEach(async () => {
  await h.close();
});

/** A zone sold at 31 CZK a month; protection at 290 CZK a period. */
const terms: TermsLookup = ({ product }) => ({
  offerId: 1,
  retail: product === "zone" ? money(3100, "CZK") : money(29_000, "CZK"),
  wholesale: null,
  billedWhileSuspended: true,
  renewal: "renew",
});

const month = () => new Date(h.clock.now()).toISOString().slice(0, 7);
const groups = () =>
  exportStatements(h.services.db, h.services.config.billing, {
    month: month(),
    scope: { kind: "all" },
    generatedAt: h.clock.now(),
  }).resellers.map((group) => [group.reseller, group.direct, group.customers.map((customer) => customer.customer)]);

describe("an admin's own accounts", () => {
  it("are the admin's own customers in the export once the reconciler has read the creator's usertype", async () => {
    expect(groups()).toEqual([
      ["admin", false, ["ann"]],
      ["res1", false, ["bob"]],
    ]);
    await h.reconcile();
    expect(creators.isAdmin("admin")).toBe(true);
    expect(creators.isAdmin("res1")).toBe(false);
    expect(groups()).toEqual([
      ["admin", true, ["ann"]],
      ["res1", false, ["bob"]],
    ]);
  });

  it("are not limited by a reseller limit on the admin's name; a reseller's customers are", async () => {
    const limits = new SpendLimitStore(h.services.db);
    // Set before the panel said "admin" is an admin: the limit exists, and the check no longer applies it.
    limits.set({ scope: "reseller", name: "admin", amount: money(0, "CZK") }, "test", h.clock.now());
    limits.set({ scope: "reseller", name: "res1", amount: money(0, "CZK") }, "test", h.clock.now());
    await h.reconcile();
    const spending = new SpendCheck({
      db: h.services.db,
      billing: h.services.config.billing,
      terms,
      inventory: h.services.stores.inventory,
      limits,
    });
    const order = (username: string) =>
      spending.check({ username, product: "protection/start/monthly", now: h.clock.now() });
    expect(order("ann")).toMatchObject({ allowed: true });
    expect(order("bob")).toMatchObject({ allowed: false, refusedBy: { limit: { scope: "reseller", name: "res1" } } });

    const change = (amount: ReturnType<typeof money> | null) =>
      changeSpendLimit(
        { limits, inventory: h.services.stores.inventory, creators, currency: "CZK" },
        {
          setter: { level: "admin", name: "admin" },
          scope: "reseller",
          name: "admin",
          amount,
          actor: "admin admin",
          now: h.clock.now(),
        },
      );
    expect(change(money(50_000, "CZK"))).toBe("admin-not-reseller");
    expect(change(null)).toBeUndefined();
    expect(limits.get("reseller", "admin")).toBeUndefined();
  });

  it("keeps the level last read when the creator's user.conf cannot be read, and the reconciler runs", async () => {
    await h.reconcile();
    const conf = h.layout.userConf("admin");
    writeFileSync(conf, readFileSync(conf, "utf8").replace("usertype=admin", "usertype=superuser"));
    await expect(h.services.tasks.panel.accountAccess("admin")).rejects.toThrow("usertype");
    const report = await h.reconcile();
    expect(report?.at).toBe(h.clock.now());
    expect(creators.admins()).toEqual(new Set(["admin"]));
  });
});

describe("an account or a domain the panel moved without a hook", () => {
  const ledger = () => new UsageLedgerStore(h.services.db);
  const entries = (domain: string) =>
    ledger()
      .history({ domain })
      .map((entry) => `${entry.event} ${entry.username} ${entry.reseller ?? "-"} ${entry.actor}`);
  const edit = (file: string, from: string, to: string) =>
    writeFileSync(file, readFileSync(file, "utf8").replace(from, to));

  it("an account moved to another reseller is billed to it from the day the reconciler finds it, once", async () => {
    h.da.createStaffAccount("res2", "reseller", { creator: "admin" });
    h.clock.set(h.clock.now() + 5 * 86_400_000);
    edit(h.layout.userConf("bob"), "creator=res1", "creator=res2");
    const report = await h.reconcile();
    expect(report?.accounts).toContainEqual({ username: "bob", change: "reseller" });
    expect(entries("bob.test")).toEqual(["start bob res1 daemon", "change bob res2 panel"]);
    const [start, change] = ledger().history({ domain: "bob.test" });
    expect(change).toMatchObject({ product: "zone", retail: start?.retail, offerId: start?.offerId });
    // The month is the new reseller's, and its days are one unbroken line: nothing billed twice or lost.
    const [group, ...others] = exportStatements(h.services.db, h.services.config.billing, {
      month: month(),
      scope: { kind: "customer", customer: "bob" },
      generatedAt: h.clock.now(),
    }).resellers;
    expect(others).toEqual([]);
    expect(group?.reseller).toBe("res2");
    const lines = group?.customers[0]?.lines ?? [];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: "days", from: start?.day, to: `${month()}-31` });
    await h.reconcile();
    expect(entries("bob.test")).toHaveLength(2);
  });

  it("a domain moved to another account stops for the old one and starts for the new one the same day", async () => {
    h.clock.set(h.clock.now() + 3 * 86_400_000);
    writeFileSync(h.layout.domainsList("ann"), "");
    writeFileSync(h.layout.domainsList("bob"), "bob.test\nann.test\n");
    const report = await h.reconcile();
    expect(report?.moved).toEqual(["ann.test"]);
    expect(h.services.stores.inventory.domain("ann.test")?.username).toBe("bob");
    expect(entries("ann.test")).toEqual(["start ann admin daemon", "stop ann admin panel", "start bob res1 panel"]);
    const days = ledger()
      .history({ domain: "ann.test" })
      .map((entry) => entry.day);
    expect(days[1]).toBe(days[2]);
    await h.reconcile();
    expect(entries("ann.test")).toHaveLength(3);
  });
});
