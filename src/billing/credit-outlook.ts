import { addDays, addMonthsToDay, type Day } from "./calendar.js";
import type { Money } from "./money.js";
import { PERIOD_MONTHS, type BillingPeriod } from "./product.js";

/**
 * Will the WEDOS credit pay for what is coming? Pure: the page brings the latest balance, the paid orders waiting
 * in the queue and the renewals due soon, each priced from the price book, and this says how worried to be.
 *
 * - `red`: the balance does not cover the orders already queued: some will fail for insufficient credit (2283).
 * - `amber`: it covers them, but not also the renewals of the next days: top up before they fall due.
 * - `ok`: it covers both.
 * - `unknown`: no balance has been read yet, or it is in another currency than the prices.
 */
export type CreditLevel = "ok" | "amber" | "red" | "unknown";

/** Days ahead whose renewals count against the balance. */
export const RENEWAL_HORIZON_DAYS = 30;

export interface CostItem {
  domain: string;
  product: string;
  /** The price book's current price; null when the product has none yet (it cannot be counted). */
  price: Money | null;
}

export interface RenewalItem extends CostItem {
  due: Day;
}

export interface CreditOutlook {
  level: CreditLevel;
  queuedTotal: Money;
  renewalsTotal: Money;
  /** Items that could not be counted: no price, or a price in another currency than the balance. */
  uncounted: CostItem[];
}

/** Sums the items priced in `currency`; the rest are returned as uncounted. */
function total(items: readonly CostItem[], currency: string): { sum: Money; uncounted: CostItem[] } {
  let minor = 0;
  const uncounted: CostItem[] = [];
  for (const item of items) {
    if (item.price === null || item.price.currency !== currency) uncounted.push(item);
    else minor += item.price.minor;
  }
  return { sum: { minor, currency }, uncounted };
}

export function creditOutlook(
  balance: Money | null,
  queued: readonly CostItem[],
  renewals: readonly CostItem[],
  pricesCurrency: string,
): CreditOutlook {
  const currency = balance?.currency ?? pricesCurrency;
  const queuedTotal = total(queued, currency);
  const renewalsTotal = total(renewals, currency);
  const uncounted = [...queuedTotal.uncounted, ...renewalsTotal.uncounted];
  let level: CreditLevel = "ok";
  if (balance === null) level = "unknown";
  else if (balance.minor < queuedTotal.sum.minor) level = "red";
  else if (balance.minor < queuedTotal.sum.minor + renewalsTotal.sum.minor) level = "amber";
  return { level, queuedTotal: queuedTotal.sum, renewalsTotal: renewalsTotal.sum, uncounted };
}

/**
 * The next day a service paid by `period` since `activated` renews, on or after `today`: the activation day plus
 * whole periods (a month from 31 January is 28/29 February; docs/decisions/0044).
 */
export function nextRenewal(activated: Day, period: BillingPeriod, today: Day): Day {
  const months = PERIOD_MONTHS[period];
  let periods = 1;
  let due = addMonthsToDay(activated, months);
  while (due < today) {
    periods += 1;
    due = addMonthsToDay(activated, months * periods);
  }
  return due;
}

/** Whether a renewal due on `due` falls within the horizon from `today` (both ends included). */
export function dueWithin(due: Day, today: Day, days = RENEWAL_HORIZON_DAYS): boolean {
  return due >= today && due <= addDays(today, days);
}
