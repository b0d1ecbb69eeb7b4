import { describe, expect, it } from "vitest";
import { benchBillingRating } from "../../src/bench/billing-bench.js";

describe("the billing-rating bench row", () => {
  it("rates the ledger it seeded: every customer billed, the entries it wrote, three timed rows", () => {
    const rows = benchBillingRating(50, 1);
    expect(rows.map((row) => [row[0], row[3], row[5]])).toEqual([
      ["read the ledger up to the month's end (baseline)", "—", "50 customers, 100 services, 458 entries"],
      ["rate the month (entries in memory)", "< 1000", "50 statements"],
      ["read, rate, group per reseller, JSON document", "< 1000", "what the CLI export and the pull API do"],
    ]);
    for (const row of rows) expect(Number(row[1])).toBeGreaterThanOrEqual(0);
    expect(rows[0]?.[4]).toBe("1.00");
  });
});
