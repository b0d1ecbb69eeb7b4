import { describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";

const CZK = (minor: number) => money(minor, "CZK");

function stores() {
  const db = openDatabase(":memory:");
  const inventory = new InventoryStore(db);
  inventory.upsertAccount({ username: "bob", creator: "res" }, 0);
  inventory.upsertAccount({ username: "cyd", creator: "res" }, 0);
  inventory.upsertAccount({ username: "dan", creator: "other" }, 0);
  inventory.upsertAccount({ username: "eve", creator: "admin" }, 0);
  return { limits: new SpendLimitStore(db), audit: new BillingAuditStore(db), inventory };
}

describe("the spending limits store", () => {
  it("keeps one limit per scope and name, and writes every change to the audit log with who made it", () => {
    const { limits, audit } = stores();
    limits.set({ scope: "customer", name: "bob", amount: CZK(50_000) }, "reseller res", 1000);
    limits.set({ scope: "customer", name: "bob", amount: CZK(40_000) }, "admin admin", 2000);
    limits.set({ scope: "reseller", name: "bob", amount: CZK(90_000) }, "cli root", 3000);
    expect(limits.get("customer", "bob")).toEqual({
      scope: "customer",
      name: "bob",
      amount: CZK(40_000),
      setBy: "admin admin",
      setAt: 2000,
    });
    expect(limits.get("reseller", "bob")?.amount).toEqual(CZK(90_000));
    expect(limits.remove("customer", "bob", "admin admin", 4000)).toBe(true);
    expect(limits.remove("customer", "bob", "admin admin", 5000)).toBe(false);
    expect(limits.get("customer", "bob")).toBeUndefined();
    expect(
      audit
        .list()
        .reverse()
        .map(({ actor, action, subject, details }) => [actor, action, subject, details]),
    ).toEqual([
      ["reseller res", "limit.set", "customer bob", { amount: CZK(50_000), previous: null }],
      ["admin admin", "limit.set", "customer bob", { amount: CZK(40_000), previous: CZK(50_000) }],
      ["cli root", "limit.set", "reseller bob", { amount: CZK(90_000), previous: null }],
      ["admin admin", "limit.remove", "customer bob", { previous: CZK(40_000) }],
    ]);
  });

  it("lists a reseller's customers only, or all accounts, with their limits and a search", () => {
    const { limits, inventory } = stores();
    limits.set({ scope: "customer", name: "cyd", amount: CZK(10_000) }, "admin admin", 1);
    expect(limits.accounts({ creator: "res" }).map((row) => [row.username, row.limit?.amount.minor])).toEqual([
      ["bob", undefined],
      ["cyd", 10_000],
    ]);
    expect(limits.accounts().map((row) => row.username)).toEqual(["bob", "cyd", "dan", "eve"]);
    expect(limits.accounts({ search: " Y" }).map((row) => row.username)).toEqual(["cyd"]);
    inventory.markAccountDeleted("bob", 2);
    expect(limits.accounts({ creator: "res" }).map((row) => row.username)).toEqual(["cyd"]);
  });

  it("names the resellers: every creator of an account and every reseller with a limit, but not the admin", () => {
    const { limits } = stores();
    limits.set({ scope: "reseller", name: "gone", amount: CZK(1) }, "admin admin", 1);
    expect(limits.resellers(["admin"]).map((row) => [row.name, row.limit?.amount.minor])).toEqual([
      ["gone", 1],
      ["other", undefined],
      ["res", undefined],
    ]);
    expect(limits.isKnown("res")).toBe(true);
    expect(limits.isKnown("bob")).toBe(true);
    expect(limits.isKnown("nobody")).toBe(false);
  });
});
