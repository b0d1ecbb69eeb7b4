import { describe, expect, it } from "vitest";
import type { LedgerEntry, LedgerEvent } from "../../src/billing/ledger.js";
import { money } from "../../src/billing/money.js";
import { rateMonth, RatingError, resellerStatements } from "../../src/billing/rating.js";
import { ledgerEntry } from "../support/ledger-entry.js";

const VAT = { rateBp: 2100, pricesIncludeVat: false };
const CZK = (minor: number) => money(minor, "CZK");

let nextId = 1;
const entry = (event: LedgerEvent, day: string, fields: Partial<LedgerEntry> = {}): LedgerEntry =>
  ledgerEntry(nextId++, event, day, fields);

const zoneStart = (day: string, fields: Partial<LedgerEntry> = {}) =>
  entry("start", day, { retail: CZK(3100), billedWhileSuspended: true, ...fields });

const rate = (month: string, entries: LedgerEntry[]) => rateMonth({ month, entries, currency: "CZK", vat: VAT });

describe("rating a month", () => {
  it("bills a zone for the days it existed: from its start day up to, not including, its stop day", () => {
    const [bob] = rate("2026-03", [zoneStart("2026-03-10"), entry("stop", "2026-03-20")]);
    expect(bob?.lines).toMatchObject([{ kind: "days", from: "2026-03-10", to: "2026-03-19", days: 10 }]);
    expect(bob?.lines[0]?.retail).toEqual(CZK(1000)); // 31.00 × 10 / 31
  });

  it("counts DST weeks and month ends as calendar days", () => {
    // Started in February; the month of the spring DST change (29 Mar 2026) is billed in full.
    const march = rate("2026-03", [zoneStart("2026-02-15")]);
    expect(march[0]?.lines).toMatchObject([{ from: "2026-03-01", to: "2026-03-31", days: 31, retail: CZK(3100) }]);
    const october = rate("2026-10", [zoneStart("2026-10-24"), entry("stop", "2026-10-27")]);
    expect(october[0]?.lines[0]?.days).toBe(3); // 24, 25 (25 hours long in Prague), 26
    const february = rate("2028-02", [zoneStart("2028-02-01")]);
    expect(february[0]?.lines[0]).toMatchObject({ days: 29, retail: CZK(3100) });
  });

  it("leaves suspended days out when the terms sold say so, and keeps them when not", () => {
    const free = rate("2026-11", [
      zoneStart("2026-10-01", { billedWhileSuspended: false, retail: CZK(3000) }),
      entry("suspend", "2026-11-11"),
      entry("resume", "2026-11-21"),
    ]);
    expect(free[0]?.lines).toMatchObject([{ days: 20, suspendedDays: 10, from: "2026-11-01", to: "2026-11-30" }]);
    expect(free[0]?.lines[0]?.retail).toEqual(CZK(2000));
    const billed = rate("2026-11", [zoneStart("2026-10-01", { retail: CZK(3000) }), entry("suspend", "2026-11-11")]);
    expect(billed[0]?.lines[0]).toMatchObject({ days: 30, suspendedDays: 0, retail: CZK(3000) });
  });

  it("keeps the price a service was sold at until it changes", () => {
    const [bob] = rate("2026-04", [
      zoneStart("2026-01-05", { retail: CZK(3000) }),
      entry("change", "2026-04-16", { retail: CZK(6000), billedWhileSuspended: true }),
    ]);
    expect(bob?.lines.map((line) => [line.from, line.days, line.retail.minor])).toEqual([
      ["2026-04-01", 15, 1500],
      ["2026-04-16", 15, 3000],
    ]);
  });

  it("puts charges and corrections on the month of their day, with wholesale, retail and margin", () => {
    const [bob] = rate("2026-11", [
      entry("charge", "2026-10-30", { product: "protection/start/monthly", retail: CZK(12_900), wholesale: CZK(9900) }),
      entry("charge", "2026-11-30", {
        product: "protection/start/monthly",
        retail: CZK(12_900),
        wholesale: CZK(9900),
        coversFrom: "2026-11-30",
        coversTo: "2026-12-29",
        reference: "ORD-7",
      }),
      entry("correction", "2026-11-30", { product: "protection/start/monthly", retail: CZK(-2900), corrects: 2 }),
    ]);
    expect(bob?.lines.map((line) => [line.kind, line.retail.minor, line.margin?.minor])).toEqual([
      ["charge", 12_900, 3000],
      ["correction", -2900, -2900],
    ]);
    expect(bob?.totals.retail).toEqual(CZK(10_000));
    expect(bob?.totals.wholesale).toEqual(CZK(9900));
    expect(bob?.totals.margin).toEqual(CZK(100));
    expect(bob?.totals.vat.vat).toEqual(CZK(2100));
  });

  it("gives no margin where WEDOS charged another currency than the bill's", () => {
    const [bob] = rate("2026-11", [
      entry("charge", "2026-11-02", {
        product: "protection/start/yearly",
        retail: CZK(150_000),
        wholesale: money(4000, "EUR"),
      }),
    ]);
    expect(bob?.lines[0]?.margin).toBeNull();
    expect(bob?.totals.margin).toBeNull();
    expect(bob?.totals.wholesale).toEqual(money(4000, "EUR"));
  });

  it("says which entry is in the wrong currency instead of adding it", () => {
    expect(() => rate("2026-11", [zoneStart("2026-11-01", { retail: money(100, "EUR") })])).toThrow(RatingError);
    expect(() => rate("2026-11", [zoneStart("2026-11-01", { retail: money(100, "EUR") })])).toThrow(/in EUR/);
  });

  it("groups customers under their reseller", () => {
    const statements = rate("2026-11", [
      zoneStart("2026-11-01", { username: "ann", reseller: null }),
      zoneStart("2026-11-01", { username: "bob" }),
      zoneStart("2026-11-16", { username: "cid" }),
    ]);
    const resellers = resellerStatements(statements, VAT);
    expect(resellers.map((r) => [r.reseller, r.customers.map((c) => c.username), r.totals.retail.minor])).toEqual([
      [null, ["ann"], 3100],
      ["res", ["bob", "cid"], 3100 + 1550],
    ]);
  });
});
