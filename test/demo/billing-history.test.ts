import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { HISTORY_CUSTOMERS, seedBillingHistory } from "../../src/demo/billing-history.js";
import { DEMO_PACKAGES } from "../../src/demo/seed.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/** The demo's month of billing history: real panel customers, their past in the ledger, and the daemon after it. */
let h: ProvisioningHarness;
let ledger: UsageLedgerStore;
beforeEach(async () => {
  h = await startProvisioningHarness();
  ledger = new UsageLedgerStore(h.services.db);
  new PolicyStore(h.services.db).save(
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
  it("gives the customers a month of history that the daemon then continues without repeating it", async () => {
    await seedBillingHistory(h.da, h.services, h.clock.now());
    expect(HISTORY_CUSTOMERS.every((customer) => h.services.stores.inventory.account(customer.username))).toBe(true);
    expect(lines("olga-old.test")).toEqual(["2026-01-29 start zone admin", "2026-02-20 stop zone admin"]);
    expect(lines("eva-photo.test")).toEqual([
      "2026-02-17 start zone reseller",
      "2026-02-26 suspend zone reseller",
      "2026-03-03 resume zone reseller",
    ]);
    expect(lines("petr-garage.test")).toEqual([
      "2026-02-08 start zone reseller",
      "2026-02-08 start protection/start/monthly reseller",
      "2026-02-08 charge protection/start/monthly reseller",
    ]);
    expect(ledger.history({ domain: "anna-bakery.test" })[0]?.retail).toEqual(money(2500, "CZK"));

    await h.settleAll();
    await seedBillingHistory(h.da, h.services, h.clock.now());
    expect(lines("anna-bakery.test")).toEqual(["2026-02-04 start zone reseller"]);
    const petr = ledger.history({ domain: "petr-garage.test" });
    expect(petr.map((entry) => `${entry.day} ${entry.event}`)).toEqual([
      "2026-02-08 start",
      "2026-02-08 start",
      "2026-02-08 charge",
      "2026-03-10 charge",
    ]);
    expect(petr[3]?.wholesale).toEqual(money(9900, "CZK"));
  });
});
