import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dayOf } from "../../src/billing/calendar.js";
import { money } from "../../src/billing/money.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { policySchema } from "../../src/model/policy.js";
import { hookSpool, pendingEventFiles, readSpooledEvent } from "../../src/provisioning/spool.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { chargeEntry } from "../support/ledger-entries.js";
import { tempDir } from "../support/temp-dir.js";

/** Runs the real hooks/<hook>.sh the way DirectAdmin does: a separate process, DirectAdmin's variables only. */
function runPreHook(hook: string, env: Record<string, string>): { status: number | null; stdout: string } {
  const result = spawnSync(join(PACKAGE_ROOT, "hooks", `${hook}.sh`), [], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout };
}

function accountWithDomains(count: number, quota: number): string {
  const dataDir = tempDir();
  const db = openDatabase(databaseFileIn(dataDir));
  new PolicyStore(db).save("gold", policySchema.parse({ zoneQuota: quota }), 0);
  const inventory = new InventoryStore(db);
  inventory.upsertAccount({ username: "alice", package: "gold" }, 0);
  for (let i = 1; i <= count; i++)
    inventory.upsertDomain({ domain: `alice${i}.test`, username: "alice", kind: "domain" }, 0);
  db.close();
  return dataDir;
}

describe("the zone-quota pre hooks", () => {
  it("refuse a domain beyond the package's quota of WEDOS zones, saying why", () => {
    const dataDir = accountWithDomains(2, 2);
    const result = runPreHook("domain_create_pre", {
      WEDOS_PANEL_DATA_DIR: dataDir,
      username: "alice",
      domain: "alice3.test",
      creator: "admin",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      "WEDOS DNS: the package gold includes WEDOS DNS for 2 domain(s) and this account has 2; remove a domain or ask your provider for a larger package\n",
    );
    expect(
      runPreHook("domain_pointer_create_pre", {
        WEDOS_PANEL_DATA_DIR: dataDir,
        username: "alice",
        domain: "alice1.test",
        from: "alias.test",
      }).status,
    ).toBe(1);
  });

  it("let a domain through under the quota, with no quota, and when anything goes wrong", () => {
    expect(
      runPreHook("domain_create_pre", {
        WEDOS_PANEL_DATA_DIR: accountWithDomains(1, 2),
        username: "alice",
        domain: "alice2.test",
      }),
    ).toEqual({ status: 0, stdout: "" });
    expect(
      runPreHook("domain_create_pre", {
        WEDOS_PANEL_DATA_DIR: accountWithDomains(5, 0),
        username: "alice",
        domain: "alice6.test",
      }),
    ).toEqual({ status: 0, stdout: "" });
    // A configuration that cannot be read is the plugin's failure: the domain goes through, the admin is warned.
    const dataDir = tempDir();
    expect(
      runPreHook("domain_create_pre", {
        WEDOS_PANEL_CONFIG: "/nonexistent/config.json",
        WEDOS_PANEL_DATA_DIR: dataDir,
        username: "alice",
        domain: "x.test",
      }),
    ).toEqual({
      status: 0,
      stdout: "WEDOS DNS: the zone quota was not checked; an admin should run: wedos-panel doctor\n",
    });
    const [warning] = pendingEventFiles(hookSpool(dataDir));
    expect(readSpooledEvent(hookSpool(dataDir), warning ?? "")).toMatchObject({
      source: "warning",
      hook: "domain_create_pre",
      env: {
        domain: "x.test",
        WEDOS_PANEL_WARNING: expect.stringContaining("/nonexistent/config.json: file not found"),
      },
    });
  });

  it("refuse a domain whose package orders protection when the account is over its spending limit", () => {
    const dataDir = accountWithDomains(0, 0);
    const db = openDatabase(databaseFileIn(dataDir));
    new PolicyStore(db).save("gold", policySchema.parse({ protection: "start" }), 0);
    new SpendLimitStore(db).set({ scope: "customer", name: "alice", amount: money(500, "CZK") }, "cli root", 0);
    const env = { WEDOS_PANEL_DATA_DIR: dataDir, username: "alice", domain: "alice1.test" };
    expect(runPreHook("domain_create_pre", env)).toEqual({ status: 0, stdout: "" });
    // This month's bill reaches 6.00 of the 5.00 allowed: the protection the domain would bring is refused.
    const day = dayOf(Date.now(), "Europe/Prague");
    new UsageLedgerStore(db).append(chargeEntry("alice", day, 600), 0);
    db.close();
    expect(runPreHook("domain_create_pre", env)).toEqual({
      status: 1,
      stdout:
        "WEDOS Global: the package gold orders WEDOS Global protection (start) for each new domain, which would " +
        "take this account over its monthly spending limit of 5.00 CZK; ask your provider to raise the limit, or " +
        "create the domain next month\n",
    });
  });
});
