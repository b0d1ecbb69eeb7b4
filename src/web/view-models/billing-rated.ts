import { firstDay, addMonths, lastDay, type Month } from "../../billing/calendar.js";
import { rateMonth, RatingError, totalsOf } from "../../billing/rating.js";
import type { CustomerStatement, StatementTotals } from "../../billing/statement.js";
import type { Clock } from "../../clock.js";
import { vatRuleOf, type BillingSettings } from "../../store/billing-statements.js";
import type { Database } from "../../store/database.js";
import { UsageLedgerStore, type LedgerScope } from "../../store/usage-ledger-store.js";
import type { AuthenticatedContext } from "../context.js";
import type { RatedMonthCache } from "./billing-cache.js";

/** What the billing pages read: the database (the ledger), the billing settings, the clock, the months rated. */
export interface BillingSources {
  db: Database;
  billing: BillingSettings;
  clock: Clock;
  cache: RatedMonthCache;
}

/** Months in the billing pages' charts: the shown month and the eleven before it. */
export const CHART_MONTHS = 12;

/** `count` months ending with `month`, oldest first. */
export const monthsEnding = (month: Month, count: number): Month[] =>
  Array.from({ length: count }, (_, index) => addMonths(month, index - count + 1));

/**
 * Rates the months a page needs that the cache does not hold at the ledger's current version, from one read of the
 * ledger up to the latest of them (the rating leaves out what lies after each month), and hands each to `keep`.
 * Reads the database only: no WAPI request on a page view.
 */
function rateMissing<T>(
  sources: BillingSources,
  months: readonly Month[],
  scope: LedgerScope,
  cached: (key: string) => T | undefined,
  keep: (key: string, statements: CustomerStatement[]) => T,
): T[] {
  const ledger = new UsageLedgerStore(sources.db);
  const version = ledger.lastId();
  const keys = months.map((month) => sources.cache.key(version, scope, month));
  const found = keys.map(cached);
  const missing = months.filter((_, index) => found[index] === undefined);
  const latest = missing[missing.length - 1];
  if (latest === undefined) return found as T[];
  const entries = ledger.forMonth(firstDay(missing[0] as Month), lastDay(latest), scope);
  const { currency } = sources.billing;
  const vat = vatRuleOf(sources.billing);
  return months.map(
    (month, index) => found[index] ?? keep(keys[index] as string, rateMonth({ month, entries, currency, vat })),
  );
}

/** The customer statements of each month within a scope, oldest first. */
export function ratedMonths(
  sources: BillingSources,
  months: readonly Month[],
  scope: LedgerScope,
): CustomerStatement[][] {
  const { cache } = sources;
  return rateMissing(
    sources,
    months,
    scope,
    (key) => cache.statementsOf(key),
    (key, statements) => {
      cache.keepStatements(key, statements);
      return statements;
    },
  );
}

/** The totals of each month within a scope, oldest first (the admin's chart keeps only these, not every bill). */
export function monthTotals(sources: BillingSources, months: readonly Month[], scope: LedgerScope): StatementTotals[] {
  const { cache } = sources;
  return rateMissing(
    sources,
    months,
    scope,
    (key) => cache.totalsOf(key),
    (key, statements) => {
      const totals = totalsOf(
        statements.flatMap((each) => each.lines),
        sources.billing.currency,
        vatRuleOf(sources.billing),
      );
      cache.keepTotals(key, totals);
      return totals;
    },
  );
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
