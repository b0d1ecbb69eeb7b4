import { describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { moneyFormatter, percentFormatter } from "../../src/web/i18n/money-format.js";

describe("money in the visitor's format", () => {
  it("writes Czech amounts with a comma and Kč, English ones with the code first", () => {
    const cs = moneyFormatter("cs");
    const en = moneyFormatter("en");
    expect(cs(money(149_050, "CZK"))).toBe("1 490,50 Kč");
    expect(en(money(149_050, "CZK"))).toBe("CZK 1,490.50");
    expect(en(money(-5, "EUR"))).toBe("EUR -0.05");
    expect(cs(money(1999, "EUR"))).toBe("19,99 €");
  });

  it("never rounds through floating point, even for the largest amounts", () => {
    expect(moneyFormatter("en")(money(9_007_199_254_740_991, "CZK"))).toBe("CZK 90,071,992,547,409.91");
  });

  it("writes a percentage with the language's decimal mark", () => {
    expect(percentFormatter("cs")("12.50")).toBe("12,50");
    expect(percentFormatter("en")("12.50")).toBe("12.50");
  });
});
