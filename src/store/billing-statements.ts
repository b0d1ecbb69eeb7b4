import { firstDay, lastDay, type Month } from "../billing/calendar.js";
import { rateMonth, resellerStatements } from "../billing/rating.js";
import type { CustomerStatement, ResellerStatement } from "../billing/statement.js";
import type { VatRule } from "../billing/vat.js";
import type { Config } from "../config/load.js";
import { CreatorLevelStore } from "./creator-level-store.js";
import type { Database } from "./database.js";
import { UsageLedgerStore, type LedgerScope } from "./usage-ledger-store.js";

export type BillingSettings = Pick<Config["billing"], "currency" | "timeZone" | "vatRateBp" | "pricesIncludeVat">;

export const vatRuleOf = (billing: BillingSettings): VatRule => ({
  rateBp: billing.vatRateBp,
  pricesIncludeVat: billing.pricesIncludeVat,
});

/**
 * A month's customer statements within a scope (everyone, one reseller's customers, one account), rated from the
 * ledger's entries up to the month's end (src/billing/rating.ts). Reads the database only: no WAPI call.
 */
export function customerStatements(
  db: Database,
  billing: BillingSettings,
  month: Month,
  scope: LedgerScope = { all: true },
): CustomerStatement[] {
  const entries = new UsageLedgerStore(db).forMonth(firstDay(month), lastDay(month), scope);
  return rateMonth({ month, entries, currency: billing.currency, vat: vatRuleOf(billing) });
}

/** A month's statements grouped per reseller, the admin's own customers told apart (`direct`), within a scope. */
export function resellerStatementsFor(
  db: Database,
  billing: BillingSettings,
  month: Month,
  scope: LedgerScope = { all: true },
): ResellerStatement[] {
  const admins = new CreatorLevelStore(db).admins();
  return resellerStatements(customerStatements(db, billing, month, scope), vatRuleOf(billing), admins);
}
