import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../src/billing/ledger.js";
import { ledgerCharges, reconcile, type LedgerCharge, type WedosMovement } from "../../src/billing/reconcile.js";

const czk = (minor: number) => ({ minor, currency: "CZK" });
const movement = (day: string, minor: number, orderNum: string | null, description = ""): WedosMovement => ({
  day,
  amount: czk(minor),
  orderNum,
  description,
});
const charge = (entryId: number, day: string, minor: number | null, reference: string | null): LedgerCharge => ({
  entryId,
  day,
  username: "bob",
  reseller: "res",
  domain: `d${entryId}.cz`,
  product: "protection/start/monthly",
  reference,
  wholesale: minor === null ? null : czk(minor),
});
const kinds = (result: ReturnType<typeof reconcile>) =>
  result.differences.map((d) => [d.kind, d.movement?.orderNum ?? null, d.charge?.entryId ?? null]);

describe("reconciling a month", () => {
  it("pairs by order number, then by amount and nearest day, and finds nothing when all agree", () => {
    const result = reconcile(
      [movement("2026-11-03", -9900, "2026000001"), movement("2026-11-10", -49000, "9999")],
      [charge(1, "2026-11-05", 9900, "2026000001"), charge(2, "2026-11-11", 49000, null)],
    );
    expect(result.differences).toEqual([]);
    expect(result.agreed).toBe(2);
    expect(result.matched.map((m) => [m.charge.entryId, m.by])).toEqual([
      [1, "order"],
      [2, "amount-and-day"],
    ]);
  });

  it("finds a charge at WEDOS the ledger does not have (ordered outside the plugin)", () => {
    const result = reconcile([movement("2026-11-03", -9900, "2026000007")], []);
    expect(kinds(result)).toEqual([["not-in-ledger", "2026000007", null]]);
  });

  it("finds a ledger charge WEDOS never took (the order failed or was refunded)", () => {
    expect(kinds(reconcile([], [charge(4, "2026-11-03", 9900, "2026000004")]))).toEqual([["not-at-wedos", null, 4]]);
  });

  it("finds the same order at another amount (a price change or a discount), and a ledger charge without a price", () => {
    const result = reconcile(
      [movement("2026-11-03", -8900, "A1"), movement("2026-11-04", -9900, "A2")],
      [charge(1, "2026-11-03", 9900, "A1"), charge(2, "2026-11-04", null, "A2")],
    );
    expect(kinds(result)).toEqual([
      ["amount-differs", "A1", 1],
      ["amount-differs", "A2", 2],
    ]);
    expect([result.matched.length, result.agreed]).toEqual([2, 0]);
  });

  it("lists top-ups and refunds, and a refund names the charge it gives back", () => {
    const result = reconcile(
      [
        movement("2026-11-01", 500000, null, "Payment"),
        movement("2026-11-02", -9900, "B1"),
        movement("2026-11-20", 9900, "B1"),
      ],
      [charge(3, "2026-11-02", 9900, "B1")],
    );
    expect(kinds(result)).toEqual([
      ["refund", "B1", 3],
      ["top-up", null, null],
    ]);
    expect(result.matched).toHaveLength(1);
  });

  it("does not pair by amount beyond the day window or across currencies", () => {
    const far = reconcile([movement("2026-11-01", -9900, null)], [charge(1, "2026-11-05", 9900, null)]);
    expect(kinds(far)).toEqual([
      ["not-in-ledger", null, null],
      ["not-at-wedos", null, 1],
    ]);
    const eur = reconcile(
      [{ day: "2026-11-01", amount: { minor: -9900, currency: "EUR" }, orderNum: null, description: "" }],
      [charge(1, "2026-11-01", 9900, null)],
    );
    expect(eur.matched).toEqual([]);
  });

  it("keeps a movement it cannot read as a difference of its own", () => {
    const result = reconcile([{ day: null, amount: null, orderNum: null, description: "?" }], []);
    expect(kinds(result)).toEqual([["unreadable", null, null]]);
  });

  it("pairs two equal charges on different days each with the nearest movement", () => {
    const result = reconcile(
      [movement("2026-11-10", -9900, null), movement("2026-11-02", -9900, null)],
      [charge(1, "2026-11-02", 9900, null), charge(2, "2026-11-10", 9900, null)],
    );
    expect(result.differences).toEqual([]);
    expect(result.matched.map((m) => [m.movement.day, m.charge.day])).toEqual([
      ["2026-11-10", "2026-11-10"],
      ["2026-11-02", "2026-11-02"],
    ]);
  });
});

describe("ledger charges", () => {
  const entry = (id: number, event: LedgerEntry["event"], minor: number | null, corrects: number | null = null) =>
    ({
      id,
      event,
      day: "2026-11-03",
      username: "bob",
      reseller: null,
      domain: "a.cz",
      product: "protection/start/monthly",
      wholesale: minor === null ? null : czk(minor),
      reference: `R${id}`,
      corrects,
    }) as LedgerEntry;

  it("takes charges only and folds their corrections into their wholesale", () => {
    const charges = ledgerCharges([
      entry(1, "start", null),
      entry(2, "charge", 9900),
      entry(3, "correction", -1000, 2),
      entry(4, "charge", 49000),
    ]);
    expect(charges.map((c) => [c.entryId, c.wholesale?.minor])).toEqual([
      [2, 8900],
      [4, 49000],
    ]);
  });
});
