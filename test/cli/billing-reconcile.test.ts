import { describe, expect, it } from "vitest";
import { billingReconcileCommand } from "../../src/cli/commands/billing-reconcile.js";
import type { CliIo, ParsedArgs } from "../../src/cli/command.js";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { CreditStore } from "../../src/store/credit-store.js";
import { openConfiguredDatabase } from "../../src/store/database.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { ledgerCharge } from "../support/ledger-charge.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-12-05T10:00:00Z");

async function reconcile(env: Record<string, string>, values: ParsedArgs["values"]) {
  let stdout = "";
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: () => undefined, env, clock };
  const status = await billingReconcileCommand.run({ values, positionals: [] }, io);
  return { status, stdout };
}

describe("wedos-panel billing reconcile", () => {
  it("asks for the month with --fetch, then shows each difference with its cause", async () => {
    const env = { WEDOS_PANEL_DATA_DIR: tempDir(), USER: "root" };
    expect(await reconcile(env, {})).toEqual({
      status: 1,
      stdout: "The movements of 2026-11 have not been fetched from WEDOS yet: run with --fetch.\n",
    });
    expect((await reconcile(env, { month: "2026-11", fetch: true })).stdout).toContain("will be fetched by the daemon");
    expect((await reconcile(env, { month: "2026-11" })).stdout).toContain("the daemon has not fetched them yet");

    const db = openConfiguredDatabase(loadConfig(env));
    try {
      expect(new CreditStore(db).fetchOf("2026-11")).toMatchObject({ requestedBy: "cli root", fetchedAt: null });
      expect(db.prepare("SELECT task FROM jobs WHERE state = 'queued'").all()).toEqual([
        { task: "fetch-credit-movements" },
      ]);
      const movement = (minor: number, orderNum: string | null, description: string) => ({
        at: "2026-11-03 14:00:00",
        day: "2026-11-03",
        amount: { minor, currency: "CZK" },
        description,
        orderNum,
        fields: {},
      });
      new CreditStore(db).saveMonth(
        "2026-11",
        [movement(-99_000, "2026000042", "WEDOS Global Start"), movement(-9_900, "2026000043", "WEDOS Global Start")],
        clock.now(),
      );
      const charge = { username: "bob", domain: "bob.cz", wholesale: { minor: 8_900, currency: "CZK" } };
      new UsageLedgerStore(db).append(ledgerCharge("2026-11-03", "2026000043", charge), clock.now());
    } finally {
      db.close();
    }
    const shown = await reconcile(env, { month: "2026-11" });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toBe(
      [
        "The movements of 2026-11 were fetched 2026-12-05T10:00:00.000Z: 2 movement(s).",
        "0 charge(s) agree with the ledger.",
        "2026-11-03  Charged at WEDOS, not in the ledger: WEDOS Global Start, order 2026000042; WEDOS took 990.00 CZK, the ledger says -",
        "    Ordered outside the plugin (in WEDOS's administration) or by another server using the same WEDOS account.",
        "2026-11-03  Amounts differ: bob.cz (bob), order 2026000043; WEDOS took 99.00 CZK, the ledger says 89.00 CZK",
        "    WEDOS changed its price or gave a discount, or the price book was out of date when the order was recorded.",
        "",
      ].join("\n"),
    );
    const json = JSON.parse((await reconcile(env, { month: "2026-11", json: true })).stdout) as {
      result: { differences: Array<{ kind: string }> };
    };
    expect(json.result.differences.map((d) => d.kind)).toEqual(["not-in-ledger", "amount-differs"]);
  });

  it("refuses a month that is not one, naming the flag", async () => {
    await expect(reconcile({ WEDOS_PANEL_DATA_DIR: tempDir() }, { month: "11/2026" })).rejects.toThrow(
      /--month: "11\/2026" is not a month: write it as YYYY-MM/,
    );
  });
});
