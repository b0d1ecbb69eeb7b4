import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LedgerEntryInput } from "../../src/billing/ledger.js";
import { money } from "../../src/billing/money.js";
import { openDatabase } from "../../src/store/database.js";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { customerStatements, resellerStatementsFor } from "../../src/store/billing-statements.js";
import { tempDir } from "../support/temp-dir.js";

const CHARGE: LedgerEntryInput = {
  eventKey: "protection-charge:example.cz:ORD-1",
  event: "charge",
  day: "2026-11-03",
  username: "bob",
  reseller: "res",
  domain: "example.cz",
  product: "protection/advanced/monthly",
  offerId: null,
  wholesale: money(49_000, "CZK"),
  retail: money(59_000, "CZK"),
  billedWhileSuspended: null,
  coversFrom: "2026-11-03",
  coversTo: "2026-12-02",
  reference: "ORD-1",
  actor: "daemon",
  corrects: null,
  note: null,
};

describe("the usage ledger", () => {
  it("records a real event once, however often it is written, and survives reopening", () => {
    const file = join(tempDir(), "db.sqlite");
    const ledger = new UsageLedgerStore(openDatabase(file));
    const first = ledger.append(CHARGE, 1000);
    const again = ledger.append({ ...CHARGE, retail: money(1, "CZK") }, 2000);
    expect(again).toEqual(first);
    expect(first.retail).toEqual(money(59_000, "CZK"));
    const reopened = new UsageLedgerStore(openDatabase(file));
    expect(reopened.upTo("2026-11-30")).toEqual([first]);
  });

  it("refuses to change or delete an entry: a correction is a new entry", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const ledger = new UsageLedgerStore(db);
    const entry = ledger.append(CHARGE, 1000);
    expect(() => db.prepare("UPDATE usage_ledger SET retail_minor = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM usage_ledger").run()).toThrow(/append-only/);
    const fix = ledger.append(
      { ...CHARGE, eventKey: "correction:1", event: "correction", retail: money(-10_000, "CZK"), corrects: entry.id },
      3000,
    );
    expect(fix.corrects).toBe(entry.id);
    expect(ledger.between("2026-11-01", "2026-11-30", { username: "bob" })).toHaveLength(2);
    expect(ledger.between("2026-11-01", "2026-11-30", { reseller: null })).toHaveLength(0);
    expect(ledger.upTo("2026-11-02")).toHaveLength(0);
  });
});

describe("the price book and the billing audit log", () => {
  it("keeps every wholesale price seen; the newest is the current one", () => {
    const prices = new PriceBookStore(openDatabase(join(tempDir(), "db.sqlite")));
    const seen = { source: "wedos-order", reference: "ORD-1", enteredBy: null } as const;
    prices.record({ ...seen, product: "protection/start/monthly", price: money(9900, "CZK"), seenAt: 1000 });
    prices.record({ ...seen, product: "protection/start/monthly", price: money(10_900, "CZK"), seenAt: 2000 });
    prices.record({ ...seen, product: "zone", price: money(0, "CZK"), seenAt: 1500 });
    expect(prices.latest("protection/start/monthly")?.price.minor).toBe(10_900);
    expect(prices.history("protection/start/monthly").map((p) => p.price.minor)).toEqual([10_900, 9900]);
    expect([...prices.current().keys()]).toEqual(["protection/start/monthly", "zone"]);
  });

  it("logs who changed what and never lets the log be rewritten", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const audit = new BillingAuditStore(db);
    audit.record({
      at: 1,
      actor: "admin alice",
      action: "offer.publish",
      subject: "offer 3",
      details: { from: "draft" },
    });
    expect(audit.list()).toMatchObject([{ actor: "admin alice", details: { from: "draft" } }]);
    expect(() => db.prepare("DELETE FROM billing_audit").run()).toThrow(/append-only/);
  });
});

describe("statements from the ledger", () => {
  it("rates a scope's month from its entries, in the configured currency and VAT", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const ledger = new UsageLedgerStore(db);
    ledger.append(CHARGE, 1000);
    ledger.append({ ...CHARGE, eventKey: "other", username: "eve", reseller: null, day: "2026-12-01" }, 1000);
    const billing = { currency: "CZK", timeZone: "Europe/Prague", vatRateBp: 2100, pricesIncludeVat: false };
    const [bob, ...others] = customerStatements(db, billing, "2026-11", { reseller: "res" });
    expect(others).toEqual([]);
    expect(bob?.totals.margin).toEqual(money(10_000, "CZK"));
    expect(bob?.totals.vat.gross).toEqual(money(71_390, "CZK"));
    expect(resellerStatementsFor(db, billing, "2026-12").map((r) => r.reseller)).toEqual([null]);
  });
});

describe("what rating a month reads", () => {
  it("keeps every state event up to the month's end but only the month's own charges", () => {
    const ledger = new UsageLedgerStore(openDatabase(join(tempDir(), "db.sqlite")));
    const start = { ...CHARGE, event: "start", eventKey: "start", day: "2026-09-01", wholesale: null } as const;
    ledger.append(start, 1);
    ledger.append({ ...CHARGE, eventKey: "october", day: "2026-10-03" }, 1);
    ledger.append({ ...CHARGE, eventKey: "november", day: "2026-11-03" }, 1);
    ledger.append({ ...CHARGE, eventKey: "december", day: "2026-12-03" }, 1);
    expect(ledger.forMonth("2026-11-01", "2026-11-30").map((entry) => entry.eventKey)).toEqual(["start", "november"]);
  });
});
