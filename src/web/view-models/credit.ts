import { dayOf } from "../../billing/calendar.js";
import {
  creditOutlook,
  dueWithin,
  nextRenewal,
  RENEWAL_HORIZON_DAYS,
  type CostItem,
  type CreditLevel,
} from "../../billing/credit-outlook.js";
import type { Money } from "../../billing/money.js";
import type { BillingPeriod } from "../../billing/product.js";
import { RENEWAL_LEAD_DAYS } from "../../billing/renewal.js";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config/load.js";
import { protectDomain } from "../../provisioning/tasks/protection-tasks.js";
import { CreditStore } from "../../store/credit-store.js";
import type { Database } from "../../store/database.js";
import type { PolicyStore } from "../../store/policy-store.js";
import { PriceBookStore } from "../../store/price-book-store.js";
import type { AuthenticatedContext } from "../context.js";
import { formatMoney } from "../i18n/money-format.js";
import { pageUrl } from "../urls.js";

/** What the credit page and the operations page's credit line read; all local, nothing is sent to WEDOS. */
export interface CreditSources {
  clock: Clock;
  db: Database;
  policies: PolicyStore;
  billing: Pick<Config["billing"], "timeZone" | "creditCheckHours">;
}

export interface CostRow {
  domain: string;
  product: string;
  price: string;
  due?: string;
}

export interface CreditModel {
  level: CreditLevel;
  /** One sentence in plain words: the balance against what is coming, and what to do. */
  summary: string;
  balance: string | undefined;
  /** "read 4. 12. 2026 10:00 (3 hours ago)", or that it has not been read yet. */
  age: string;
  /** Shown when the newest balance is older than twice the reading interval. */
  stale: string | undefined;
  queued: CostRow[];
  queuedTotal: string;
  renewals: CostRow[];
  renewalsTotal: string;
  /** Orders and renewals without a price in the price book (they are not counted). */
  uncounted: string | undefined;
}

const HOUR_MS = 3_600_000;

/** The protection product a package orders, or undefined for a package without protection. */
function productOfPackage(policies: PolicyStore, pkg: string | null): string | undefined {
  const policy = policies.forPackage(pkg);
  return policy.protection === "off" ? undefined : `protection/${policy.protection}/${policy.protectionPeriod}`;
}

/** The balance, what is queued and due soon, each priced from the price book, and how worried to be. */
export function creditModel(page: AuthenticatedContext, sources: CreditSources): CreditModel {
  const { t, language } = page;
  const money = (amount: Money) => formatMoney(language, amount);
  const store = new CreditStore(sources.db);
  const prices = new PriceBookStore(sources.db);
  const priced = (domain: string, product: string): CostItem => ({
    domain,
    product,
    price: prices.latest(product)?.price ?? null,
  });
  const now = sources.clock.now();
  const today = dayOf(now, sources.billing.timeZone);
  const queued = store.queuedOrders(protectDomain.name).flatMap((order) => {
    const product = productOfPackage(sources.policies, order.package);
    return product === undefined ? [] : [priced(order.domain, product)];
  });
  const renewals = store.activeProtections().flatMap((service) => {
    const due =
      service.paidUntil ??
      nextRenewal(dayOf(service.activatedAt, sources.billing.timeZone), service.period as BillingPeriod, today);
    // The renewal takes the credit a few days before the period ends (src/billing/renewal.ts).
    return dueWithin(due, today, RENEWAL_HORIZON_DAYS + RENEWAL_LEAD_DAYS)
      ? [{ ...priced(service.domain, `protection/${service.variant}/${service.period}`), due }]
      : [];
  });
  const snapshot = store.latestBalance();
  const outlook = creditOutlook(snapshot?.balance ?? null, queued, renewals, snapshot?.balance.currency ?? "CZK");
  const row = (item: CostItem & { due?: string }): CostRow => ({
    domain: item.domain,
    product: item.product,
    price: item.price === null ? t("credit.priceUnknown") : money(item.price),
    ...(item.due === undefined ? {} : { due: item.due }),
  });
  const hours = snapshot === undefined ? 0 : Math.floor((now - snapshot.at) / HOUR_MS);
  const amounts = {
    balance: snapshot === undefined ? "" : money(snapshot.balance),
    queued: money(outlook.queuedTotal),
    renewals: money(outlook.renewalsTotal),
    both: money({ ...outlook.queuedTotal, minor: outlook.queuedTotal.minor + outlook.renewalsTotal.minor }),
  };
  return {
    level: outlook.level,
    summary: t(`credit.summary.${outlook.level}`, amounts),
    balance: snapshot === undefined ? undefined : amounts.balance,
    age:
      snapshot === undefined
        ? t("credit.neverRead")
        : t("credit.readAt", { at: t.time(snapshot.at), hours: String(hours) }),
    stale:
      snapshot !== undefined && now - snapshot.at > 2 * sources.billing.creditCheckHours * HOUR_MS
        ? t("credit.stale", { hours: String(sources.billing.creditCheckHours) })
        : undefined,
    queued: queued.map(row),
    queuedTotal: amounts.queued,
    renewals: renewals.map(row),
    renewalsTotal: amounts.renewals,
    uncounted:
      outlook.uncounted.length === 0 ? undefined : t("credit.uncounted", { count: String(outlook.uncounted.length) }),
  };
}

/** The operations page's one line about the credit: balance, age and the warning, linking to the credit page. */
export function creditLine(
  page: AuthenticatedContext,
  sources: CreditSources,
): { level: CreditLevel; text: string; href: string } {
  const { level: pageLevel, mode } = page.request;
  const href = pageUrl(pageLevel, mode, "/billing/credit");
  if (new CreditStore(sources.db).latestBalance() === undefined) {
    return { level: "unknown", text: page.t("credit.operationsNever"), href };
  }
  const model = creditModel(page, sources);
  return {
    level: model.level,
    text: page.t("credit.operationsLine", { balance: model.balance ?? "", age: model.age, summary: model.summary }),
    href,
  };
}
