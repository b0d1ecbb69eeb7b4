import { userInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { chargeEntry } from "../support/ledger-entries.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-11-15T10:00:00Z");

function server(): Record<string, string> {
  const dataDir = tempDir();
  const db = openDatabase(databaseFileIn(dataDir));
  const inventory = new InventoryStore(db);
  inventory.upsertAccount({ username: "bob", creator: "res" }, 0);
  new UsageLedgerStore(db).append(chargeEntry("bob", "2026-11-02", 42_000, { reseller: "res" }), 0);
  db.close();
  return { WEDOS_PANEL_DATA_DIR: dataDir };
}

describe("wedos-panel billing limit", () => {
  it("sets, lists and removes limits, each change in the audit log with who made it", async () => {
    const env = server();
    const set = await runCliCaptured(["billing", "limit", "set", "--customer", "bob", "500"], env, clock);
    expect(set).toEqual({ status: 0, stdout: "the monthly limit of customer bob is now 500.00 CZK\n", stderr: "" });
    await runCliCaptured(["billing", "limit", "set", "--reseller", "res", "1 000,50"], env, clock);
    expect((await runCliCaptured(["billing", "limit", "list"], env, clock)).stdout).toBe(
      "reseller res: 1000.50 CZK a month; this month 420.00 CZK (41 %)\n" +
        "customer bob: 500.00 CZK a month; this month 420.00 CZK (84 %, warning)\n",
    );
    const removed = await runCliCaptured(["billing", "limit", "remove", "--customer", "bob"], env, clock);
    expect(removed.stdout).toBe("customer bob has no monthly limit now\n");
    const db = openDatabase(databaseFileIn(env.WEDOS_PANEL_DATA_DIR ?? ""));
    const actor = `cli ${userInfo().username}`;
    expect(
      new BillingAuditStore(db)
        .list()
        .map(({ actor: who, action, subject }) => [who, action, subject])
        .reverse(),
    ).toEqual([
      [actor, "limit.set", "customer bob"],
      [actor, "limit.set", "reseller res"],
      [actor, "limit.remove", "customer bob"],
    ]);
    db.close();
  });

  it("refuses what cannot be a limit, saying what was wrong", async () => {
    const env = server();
    const run = (...args: string[]) => runCliCaptured(["billing", "limit", ...args], env, clock);
    expect(await run("set", "--customer", "bob", "5.001")).toMatchObject({
      status: 2,
      stderr:
        'wedos-panel billing: "5.001" is not an amount: write digits with at most two decimals, e.g. 990.00; ' +
        'see "wedos-panel billing --help"\n',
    });
    expect(await run("set", "--customer", "bob", "--", "-5")).toMatchObject({
      status: 1,
      stderr: "wedos-panel billing: customer bob: a limit cannot be negative: give 0 or more\n",
    });
    expect(await run("set", "--customer", "nobody", "5")).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("customer nobody: there is no such account or reseller on this server"),
    });
    expect(await run("remove", "--reseller", "res")).toMatchObject({
      status: 1,
      stderr: "wedos-panel billing: reseller res: there was no limit to remove\n",
    });
    expect(await run("set", "--customer", "bob", "--reseller", "res", "5")).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("give either --customer NAME or --reseller NAME"),
    });
  });
});
