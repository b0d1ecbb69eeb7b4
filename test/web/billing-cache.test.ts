import { describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import type { CustomerStatement } from "../../src/billing/statement.js";
import { RatedMonthCache } from "../../src/web/view-models/billing-cache.js";

const statements = (count: number, username = "u"): CustomerStatement[] =>
  Array.from({ length: count }, (_, n) => ({
    month: "2026-02",
    username: `${username}${n}`,
    reseller: null,
    currency: "CZK",
    lines: [],
    totals: {
      wholesale: null,
      retail: money(0, "CZK"),
      margin: null,
      vat: { net: money(0, "CZK"), vat: money(0, "CZK"), gross: money(0, "CZK") },
    },
  }));

describe("the months rated for the billing pages", () => {
  it("keys a rating by the ledger's version, scope and month", () => {
    const cache = new RatedMonthCache();
    const key = cache.key(7, { reseller: "res1" }, "2026-02");
    cache.keepStatements(key, statements(2));
    expect(cache.statementsOf(key)).toHaveLength(2);
    expect(cache.statementsOf(cache.key(8, { reseller: "res1" }, "2026-02"))).toBeUndefined();
    expect(cache.statementsOf(cache.key(7, { reseller: null }, "2026-02"))).toBeUndefined();
    expect(cache.statementsOf(cache.key(7, { username: "res1" }, "2026-02"))).toBeUndefined();
    expect(cache.statementsOf(cache.key(7, { reseller: "res1" }, "2026-01"))).toBeUndefined();
  });

  it("lets the least recently used ratings go first once 20,000 statements are kept", () => {
    const cache = new RatedMonthCache();
    const [a, b, c] = ["2026-01", "2026-02", "2026-03"].map((month) => cache.key(1, { all: true }, month)) as [
      string,
      string,
      string,
    ];
    cache.keepStatements(a, statements(8000, "a"));
    cache.keepStatements(b, statements(8000, "b"));
    expect(cache.statementsOf(a)).toBeDefined();
    cache.keepStatements(c, statements(8000, "c"));
    expect(cache.statementsOf(b)).toBeUndefined();
    expect(cache.statementsOf(a)).toHaveLength(8000);
    expect(cache.statementsOf(c)).toHaveLength(8000);
    // More than the bound alone is never kept.
    cache.keepStatements(cache.key(1, { all: true }, "2026-04"), statements(20_001));
    expect(cache.statementsOf(cache.key(1, { all: true }, "2026-04"))).toBeUndefined();
    expect(cache.statementsOf(a)).toHaveLength(8000);
  });
});
