import { describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { translator } from "../../src/web/i18n/index.js";
import { dayLabel, monthAbbreviation, monthLabel, moneyFormatter } from "../../src/web/i18n/money-format.js";
import { axisTop, billingChart } from "../../src/web/view-models/billing-chart.js";
import { percentText } from "../../src/web/view-models/billing-statement.js";

describe("money, days and months in the visitor's formats", () => {
  it("writes amounts exactly from their minor units, grouped as each language groups them", () => {
    const cs = moneyFormatter("cs");
    const en = moneyFormatter("en");
    expect(cs(money(149_000, "CZK"))).toBe("1 490,00 Kč");
    expect(en(money(149_000, "CZK"))).toBe("CZK 1,490.00");
    expect(cs(money(5, "EUR"))).toBe("0,05 €");
    expect(en(money(5, "EUR"))).toBe("EUR 0.05");
    expect(cs(money(-123_456_789, "USD"))).toBe("-1 234 567,89 USD");
    expect(en(money(-50, "CZK"))).toBe("CZK -0.50");
    // Past what a double holds to the heller when divided by 100: still exact.
    expect(en(money(9_007_199_254_740_991, "CZK"))).toBe("CZK 90,071,992,547,409.91");
    expect(cs(money(9_007_199_254_740_899, "CZK"))).toBe("90 071 992 547 408,99 Kč");
  });

  it("is the translator's t.money", () => {
    expect(translator("cs").money(money(99_00, "CZK"))).toBe("99,00 Kč");
    expect(translator("en").money(money(99_00, "CZK"))).toBe("CZK 99.00");
  });

  it("writes billing days and months without a time zone to get wrong", () => {
    expect(dayLabel("2026-11-03", "cs")).toBe("3. 11. 2026");
    expect(dayLabel("2026-11-03", "en")).toBe("3 Nov 2026");
    expect(monthLabel("2026-11", "cs")).toBe("listopad 2026");
    expect(monthLabel("2026-02", "en")).toBe("February 2026");
    expect(monthLabel("2026-02", "cs", true)).toBe("2/2026");
    expect(monthLabel("2026-02", "en", true)).toBe("Feb 2026");
    expect(monthAbbreviation("2026-07", "cs")).toBe("čvc");
    expect(monthAbbreviation("2026-07", "en")).toBe("Jul");
  });

  it("writes a VAT rate in basis points as the language writes a percentage", () => {
    expect(percentText(2100, "cs")).toBe("21");
    expect(percentText(1250, "cs")).toBe("12,5");
    expect(percentText(1205, "en")).toBe("12.05");
    expect(percentText(0, "en")).toBe("0");
  });
});

describe("the billing chart", () => {
  const t = translator("en");
  const months = ["2026-01", "2026-02", "2026-03"];
  const chart = (values: Array<number | null>) =>
    billingChart(t, {
      title: "Paid",
      months,
      monthLabel: (month) => month,
      axisLabel: (month) => month.slice(5),
      currency: "CZK",
      series: [{ key: "paid", label: "Paid", values: values.map((v) => (v === null ? null : money(v, "CZK"))) }],
    });

  it("tops the axis at a round amount at or above the largest", () => {
    expect(axisTop(0)).toBe(100);
    expect(axisTop(100)).toBe(100);
    expect(axisTop(101)).toBe(200);
    expect(axisTop(62_920)).toBe(100_000);
    expect(axisTop(150_001)).toBe(200_000);
    expect(axisTop(400_000)).toBe(500_000);
  });

  it("draws bars in proportion to the amounts, none for an unknown one, and says the highest month", () => {
    const model = chart([50_000, 100_000, null]);
    const [january, february, march] = model.months;
    expect(march?.bars).toEqual([]);
    const plot = model.plot.bottom - model.plot.top;
    expect(february?.bars[0]?.height).toBe(plot);
    expect(january?.bars[0]?.height).toBe(plot / 2);
    expect(january?.bars[0]?.title).toBe("2026-01, Paid: CZK 500.00");
    expect(model.months.map(({ label, year }) => [label, year])).toEqual([
      ["01", "2026"],
      ["02", undefined],
      ["03", undefined],
    ]);
    expect(model.ticks.map((tick) => tick.label)).toEqual(["CZK 0.00", "CZK 500.00", "CZK 1,000.00"]);
    expect(model.desc).toBe(
      "Bars per month from 2026-01 to 2026-03: Paid. The highest: CZK 1,000.00 (Paid) in 2026-02.",
    );
    expect(model.table.rows).toEqual([
      { month: "2026-01", cells: ["CZK 500.00"] },
      { month: "2026-02", cells: ["CZK 1,000.00"] },
      { month: "2026-03", cells: ["—"] },
    ]);
  });

  it("keeps a negative month (a refund) at the axis while its table row says the amount", () => {
    const model = chart([-2_000, 0, 0]);
    expect(model.months[0]?.bars[0]?.height).toBe(0);
    expect(model.table.rows[0]?.cells).toEqual(["CZK -20.00"]);
    expect(model.desc).toContain("Nothing was billed in these months.");
  });
});
