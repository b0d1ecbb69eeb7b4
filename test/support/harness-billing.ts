import type { TermsLookup } from "../../src/billing/terms.js";
import { BillingEvents } from "../../src/provisioning/billing-events.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import type { ProvisioningHarness } from "./provisioning-harness.js";

/** The harness's tasks and panel events write the ledger with these sale terms (offers are not set up in tests). */
export function billWithTerms(h: ProvisioningHarness, terms: TermsLookup): BillingEvents {
  const billing = new BillingEvents({
    db: h.services.db,
    ledger: new UsageLedgerStore(h.services.db),
    priceBook: new PriceBookStore(h.services.db),
    inventory: h.services.stores.inventory,
    timeZone: h.services.config.billing.timeZone,
    terms,
  });
  h.services.tasks.billing = billing;
  h.services.lifecycle.billing = billing;
  return billing;
}
