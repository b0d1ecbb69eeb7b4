import { describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { NO_OFFER, type TermsLookup } from "../../src/billing/terms.js";
import { billingConfigSchema } from "../../src/config/schema.js";
import { policySchema } from "../../src/model/policy.js";
import {
  newDomainSpendRefusal,
  protectionSpendRefusal,
  spendCheckFor,
  spendRefusalReason,
} from "../../src/provisioning/spend-check.js";
import { openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { chargeEntry } from "../support/ledger-entries.js";

const CZK = (minor: number) => money(minor, "CZK");
const billing = billingConfigSchema.parse({});
/** 15 Nov 2026, noon in Prague. */
const NOVEMBER = Date.parse("2026-11-15T11:00:00Z");

const charge = (username: string, reseller: string | null, day: string, retail: number) =>
  chargeEntry(username, day, retail, { reseller, offerId: 1, wholesale: CZK(Math.floor(retail / 2)) });

/** bob and cyd are reseller res's customers; bob has a zone at 31.00 a month and a charge of 300.00 in November. */
function world(terms: TermsLookup = () => NO_OFFER) {
  const db = openDatabase(":memory:");
  const inventory = new InventoryStore(db);
  inventory.upsertAccount({ username: "bob", creator: "res", package: "gold" }, 0);
  inventory.upsertAccount({ username: "cyd", creator: "res", package: "gold" }, 0);
  const ledger = new UsageLedgerStore(db);
  ledger.append(
    {
      ...charge("bob", "res", "2026-10-01", 0),
      eventKey: "zone:bob",
      event: "start",
      product: "zone",
      retail: CZK(3100),
      wholesale: null,
      billedWhileSuspended: true,
      coversFrom: null,
      coversTo: null,
    },
    0,
  );
  ledger.append(charge("bob", "res", "2026-11-03", 30_000), 0);
  ledger.append(charge("cyd", "res", "2026-11-04", 60_000), 0);
  ledger.append(charge("bob", "res", "2026-10-20", 90_000), 0);
  const limits = new SpendLimitStore(db);
  limits.set({ scope: "customer", name: "bob", amount: CZK(40_000) }, "admin admin", 0);
  limits.set({ scope: "reseller", name: "res", amount: CZK(100_000) }, "admin admin", 0);
  return { db, limits, policies: new PolicyStore(db), inventory, spending: spendCheckFor(db, billing, terms) };
}

describe("the spending check", () => {
  it("adds the order to the month's bill so far and refuses what would pass the customer's limit", () => {
    const { spending } = world();
    // bob: 31.00 for the zone's November + 300.00 = 331.00 of 400.00; October's 900.00 is another month.
    expect(spending.check({ username: "bob", price: CZK(6_900), now: NOVEMBER })).toMatchObject({
      allowed: true,
      warnings: [
        { limit: { scope: "customer" }, spent: CZK(40_000), usedBp: 10_000, level: "warning" },
        // res: bob's 331.00 + cyd's 600.00 + the order's 69.00.
        { limit: { scope: "reseller" }, spent: CZK(100_000), usedBp: 10_000, level: "warning" },
      ],
    });
    const refused = spending.check({ username: "bob", price: CZK(6_901), now: NOVEMBER });
    expect(refused).toMatchObject({ allowed: false, refusedBy: { limit: { scope: "customer", name: "bob" } } });
  });

  it("refuses what would take all of the reseller's customers together past the reseller's limit", () => {
    const { spending, limits } = world();
    limits.remove("customer", "bob", "admin admin", 1);
    // res: 331.00 (bob) + 600.00 (cyd) = 931.00 of 1000.00.
    expect(spending.check({ username: "bob", price: CZK(6_900), now: NOVEMBER }).allowed).toBe(true);
    expect(spending.check({ username: "cyd", price: CZK(6_901), now: NOVEMBER })).toMatchObject({
      allowed: false,
      refusedBy: { limit: { scope: "reseller", name: "res" }, spent: CZK(100_001) },
    });
    expect(spending.resellerStanding("res", NOVEMBER)).toMatchObject({ spent: CZK(93_100), level: "warning" });
    expect(spending.standings("cyd", NOVEMBER)).toMatchObject([{ limit: { scope: "reseller" }, usedBp: 9_310 }]);
  });

  it("counts the month of the provider's time zone: late on 30 November in UTC is December in Prague", () => {
    const { spending } = world();
    const lateNovemberUtc = Date.parse("2026-11-30T23:30:00Z");
    // December holds only bob's zone (31.00): a 369.00 order fits, 369.01 does not.
    expect(spending.check({ username: "bob", price: CZK(36_900), now: lateNovemberUtc }).allowed).toBe(true);
    expect(spending.check({ username: "bob", price: CZK(36_901), now: lateNovemberUtc }).allowed).toBe(false);
    expect(spending.check({ username: "bob", price: CZK(36_900), now: lateNovemberUtc - 3_600_000 }).allowed).toBe(
      false,
    );
  });

  it("prices a product by the terms the account's package sells it at", () => {
    const terms: TermsLookup = ({ package: pkg, product }) =>
      pkg === "gold" && product === "protection/advanced/monthly" ? { ...NO_OFFER, retail: CZK(7_000) } : NO_OFFER;
    const { spending } = world(terms);
    const policy = { protection: "advanced", protectionPeriod: "monthly" } as const;
    const refusal = protectionSpendRefusal(spending, "bob", policy, NOVEMBER);
    expect(refusal).toMatchObject({
      code: "spend-limit",
      params: { limit: "400.00", price: "70.00", currency: "CZK", name: "bob" },
    });
    expect(refusal?.detail).toBe(
      "WEDOS Global advanced was not ordered: it costs 70.00 CZK, which would bring the month of customer bob to " +
        "401.00, over its monthly limit of 400.00 CZK; raise the limit (wedos-panel billing limit set) or order it " +
        "next month",
    );
    expect(protectionSpendRefusal(spending, "bob", { ...policy, protectionPeriod: "yearly" }, NOVEMBER)).toBe(
      undefined,
    );
    expect(protectionSpendRefusal(spending, "bob", { ...policy, protection: "off" }, NOVEMBER)).toBeUndefined();
  });

  it("lets an account without limits through without rating anything", () => {
    const { spending, db } = world();
    new InventoryStore(db).upsertAccount({ username: "zed", creator: "nobody" }, 0);
    expect(spending.check({ username: "zed", price: CZK(99_999_999), now: NOVEMBER })).toEqual({
      allowed: true,
      warnings: [],
    });
  });

  it("words the pre hook's refusal for the customer, without the reseller's amounts", () => {
    const terms: TermsLookup = ({ product }) =>
      product === "protection/start/monthly" ? { ...NO_OFFER, retail: CZK(9_000) } : NO_OFFER;
    const { spending, policies, inventory, limits } = world(terms);
    const deps = { inventory, policies };
    policies.save("gold", policySchema.parse({ protection: "start" }), 0);
    expect(newDomainSpendRefusal({ username: "bob", package: undefined }, deps, spending, NOVEMBER)).toBe(
      "WEDOS Global: the package gold orders WEDOS Global protection (start) for each new domain at 90.00 CZK, " +
        "which would take this account over its monthly spending limit of 400.00 CZK; ask your provider to raise " +
        "the limit, or create the domain next month",
    );
    limits.remove("customer", "bob", "admin admin", 1);
    expect(newDomainSpendRefusal({ username: "cyd", package: undefined }, deps, spending, NOVEMBER)).toBe(
      "WEDOS Global: the package gold orders WEDOS Global protection (start) for each new domain, and a monthly " +
        "spending limit set by your provider does not allow it this month; ask your provider",
    );
    // A package where the customer opts in orders nothing with the domain.
    policies.save("gold", policySchema.parse({ protection: "start", protectionChoice: "opt-in" }), 0);
    expect(newDomainSpendRefusal({ username: "cyd", package: undefined }, deps, spending, NOVEMBER)).toBeUndefined();
  });

  it("gives the refusal a reason code per limit scope", () => {
    const { spending } = world();
    const decision = spending.check({ username: "bob", price: CZK(100_000), now: NOVEMBER });
    if (decision.allowed) throw new Error("expected a refusal");
    expect(spendRefusalReason(decision, "x").code).toBe("spend-limit");
  });
});
