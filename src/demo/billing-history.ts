import { existsSync } from "node:fs";
import { money } from "../billing/money.js";
import type { TermsLookup } from "../billing/terms.js";
import type { EmulatedDirectAdmin } from "../emulators/directadmin/index.js";
import type { Services } from "../main.js";
import { BillingEvents } from "../provisioning/billing-events.js";
import { PriceBookStore } from "../store/price-book-store.js";
import { UsageLedgerStore } from "../store/usage-ledger-store.js";
import { DEMO_PACKAGES } from "./seed.js";

const DAY_MS = 86_400_000;

/**
 * The demo's price list for its month of history: a zone at 25 CZK a month, protection Start at 149 CZK a month
 * (WEDOS's simulated price is 99 CZK); zones are not billed while an account is suspended.
 */
export const DEMO_TERMS: TermsLookup = ({ product }) => ({
  offerId: null,
  retail: product === "zone" ? money(2500, "CZK") : money(14_900, "CZK"),
  wholesale: null,
  billedWhileSuspended: false,
  renewal: "renew",
});

/** A customer of the demo's history: who made it, its package, and when its services began (days before today). */
interface HistoryCustomer {
  username: string;
  domain: string;
  creator: "admin" | "reseller";
  package: string;
  startedDaysAgo: number;
  /** Suspended from the first to the second day (days before today). */
  suspended?: [number, number];
  /** A second domain that existed from the first to the second day (days before today), deleted since. */
  formerDomain?: { domain: string; days: [number, number] };
}

const customer = (
  username: string,
  domain: string,
  creator: "admin" | "reseller",
  pkg: string,
  startedDaysAgo: number,
  more: Pick<HistoryCustomer, "suspended" | "formerDomain"> = {},
): HistoryCustomer => ({ username, domain, creator, package: pkg, startedDaysAgo, ...more });

export const HISTORY_CUSTOMERS: readonly HistoryCustomer[] = [
  customer("anna", "anna-bakery.test", "reseller", DEMO_PACKAGES.plain, 34),
  customer("petr", "petr-garage.test", "reseller", DEMO_PACKAGES.protected, 30),
  customer("eva", "eva-photo.test", "reseller", DEMO_PACKAGES.plain, 21, { suspended: [12, 7] }),
  customer("jan", "jan-law.test", "admin", DEMO_PACKAGES.protected, 30),
  customer("olga", "olga-shop.test", "admin", DEMO_PACKAGES.plain, 15, {
    formerDomain: { domain: "olga-old.test", days: [40, 18] },
  }),
];

/**
 * A month of realistic billing history for the demo's first start, so the billing pages have something to show:
 * customers of the reseller and of the admin are created in the panel (their hooks run, and the daemon provisions
 * them as usual), then the ledger is given their past — zones started on different days, a suspension, a domain
 * deleted since, and protection ordered a month ago (the daemon's real order today is its next month). Written
 * through the same writer as the daemon's, so it is what the daemon would have written; a second call adds nothing.
 */
export async function seedBillingHistory(
  da: EmulatedDirectAdmin,
  services: Pick<Services, "db" | "ingest" | "config" | "stores">,
  now: number,
): Promise<void> {
  for (const { username, domain, creator, package: pkg, formerDomain } of HISTORY_CUSTOMERS) {
    if (existsSync(da.layout.userConf(username))) continue;
    const email = `${username}@example.test`;
    const password = `demo-${username}-password`;
    await da.createUser({ username, domain, package: pkg, ip: "192.0.2.20", email, creator, password });
    if (formerDomain !== undefined) {
      await da.createDomain(username, formerDomain.domain);
      await da.destroyDomain(username, formerDomain.domain);
    }
  }
  services.ingest();
  const ledger = new UsageLedgerStore(services.db);
  if (HISTORY_CUSTOMERS.some(({ domain }) => ledger.history({ domain }).length > 0)) return;
  const billing = new BillingEvents({
    db: services.db,
    ledger,
    priceBook: new PriceBookStore(services.db),
    inventory: services.stores.inventory,
    timeZone: services.config.billing.timeZone,
    terms: DEMO_TERMS,
  });
  const daysAgo = (days: number) => now - days * DAY_MS;
  for (const each of HISTORY_CUSTOMERS) writeHistory(billing, each, daysAgo);
}

function writeHistory(billing: BillingEvents, customer: HistoryCustomer, daysAgo: (days: number) => number): void {
  const { domain, username, formerDomain, suspended } = customer;
  const started = daysAgo(customer.startedDaysAgo);
  if (formerDomain !== undefined) {
    billing.started(formerDomain.domain, "zone", daysAgo(formerDomain.days[0]), "daemon");
    billing.domainEnded(formerDomain.domain, daysAgo(formerDomain.days[1]), "daemon", "deleted in the panel");
  }
  billing.started(domain, "zone", started, "daemon");
  if (customer.package === DEMO_PACKAGES.protected) {
    const product = "protection/start/monthly";
    const orderNum = `demo-${username}`;
    billing.started(domain, product, started, "daemon", orderNum);
    billing.protectionCharged({
      domain,
      product,
      at: started,
      orderNum,
      amount: "99.00",
      currency: "CZK",
      source: "wedos-order",
      actor: "daemon",
    });
  }
  if (suspended !== undefined) {
    billing.suspensionChanged(username, true, daysAgo(suspended[0]), "panel");
    billing.suspensionChanged(username, false, daysAgo(suspended[1]), "panel");
  }
}
