import { readFileSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { money } from "../../src/billing/money.js";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { BillingTokenStore } from "../../src/store/billing-token-store.js";
import { sha256Hex } from "../../src/util/sha256.js";
import { CreatorLevelStore } from "../../src/store/creator-level-store.js";
import { openConfiguredDatabase } from "../../src/store/database.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { ledgerInput } from "../support/ledger-entry.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-12-01T06:00:00Z");
const ACTOR = `cli ${userInfo().username}`;

/** A data directory whose ledger holds bob's zone (reseller res1) from 16 November and carol's (res2) all month. */
function seeded(): Record<string, string> {
  const env = { WEDOS_PANEL_DATA_DIR: tempDir() };
  const db = openConfiguredDatabase(loadConfig(env));
  const ledger = new UsageLedgerStore(db);
  const zone = ledgerInput({ retail: money(3100, "CZK"), billedWhileSuspended: true });
  ledger.append({ ...zone, eventKey: "b", day: "2026-11-16", username: "bob", reseller: "res1", domain: "bob.cz" }, 1);
  ledger.append({ ...zone, eventKey: "c", day: "2026-10-01", username: "carol", reseller: "res2", domain: "c.cz" }, 1);
  db.close();
  return env;
}

const billing = (args: string[], env: Record<string, string>) => runCliCaptured(["billing", ...args], env, clock);

describe("wedos-panel billing statement and export", () => {
  it("prints a month's statements for reading, and the export format on request", async () => {
    const env = seeded();
    const text = await billing(["statement", "--month", "2026-11", "--reseller", "res1"], env);
    expect(text).toEqual({
      status: 0,
      stderr: "",
      stdout: [
        "Statements of 2026-11 in CZK (VAT 21 %, prices without VAT)",
        "",
        "Reseller res1",
        "  bob: retail 15.50, wholesale 0.00, margin 15.50, VAT 3.26, to pay 18.76",
        "    bob.cz  zone  days  2026-11-16..2026-11-30, 15 day(s)  15.50",
        "  together: retail 15.50, wholesale 0.00, margin 15.50, VAT 3.26, to pay 18.76",
        "",
        "Total: retail 15.50, wholesale 0.00, margin 15.50, VAT 3.26, to pay 18.76",
        "",
      ].join("\n"),
    });
    const json = JSON.parse((await billing(["statement", "--month", "2026-11", "--format", "json"], env)).stdout) as {
      generatedAt: string;
      totals: { retail: { amount: string } };
    };
    expect(json.generatedAt).toBe("2026-12-01T06:00:00.000Z");
    expect(json.totals.retail.amount).toBe("46.50");
    const csv = (await billing(["statement", "--month", "2026-11", "--customer", "carol", "--format", "csv"], env))
      .stdout;
    expect(csv.split("\r\n").slice(1, 2)).toEqual([
      "1,2026-11,line,res2,carol,c.cz,zone,days,2026-11-01,2026-11-30,30,0,CZK,31.00,,,31.00,,,,,2",
    ]);
    const empty = await billing(["statement", "--month", "2026-09"], env);
    expect(empty.stdout).toContain("Nothing was billed in this month for this scope.\n");
  });

  it("names an admin's own customers as such, never as a reseller, once the panel called it an admin", async () => {
    const env = seeded();
    const db = openConfiguredDatabase(loadConfig(env));
    const zone = ledgerInput({ retail: money(3100, "CZK"), billedWhileSuspended: true });
    new UsageLedgerStore(db).append(
      { ...zone, eventKey: "d", day: "2026-11-01", username: "dan", reseller: "admin", domain: "d.cz" },
      1,
    );
    new CreatorLevelStore(db).remember("admin", "admin", 1);
    db.close();
    const text = (await billing(["statement", "--month", "2026-11"], env)).stdout;
    expect(text).toContain("\nThe admin's own customers (created by the admin admin)\n  dan: retail 31.00");
    expect(text).not.toContain("Reseller admin");
    expect(text).toContain("\nReseller res1\n");
    const json = JSON.parse((await billing(["export", "--month", "2026-11", "--format", "json"], env)).stdout) as {
      resellers: Array<{ reseller: string | null; direct: boolean }>;
    };
    expect(json.resellers.map(({ reseller, direct }) => [reseller, direct])).toEqual([
      ["admin", true],
      ["res1", false],
      ["res2", false],
    ]);
  });

  it("writes an export file only its owner can read, and says what it wrote", async () => {
    const env = seeded();
    const out = join(tempDir(), "2026-11.json");
    writeFileSync(out, "old", { mode: 0o644 });
    const result = await billing(["export", "--month", "2026-11", "--format", "json", "--out", out], env);
    expect(result).toMatchObject({ status: 0, stdout: "" });
    expect(result.stderr).toBe(`Wrote 2 customer statement(s) of 2026-11 to ${out} (json, version 1).\n`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ version: 1, month: "2026-11" });
  });

  it("refuses a wrong month, format or option with how to write it", async () => {
    const env = seeded();
    const cases: Array<[string[], string]> = [
      [["statement"], "give the month, e.g. --month 2026-11"],
      [["statement", "--month", "11/2026"], '"11/2026" is not a month: write it as YYYY-MM, e.g. 2026-11'],
      [["export", "--month", "2026-11"], "give --format csv or json"],
      [["export", "--month", "2026-11", "--format", "text"], '--format is csv, json; got "text"'],
      [
        ["statement", "--month", "2026-11", "--reseller", "a", "--customer", "b"],
        "give --reseller or --customer, not both",
      ],
      [["token", "list", "--month", "2026-11"], '"billing token" takes no --month'],
      [
        ["invoice"],
        'unknown sub-command "invoice"; use one of price, offer, statement, export, token, limit, reconcile',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await billing(args, env);
      expect([args, result.status, result.stderr]).toEqual([
        args,
        2,
        `wedos-panel billing: ${message}; see "wedos-panel billing --help"\n`,
      ]);
    }
  });
});

describe("wedos-panel billing token", () => {
  it("makes a token shown once, lists it without the token, and revokes it, all audited", async () => {
    const env = seeded();
    const made = await billing(["token", "create", "--name", "whmcs pull", "--reseller", "res1"], env);
    expect(made.status).toBe(0);
    const secret = made.stdout.trim();
    expect(made.stderr).toBe(
      'Made token 1 "whmcs pull" for reseller res1. It is shown only now: put it in the billing system; revoke it ' +
        'with "wedos-panel billing token revoke 1".\n',
    );
    const list = await billing(["token", "list"], env);
    expect(list.stdout).toBe(
      `1  whmcs pull  ${secret.slice(0, 13)}…  reseller res1  made 2026-12-01 06:00 by ${ACTOR}, last used never\n`,
    );
    expect(list.stdout).not.toContain(secret.slice(13));
    expect((await billing(["token", "revoke", "1"], env)).stdout).toBe(
      "Revoked token 1: its next request is refused.\n",
    );
    expect((await billing(["token", "revoke", "1"], env)).stdout).toBe("Token 1 was already revoked.\n");
    const db = openConfiguredDatabase(loadConfig(env));
    try {
      expect(new BillingTokenStore(db).authenticate(secret, 1)).toBeUndefined();
      const row = db.prepare<[], { token_sha256: string }>("SELECT token_sha256 FROM billing_tokens").get();
      expect(row?.token_sha256).toBe(sha256Hex(secret));
      expect(new BillingAuditStore(db).list().map((entry) => [entry.actor, entry.action])).toEqual([
        [ACTOR, "token.revoke"],
        [ACTOR, "token.create"],
      ]);
    } finally {
      db.close();
    }
    const missing = await billing(["token", "revoke", "7"], env);
    expect([missing.status, missing.stderr]).toEqual([
      2,
      'wedos-panel billing: there is no token 7: "wedos-panel billing token list" shows their numbers; see "wedos-panel billing --help"\n',
    ]);
  });
});
