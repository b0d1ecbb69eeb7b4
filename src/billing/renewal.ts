import { addDays, addMonthsToDay, daysBetween, type Day } from "./calendar.js";
import { PERIOD_MONTHS, type BillingPeriod } from "./product.js";

/**
 * A paid period of a protection service, as days: it is paid from `from` and no longer from `until` (the day WEDOS's
 * expiry falls on), so the ledger's charge covers `from`..`until - 1`. A month bought on 31 January is paid until
 * 28 (or 29) February, and a month bought on 28 February until 28 March.
 */
export interface PaidPeriod {
  from: Day;
  until: Day;
  coversTo: Day;
}

export function paidPeriod(from: Day, period: BillingPeriod): PaidPeriod {
  const until = addMonthsToDay(from, PERIOD_MONTHS[period]);
  return { from, until, coversTo: addDays(until, -1) };
}

/** How many days before a period ends its renewal is sent (time to retry a failure or top up the credit). */
export const RENEWAL_LEAD_DAYS = 3;

/**
 * What happens to a paid service on `today`: nothing yet; renew it (its end is within the lead days); or, when the
 * terms say it lapses, end it on its last paid day's end (`lapse` once `today` reached `until`).
 */
export type RenewalStep = "wait" | "renew" | "lapse";

export function renewalStep(today: Day, paidUntil: Day, renewal: "renew" | "lapse"): RenewalStep {
  const daysLeft = daysBetween(today, paidUntil);
  if (renewal === "lapse") return daysLeft <= 0 ? "lapse" : "wait";
  return daysLeft <= RENEWAL_LEAD_DAYS ? "renew" : "wait";
}
