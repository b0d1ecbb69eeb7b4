import { addMonths, lastDay, type Month } from "../../billing/calendar.js";
import { rateMonth, RatingError } from "../../billing/rating.js";
import type { CustomerStatement } from "../../billing/statement.js";
import type { Clock } from "../../clock.js";
import { vatRuleOf, type BillingSettings } from "../../store/billing-statements.js";
import type { Database } from "../../store/database.js";
import { UsageLedgerStore, type LedgerScope } from "../../store/usage-ledger-store.js";
import type { AuthenticatedContext } from "../context.js";

/** What the billing pages read: the database (the ledger, rated on each view), the billing settings, the clock. */
export interface BillingSources {
  db: Database;
  billing: BillingSettings;
  clock: Clock;
}

/** Months in the billing pages' charts: the shown month and the eleven before it. */
export const CHART_MONTHS = 12;

/** `count` months ending with `month`, oldest first. */
export const monthsEnding = (month: Month, count: number): Month[] =>
  Array.from({ length: count }, (_, index) => addMonths(month, index - count + 1));

/**
 * The customer statements of each month, oldest first, rated from one read of the ledger up to the last month's end
 * (the rating leaves out what lies after each month). Reads the database only: no WAPI request on a page view.
 */
export function ratedMonths(
  sources: BillingSources,
  months: readonly Month[],
  scope: LedgerScope,
): CustomerStatement[][] {
  const last = months[months.length - 1];
  if (last === undefined) return [];
  const entries = new UsageLedgerStore(sources.db).upTo(lastDay(last), scope);
  const { currency } = sources.billing;
  const vat = vatRuleOf(sources.billing);
  return months.map((month) => rateMonth({ month, entries, currency, vat }));
}

/**
 * Rates for a page, or says why a bill cannot be made: the admin reads the rating's own words (which ledger entry,
 * and the fix); resellers and customers read that the bill cannot be shown now and the administrator has been told.
 */
export function rateForPage<T>(
  page: AuthenticatedContext,
  log: (line: string) => void,
  rate: () => T,
): { rated: T; problem?: undefined } | { rated?: undefined; problem: string } {
  try {
    return { rated: rate() };
  } catch (error) {
    if (!(error instanceof RatingError)) throw error;
    log(`billing page: the month cannot be rated for ${page.identity.username}: ${error.message}`);
    return {
      problem:
        page.identity.level === "admin"
          ? page.t("billing.problem.admin", { details: error.message })
          : page.t("billing.problem.other"),
    };
  }
}
