import { existsSync } from "node:fs";
import { daysBetween } from "../billing/calendar.js";
import { paidPeriod } from "../billing/renewal.js";
import { productKey, type BillingPeriod, type ProductKey, type ProtectionPlan } from "../billing/product.js";
import type { PasswordBook } from "../emulators/directadmin/front/index.js";
import type { EmulatedDirectAdmin } from "../emulators/directadmin/index.js";
import type { Services } from "../main.js";
import { BillingEvents } from "../provisioning/billing-events.js";
import { offerTerms } from "../store/offer-store.js";
import { PriceBookStore } from "../store/price-book-store.js";
import { ProtectionPlanStore } from "../store/protection-plan-store.js";
import { UsageLedgerStore } from "../store/usage-ledger-store.js";
import { WGP_PERIODS, WGP_VARIANTS } from "../wapi/commands/wgp.js";
import type { PastCharge } from "../simulator/credit.js";
import { WGP_PRICES_CZK, wgpOrderText } from "../simulator/wgp-services.js";
import { BUSINESS_PACKAGES } from "./business.js";
import { DEMO_PACKAGES } from "./seed.js";

const DAY_MS = 86_400_000;

/** The protection a customer's package ordered in the past, and what became of it since. */
interface PastProtection {
  plan: ProtectionPlan;
  period: BillingPeriod;
  /** Renewed at WEDOS this many days before today (a second paid period), if it was. */
  renewedDaysAgo?: number;
  /** It lapsed under its offer at the end of its first paid period (a lapse's days are the offer's). */
  lapsed?: boolean;
}

/** A customer of the demo's history: who made it, its package, and when its services began (days before today). */
interface HistoryCustomer {
  username: string;
  domain: string;
  creator: "admin" | "reseller";
  package: string;
  startedDaysAgo: number;
  protection?: PastProtection;
  /** Suspended from the first to the second day (days before today). */
  suspended?: [number, number];
  /** A second domain that existed from the first to the second day (days before today), deleted since. */
  formerDomain?: { domain: string; days: [number, number] };
  /** The plan and period the customer chose on the domain's page (their package lets them). */
  chose?: { plan: ProtectionPlan; period: BillingPeriod };
}

const customer = (
  username: string,
  domain: string,
  creator: "admin" | "reseller",
  pkg: string,
  startedDaysAgo: number,
  more: Partial<Pick<HistoryCustomer, "protection" | "suspended" | "formerDomain" | "chose">> = {},
): HistoryCustomer => ({ username, domain, creator, package: pkg, startedDaysAgo, ...more });

const START_MONTHLY = { plan: "start", period: "monthly" } as const;
const ADVANCED_YEARLY = { plan: "advanced", period: "yearly" } as const;

/**
 * Eight customers, five of them the reseller's: plain DNS, a suspension, a deleted domain; "business" protection
 * bought two months ago and renewed once (petr), and bought a month ago (jan); "premium" Advanced bought a year ago
 * (karel), and a new customer who chose Expert on the domain's page (lucie); and a "trial" month that lapsed a
 * fortnight ago (marek). A paid period in the history ends about today: the daemon's real order today is the next.
 */
export const HISTORY_CUSTOMERS: readonly HistoryCustomer[] = [
  customer("anna", "anna-bakery.test", "reseller", DEMO_PACKAGES.plain, 34),
  customer("petr", "petr-garage.test", "reseller", DEMO_PACKAGES.protected, 60, {
    protection: { ...START_MONTHLY, renewedDaysAgo: 30 },
  }),
  customer("eva", "eva-photo.test", "reseller", DEMO_PACKAGES.plain, 21, { suspended: [12, 7] }),
  customer("karel", "karel-studio.test", "reseller", BUSINESS_PACKAGES.premium, 365, { protection: ADVANCED_YEARLY }),
  customer("lucie", "lucie-travel.test", "reseller", BUSINESS_PACKAGES.premium, 0, {
    chose: { plan: "expert", period: "yearly" },
  }),
  customer("jan", "jan-law.test", "admin", DEMO_PACKAGES.protected, 30, { protection: START_MONTHLY }),
  customer("olga", "olga-shop.test", "admin", DEMO_PACKAGES.plain, 15, {
    formerDomain: { domain: "olga-old.test", days: [40, 18] },
  }),
  customer("marek", "marek-cafe.test", "admin", BUSINESS_PACKAGES.trial, 45, {
    protection: { ...START_MONTHLY, lapsed: true },
  }),
];

/** A history customer's password in the emulated panel (the README names it; the demo runs on this machine only). */
export const historyPassword = (username: string): string => `demo-${username}-password`;

/** What WEDOS charges for a plan and period, as the simulator's price list says ("99.00"). */
const wedosPrice = (plan: ProtectionPlan, period: BillingPeriod): string =>
  (WGP_PRICES_CZK[WGP_VARIANTS[plan]]?.[WGP_PERIODS[period]] ?? 0).toFixed(2);

/**
 * The history of billing for the demo's first start, so the billing pages have something to show: the customers
 * are created in the panel (their hooks run, and the daemon provisions them as usual), then the ledger is given their
 * past — zones started on different days, a suspension, a deleted domain, protection ordered, renewed, lapsed —
 * under the published offers of their packages. Written through the same writer as the daemon's, so it is what the
 * daemon would have written; the daemon's real order today is a service's next period. A second call adds nothing.
 */
