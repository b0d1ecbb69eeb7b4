import { describe, expect, it } from "vitest";
import {
  add,
  decimalText,
  money,
  MoneyError,
  parseMoney,
  percentToBasisPoints,
  scaleMinor,
  sum,
  withMarkup,
} from "../../src/billing/money.js";
import { splitVat } from "../../src/billing/vat.js";

describe("money in minor units", () => {
  it("parses WEDOS's and people's decimal text exactly, never through a float", () => {
    expect(parseMoney("990.00", "CZK")).toEqual({ minor: 99_000, currency: "CZK" });
    expect(parseMoney("0.1", "czk").minor).toBe(10);
    expect(parseMoney("1 490,5", "CZK").minor).toBe(149_050);
    expect(parseMoney("-12.30", "EUR").minor).toBe(-1230);
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in minor units it is exact.
    expect(decimalText(add(parseMoney("0.10", "EUR"), parseMoney("0.20", "EUR")))).toBe("0.30");
  });

  it("refuses what is not an amount, saying how to write one", () => {
    expect(() => parseMoney("12.345", "CZK")).toThrow(/at most two decimals/);
    expect(() => parseMoney("abc", "CZK")).toThrow(MoneyError);
    expect(() => parseMoney("10", "Kč")).toThrow(/three letters/);
    expect(() => money(1.5, "CZK")).toThrow(/whole number/);
  });

  it("never adds two currencies", () => {
    expect(() => add(money(1, "CZK"), money(1, "EUR"))).toThrow(/CZK and EUR/);
    expect(() => sum([money(1, "CZK"), money(1, "EUR")], "CZK")).toThrow(/CZK and EUR/);
    expect(sum([money(1, "CZK"), money(2, "CZK")], "CZK").minor).toBe(3);
  });

  it("rounds half away from zero, once, in exact integer arithmetic", () => {
    expect(scaleMinor(5, 1, 2)).toBe(3);
    expect(scaleMinor(-5, 1, 2)).toBe(-3);
    expect(scaleMinor(4, 1, 3)).toBe(1);
    expect(scaleMinor(99_000, 17, 31)).toBe(54_290); // 99000 × 17 / 31 = 54290.32
    expect(scaleMinor(Number.MAX_SAFE_INTEGER, 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(withMarkup(money(99_000, "CZK"), 2500).minor).toBe(123_750);
    expect(withMarkup(money(333, "CZK"), 3333).minor).toBe(444); // 443.99 → 444
  });

  it("reads percentages as basis points", () => {
    expect(percentToBasisPoints("25")).toBe(2500);
    expect(percentToBasisPoints("12,5 %")).toBe(1250);
    expect(percentToBasisPoints("-10")).toBe(-1000);
    expect(() => percentToBasisPoints("ten")).toThrow(/percentage/);
  });
});

describe("VAT", () => {
  it("adds VAT to net prices and takes it out of gross prices, summing exactly", () => {
    const net = splitVat(money(12_375, "CZK"), { rateBp: 2100, pricesIncludeVat: false });
    expect([net.net.minor, net.vat.minor, net.gross.minor]).toEqual([12_375, 2599, 14_974]);
    const gross = splitVat(money(12_100, "CZK"), { rateBp: 2100, pricesIncludeVat: true });
    expect([gross.net.minor, gross.vat.minor, gross.gross.minor]).toEqual([10_000, 2100, 12_100]);
    const none = splitVat(money(500, "EUR"), { rateBp: 0, pricesIncludeVat: false });
    expect(none.vat.minor).toBe(0);
  });
});
