import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { HISTORY_CUSTOMERS, seedBillingHistory } from "../../src/demo/billing-history.js";
import { seedBusinessCatalogue } from "../../src/demo/business.js";
import { seedDemoOffers } from "../../src/demo/offers.js";
import { DEMO_PACKAGES } from "../../src/demo/seed.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { ProtectionPlanStore } from "../../src/store/protection-plan-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/** The demo's month of billing history: real panel customers, their past in the ledger, and the daemon after it. */
let h: ProvisioningHarness;
let ledger: UsageLedgerStore;
let policies: PolicyStore;
beforeEach(async () => {
  h = await startProvisioningHarness();
  ledger = new UsageLedgerStore(h.services.db);
  policies = new PolicyStore(h.services.db);
  policies.save(
    DEMO_PACKAGES.protected,
    policySchema.parse({ protection: "start", protectionMode: "cname" }),
    h.clock.now(),
  );
});
afterEach(async () => {
  await h.close();
});

const lines = (domain: string) =>
  ledger.history({ domain }).map((entry) => `${entry.day} ${entry.event} ${entry.product} ${entry.reseller}`);

describe("the demo's billing history", () => {
  it("gives the customers their past under their packages' offers, which the daemon then continues", async () => {
    // As the demo's first start, which pays WEDOS 20,000 CZK: two years of Advanced cost 9,800 CZK.
    h.sim.simulator.topUpCredit(2_000_000, "Bank transfer (demo)");
    seedDemoOffers(h.services.db, h.clock.now());
    seedBusinessCatalogue(h.da, [], h.services.db, policies, h.clock.now());
    await seedBillingHistory(h.da, h.services, h.clock.now());
    expect(HISTORY_CUSTOMERS.every((customer) => h.services.stores.inventory.account(customer.username))).toBe(true);
    expect(lines("olga-old.test")).toEqual(["2026-01-29 start zone admin", "2026-02-20 stop zone admin"]);
    expect(lines("eva-photo.test")).toEqual([
      "2026-02-17 start zone reseller",
      "2026-02-26 suspend zone reseller",
      "2026-03-03 resume zone reseller",
    ]);
    // Bought two months ago and renewed once; "business" sells Start at a fixed 149 CZK a month.
    expect(lines("petr-garage.test")).toEqual([
      "2026-01-09 start zone reseller",
      "2026-01-09 start protection/start/monthly reseller",
      "2026-01-09 charge protection/start/monthly reseller",
      "2026-02-08 charge protection/start/monthly reseller",
    ]);
    const petr = ledger.history({ domain: "petr-garage.test" });
    expect(petr[3]).toMatchObject({ retail: money(14_900, "CZK"), wholesale: money(9900, "CZK") });
    expect(petr[3]?.coversFrom).toBe("2026-02-08");
    // "premium" sells at 30 % over WEDOS's price: Advanced for a year, 4,900 CZK at WEDOS, 6,370 CZK to the customer.
    expect(ledger.history({ domain: "karel-studio.test" })[2]).toMatchObject({
      event: "charge",
      day: "2025-03-10",
      retail: money(637_000, "CZK"),
      wholesale: money(490_000, "CZK"),
    });
    // The trial month lapsed on the day its paid period ended; its last day is the stop's.
    expect(lines("marek-cafe.test")).toEqual([
      "2026-01-24 start zone admin",
      "2026-01-24 start protection/start/monthly admin",
      "2026-01-24 charge protection/start/monthly admin",
      "2026-02-23 stop protection/start/monthly admin",
    ]);
    expect(new ProtectionPlanStore(h.services.db).lapsedOn("marek-cafe.test")).toBe("2026-02-24");
    expect(new ProtectionPlanStore(h.services.db).choice("lucie-travel.test")).toMatchObject({
      variant: "expert",
      period: "yearly",
      state: "waiting",
    });
    expect(ledger.history({ domain: "anna-bakery.test" })[0]?.retail).toEqual(money(2900, "CZK"));

    await h.settleAll();
    await seedBillingHistory(h.da, h.services, h.clock.now());
    expect(lines("anna-bakery.test")).toEqual(["2026-02-04 start zone reseller"]);
    expect(ledger.history({ domain: "petr-garage.test" }).map((entry) => `${entry.day} ${entry.event}`)).toEqual([
      "2026-01-09 start",
      "2026-01-09 start",
      "2026-01-09 charge",
      "2026-02-08 charge",
      "2026-03-10 charge",
    ]);
    // The lapsed service is not ordered again; the new customer's is, at the package's plan.
    expect(h.services.stores.protections.get("marek-cafe.test")?.state).toBe("removed");
    expect(lines("marek-cafe.test")).toHaveLength(4);
    expect(h.services.stores.protections.get("lucie-travel.test")).toMatchObject({
      state: "active",
      variant: "advanced",
      period: "yearly",
    });
  });
});