export async function seedBillingHistory(
  da: EmulatedDirectAdmin,
  services: Pick<Services, "db" | "ingest" | "config" | "stores">,
  now: number,
  passwords?: Pick<PasswordBook, "set">,
): Promise<void> {
  for (const { username, domain, creator, package: pkg, formerDomain } of HISTORY_CUSTOMERS) {
    const password = historyPassword(username);
    passwords?.set(username, password);
    if (existsSync(da.layout.userConf(username))) continue;
    const email = `${username}@example.test`;
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
    terms: offerTerms(services.db),
  });
  const daysAgo = (days: number) => now - days * DAY_MS;
  for (const each of HISTORY_CUSTOMERS) {
    writeHistory(billing, each, daysAgo);
    if (each.protection?.lapsed === true) markLapsed(services, billing, each, now);
    if (each.chose !== undefined) {
      const plans = new ProtectionPlanStore(services.db);
      plans.choose(each.domain, each.chose.plan, each.chose.period, each.username, daysAgo(1));
    }
  }
}

function writeHistory(billing: BillingEvents, customer: HistoryCustomer, daysAgo: (days: number) => number): void {
  const { domain, username, formerDomain, suspended } = customer;
  const started = daysAgo(customer.startedDaysAgo);
  if (formerDomain !== undefined) {
    billing.started(formerDomain.domain, "zone", daysAgo(formerDomain.days[0]), "daemon");
    billing.domainEnded(formerDomain.domain, daysAgo(formerDomain.days[1]), "daemon", "deleted in the panel");
  }
  billing.started(domain, "zone", started, "daemon");
  const charges = paidPeriods(customer, daysAgo);
  const [first] = charges;
  if (first !== undefined) billing.started(domain, first.product, started, "daemon", first.orderNum);
  for (const { product, amount, at, orderNum, kind } of charges) {
    const source = kind === "order" ? "wedos-order" : "wedos-renew";
    billing.protectionCharged({ domain, product, amount, currency: "CZK", actor: "daemon", at, orderNum, source });
  }
  if (suspended !== undefined) {
    billing.suspensionChanged(username, true, daysAgo(suspended[0]), "panel");
    billing.suspensionChanged(username, false, daysAgo(suspended[1]), "panel");
  }
}

/** A period of protection the history says WEDOS was paid for: the order, then each renewal. */
interface PaidPeriod {
  kind: "order" | "renewal";
  product: ProductKey;
  plan: ProtectionPlan;
  at: number;
  /** WEDOS's `amount` ("99.00"). */
  amount: string;
  orderNum: string;
}

function paidPeriods(customer: HistoryCustomer, daysAgo: (days: number) => number): PaidPeriod[] {
  const { protection, username } = customer;
  if (protection === undefined) return [];
  const { plan, period } = protection;
  const paid = { product: productKey({ service: "protection", plan, period }), plan, amount: wedosPrice(plan, period) };
  const orderNum = `demo-${username}`;
  const periods: PaidPeriod[] = [{ ...paid, kind: "order", at: daysAgo(customer.startedDaysAgo), orderNum }];
  if (protection.renewedDaysAgo !== undefined) {
    const at = daysAgo(protection.renewedDaysAgo);
    periods.push({ ...paid, kind: "renewal", at, orderNum: `${orderNum}-renewal` });
  }
  return periods;
}

/**
 * What WEDOS took from the credit for the history's protection, as the credit account's movements before the demo's
 * first start: the same order numbers, amounts and times as the ledger's charges, so reconciling an earlier month
 * finds them all paired.
 */
export function historyCharges(now: number): PastCharge[] {
  const daysAgo = (days: number) => now - days * DAY_MS;
  return HISTORY_CUSTOMERS.flatMap((customer) =>
    paidPeriods(customer, daysAgo).map(({ kind, plan, at, amount, orderNum }) => ({
      at,
      amountCents: Math.round(Number(amount) * 100),
      description: wgpOrderText(kind, customer.domain, WGP_VARIANTS[plan]),
      orderNum,
    })),
  );
}

/**
 * A month of protection that lapsed under its offer: the service as the lapse leaves it (removed at WEDOS, the day
 * it lapsed kept, so provisioning does not order it again) and the ledger's stop on the last paid day.
 */
function markLapsed(
  services: Pick<Services, "db" | "stores">,
  billing: BillingEvents,
  customer: HistoryCustomer,
  now: number,
): void {
  const daysAgo = (days: number) => now - days * DAY_MS;
  const { domain, protection } = customer;
  if (protection === undefined) return;
  const started = daysAgo(customer.startedDaysAgo);
  const { until } = paidPeriod(billing.dayOf(started), protection.period);
  const lapsedAt = now - daysBetween(until, billing.dayOf(now)) * DAY_MS;
  const protections = services.stores.protections;
  const row = { domain, variant: protection.plan, period: protection.period, mode: "cname", upstreamIps: [] };
  protections.recordOrdering(row, started);
  const reason = `the paid period ended on ${until} and the offer lets it lapse`;
  protections.update(domain, { state: "removed", reason }, lapsedAt);
  new ProtectionPlanStore(services.db).markLapsed(domain, until, lapsedAt);
  // A stop's day is the last day the service existed: the day before the one it was no longer paid for.
  billing.stopped(domain, "protection", lapsedAt - DAY_MS, "daemon", "lapsed at the end of its paid period");
}
