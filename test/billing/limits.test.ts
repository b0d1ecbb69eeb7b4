import { describe, expect, it } from "vitest";
import {
  decideSpend,
  limitChangeRefusal,
  LimitError,
  standing,
  type LimitChange,
  type SpendLimit,
} from "../../src/billing/limits.js";
import { money } from "../../src/billing/money.js";

const CZK = (minor: number) => money(minor, "CZK");
const customerLimit = (minor: number): SpendLimit => ({ scope: "customer", name: "bob", amount: CZK(minor) });
const resellerLimit = (minor: number): SpendLimit => ({ scope: "reseller", name: "res", amount: CZK(minor) });

describe("where a month stands against a limit", () => {
  it("warns from exactly 80 % and is over only past the limit", () => {
    expect(standing(customerLimit(50_000), CZK(39_999))).toMatchObject({ level: "ok", usedBp: 7_999 });
    expect(standing(customerLimit(50_000), CZK(39_990)).level).toBe("ok");
    expect(standing(customerLimit(50_000), CZK(40_000))).toMatchObject({ level: "warning", usedBp: 8_000 });
    expect(standing(customerLimit(50_000), CZK(50_000))).toMatchObject({ level: "warning", usedBp: 10_000 });
    expect(standing(customerLimit(50_000), CZK(50_001))).toMatchObject({ level: "over", usedBp: 10_000 });
    expect(standing(customerLimit(50_000), CZK(75_000))).toMatchObject({ level: "over", usedBp: 15_000 });
  });

  it("treats a zero limit as nothing allowed: any spend is over, none is fine", () => {
    expect(standing(customerLimit(0), CZK(0))).toMatchObject({ level: "ok", usedBp: 0 });
    expect(standing(customerLimit(0), CZK(1))).toMatchObject({ level: "over", usedBp: 10_000 });
  });

  it("refuses to compare amounts in another currency, saying how to fix it", () => {
    expect(() => standing(customerLimit(50_000), money(100, "EUR"))).toThrow(LimitError);
    expect(() => standing(customerLimit(50_000), money(100, "EUR"))).toThrow(
      "the customer limit of bob is in CZK but bills are in EUR: set the limit again in EUR",
    );
  });
});

describe("deciding an order", () => {
  it("allows an order that lands exactly on the limit and refuses one heller more", () => {
    const spends = [{ limit: customerLimit(50_000), spent: CZK(20_000) }];
    expect(decideSpend(spends, CZK(30_000))).toMatchObject({ allowed: true });
    expect(decideSpend(spends, CZK(30_001))).toMatchObject({
      allowed: false,
      price: CZK(30_001),
      refusedBy: { limit: customerLimit(50_000), spent: CZK(50_001), level: "over" },
    });
  });

  it("names the customer's limit before the reseller's when both are passed", () => {
    const spends = [
      { limit: resellerLimit(100_000), spent: CZK(99_000) },
      { limit: customerLimit(10_000), spent: CZK(9_000) },
    ];
    const decision = decideSpend(spends, CZK(5_000));
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.refusedBy.limit.scope).toBe("customer");
  });

  it("refuses by the reseller's limit when only the customers together go past it", () => {
    const spends = [
      { limit: customerLimit(10_000), spent: CZK(1_000) },
      { limit: resellerLimit(100_000), spent: CZK(99_000) },
    ];
    const decision = decideSpend(spends, CZK(2_000));
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.refusedBy.limit).toEqual(resellerLimit(100_000));
  });

  it("lists the limits an allowed order brings to 80 % or more", () => {
    const decision = decideSpend(
      [
        { limit: customerLimit(10_000), spent: CZK(7_000) },
        { limit: resellerLimit(100_000), spent: CZK(10_000) },
      ],
      CZK(1_000),
    );
    expect(decision).toMatchObject({ allowed: true, warnings: [{ limit: customerLimit(10_000), usedBp: 8_000 }] });
  });

  it("lets a free order through unless the month is over already, and allows anything without limits", () => {
    expect(decideSpend([{ limit: customerLimit(10_000), spent: CZK(10_000) }], CZK(0)).allowed).toBe(true);
    expect(decideSpend([{ limit: customerLimit(10_000), spent: CZK(10_001) }], CZK(0)).allowed).toBe(false);
    expect(decideSpend([], CZK(99_999_999))).toEqual({ allowed: true, warnings: [] });
    expect(() => decideSpend([], CZK(-1))).toThrow("a price is never negative");
  });
});

describe("who may set a limit", () => {
  const change = (overrides: Partial<LimitChange>): LimitChange => ({
    setter: { level: "reseller", name: "res" },
    scope: "customer",
    name: "bob",
    amount: CZK(30_000),
    resellerOfCustomer: "res",
    nameIsAdmin: false,
    setterOwnLimit: CZK(50_000),
    currency: "CZK",
    ...overrides,
  });

  it("lets a reseller set its own customer's limit up to its own", () => {
    expect(limitChangeRefusal(change({}))).toBeUndefined();
    expect(limitChangeRefusal(change({ amount: CZK(50_000) }))).toBeUndefined();
    expect(limitChangeRefusal(change({ setterOwnLimit: null, amount: CZK(900_000) }))).toBeUndefined();
    expect(limitChangeRefusal(change({ setterOwnLimit: null, amount: null }))).toBeUndefined();
  });

  it("refuses a reseller above its own limit, for another reseller's customer, and for any reseller", () => {
    expect(limitChangeRefusal(change({ amount: CZK(50_001) }))).toBe("above-own");
    expect(limitChangeRefusal(change({ amount: null }))).toBe("remove-under-own");
    expect(limitChangeRefusal(change({ resellerOfCustomer: "other" }))).toBe("not-your-customer");
    expect(limitChangeRefusal(change({ resellerOfCustomer: null }))).toBe("not-your-customer");
    expect(limitChangeRefusal(change({ scope: "reseller", name: "res" }))).toBe("reseller-scope");
  });

  it("lets the admin set any limit, in the bills' currency and not below zero", () => {
    const admin = { level: "admin", name: "admin" } as const;
    expect(limitChangeRefusal(change({ setter: admin, scope: "reseller", name: "res", amount: CZK(1) }))).toBe(
      undefined,
    );
    expect(limitChangeRefusal(change({ setter: admin, resellerOfCustomer: "other", amount: CZK(90_000) }))).toBe(
      undefined,
    );
    expect(limitChangeRefusal(change({ setter: admin, amount: money(100, "EUR") }))).toBe("currency");
    expect(limitChangeRefusal(change({ setter: admin, amount: CZK(-1) }))).toBe("negative");
  });

  it("gives an administrator no reseller limit, yet lets an old one be removed and its customers be limited", () => {
    const admin = { level: "admin", name: "admin" } as const;
    const onAdmin = { setter: admin, scope: "reseller", name: "admin", nameIsAdmin: true } as const;
    expect(limitChangeRefusal(change({ ...onAdmin, amount: CZK(1) }))).toBe("admin-not-reseller");
    expect(limitChangeRefusal(change({ ...onAdmin, amount: null }))).toBeUndefined();
    expect(limitChangeRefusal(change({ setter: admin, resellerOfCustomer: "admin", amount: CZK(1) }))).toBeUndefined();
  });
});
