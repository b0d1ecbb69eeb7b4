import { describe, expect, it } from "vitest";
import { creditOutlook, dueWithin, nextRenewal, type CostItem } from "../../src/billing/credit-outlook.js";

const czk = (minor: number) => ({ minor, currency: "CZK" });
const item = (minor: number | null, currency = "CZK"): CostItem => ({
  domain: "a.cz",
  product: "protection/start/monthly",
  price: minor === null ? null : { minor, currency },
});

describe("the credit warning", () => {
  const queued = [item(9900), item(49000)]; // 589.00
  const renewals = [item(99000)]; // 990.00

  it("is red below what is queued, amber below queued and the next renewals, ok at or above", () => {
    expect(creditOutlook(czk(58899), queued, renewals, "CZK").level).toBe("red");
    expect(creditOutlook(czk(58900), queued, renewals, "CZK").level).toBe("amber");
    expect(creditOutlook(czk(157899), queued, renewals, "CZK").level).toBe("amber");
    expect(creditOutlook(czk(157900), queued, renewals, "CZK").level).toBe("ok");
  });

  it("sums exactly and sets aside what has no price or another currency", () => {
    const outlook = creditOutlook(czk(100), [...queued, item(null), item(500, "EUR")], renewals, "CZK");
    expect(outlook.queuedTotal).toEqual(czk(58900));
    expect(outlook.renewalsTotal).toEqual(czk(99000));
    expect(outlook.uncounted.map((each) => each.price)).toEqual([null, { minor: 500, currency: "EUR" }]);
  });

  it("is unknown before any balance was read", () => {
    expect(creditOutlook(null, queued, renewals, "CZK")).toMatchObject({ level: "unknown", queuedTotal: czk(58900) });
  });
});

describe("renewals due", () => {
  it("falls on the activation day plus whole periods, clamped at month ends", () => {
    expect(nextRenewal("2026-01-31", "monthly", "2026-02-01")).toBe("2026-02-28");
    expect(nextRenewal("2026-01-31", "monthly", "2026-03-01")).toBe("2026-03-31");
    expect(nextRenewal("2025-12-05", "yearly", "2026-11-20")).toBe("2026-12-05");
    expect(nextRenewal("2026-11-20", "monthly", "2026-11-20")).toBe("2026-12-20");
  });

  it("counts a renewal within the next 30 days, both ends included", () => {
    expect(dueWithin("2026-11-20", "2026-11-20")).toBe(true);
    expect(dueWithin("2026-12-20", "2026-11-20")).toBe(true);
    expect(dueWithin("2026-12-21", "2026-11-20")).toBe(false);
    expect(dueWithin("2026-11-19", "2026-11-20")).toBe(false);
  });
});
