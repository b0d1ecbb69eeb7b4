import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { ProtectionStore } from "../../src/store/protection-store.js";
import { tempDir } from "../support/temp-dir.js";
import { rewindDatabase } from "../support/rewind-database.js";

const ORDER = { variant: "advanced", period: "yearly", mode: "ns", upstreamIps: ["192.0.2.10"] } as const;

describe("migration 20", () => {
  it("clears 'Active since' of every service that is not active, and keeps it on the active ones", () => {
    const file = join(tempDir(), "db.sqlite");
    const old = openDatabase(file);
    rewindDatabase(old, 19);
    const insert = old.prepare(
      `INSERT INTO protections (domain, variant, period, mode, upstream_ips, state, activated_at, updated_at)
       VALUES (?, 'start', 'monthly', 'ns', '[]', ?, 1000, 1000)`,
    );
    for (const [domain, state] of [
      ["removed.test", "removed"],
      ["error.test", "error"],
      ["ordering.test", "ordering"],
      ["active.test", "active"],
    ])
      insert.run(domain, state);
    old.close();

    const db = openDatabase(file);
    const store = new ProtectionStore(db);
    expect(["removed.test", "error.test", "ordering.test"].map((domain) => store.get(domain)?.activatedAt)).toEqual([
      null,
      null,
      null,
    ]);
    expect(store.get("active.test")?.activatedAt).toBe(1000);
    db.close();
  });
});

describe("the protection store", () => {
  const store = () => new ProtectionStore(openDatabase(join(tempDir(), "db.sqlite")));

  it("keeps 'Active since' from the first activation, and clears it when the service leaves 'active'", () => {
    const protections = store();
    protections.recordOrdering({ domain: "a.test", ...ORDER }, 100);
    protections.update("a.test", { state: "active" }, 200);
    protections.update("a.test", { state: "active", amount: "290.00", currency: "CZK" }, 300);
    expect(protections.get("a.test")).toMatchObject({ activatedAt: 200, updatedAt: 300 });
    protections.update("a.test", { state: "active", activatedAt: 250 }, 350);
    expect(protections.get("a.test")?.activatedAt).toBe(250);
    protections.update("a.test", { state: "cancel-failed", reason: "refused" }, 400);
    expect(protections.get("a.test")?.activatedAt).toBeNull();
  });

  it("starts a new order with nothing of the old service: no 'Active since', price or order number", () => {
    const protections = store();
    protections.recordOrdering({ domain: "a.test", ...ORDER }, 100);
    protections.update("a.test", { state: "active", amount: "290.00", currency: "CZK", orderNum: "7" }, 200);
    protections.update("a.test", { state: "removed" }, 300);
    protections.recordOrdering({ domain: "a.test", ...ORDER }, 400);
    expect(protections.get("a.test")).toMatchObject({
      state: "ordering",
      activatedAt: null,
      amount: null,
      orderNum: null,
      orderedAt: 400,
    });
  });

  it("knows the price WEDOS last reported for a plan and period, and none for another", () => {
    const protections = store();
    expect(protections.knownPrice("advanced", "yearly")).toBeUndefined();
    protections.recordOrdering({ domain: "a.test", ...ORDER }, 100);
    protections.update("a.test", { state: "active", amount: "3000.00", currency: "CZK" }, 200);
    protections.recordOrdering({ domain: "b.test", ...ORDER }, 300);
    protections.update("b.test", { state: "active", amount: "3490.00", currency: "CZK" }, 400);
    expect(protections.knownPrice("advanced", "yearly")).toEqual({ amount: "3490.00", currency: "CZK" });
    expect(protections.knownPrice("advanced", "monthly")).toBeUndefined();
  });
});
