import type { Month } from "../billing/calendar.js";
import { exportDocument, type ExportDocument, type ExportScope } from "../billing/export-document.js";
import { resellerStatements } from "../billing/rating.js";
import { customerStatements, vatRuleOf, type BillingSettings } from "./billing-statements.js";
import { CreatorLevelStore } from "./creator-level-store.js";
import type { Database } from "./database.js";
import type { LedgerScope } from "./usage-ledger-store.js";

const ledgerScopeOf = (scope: ExportScope): LedgerScope =>
  scope.kind === "all"
    ? { all: true }
    : scope.kind === "reseller"
      ? { reseller: scope.reseller }
      : { username: scope.customer };

/**
 * A month's export document within a scope, rated from the ledger (store/billing-statements.ts) — what the CLI
 * prints and writes and what the pull API answers. `withinReseller` keeps only that reseller's customers (a token
 * scoped to one reseller asking for a customer: another reseller's customer is left out as if it had no usage).
 */
export function exportStatements(
  db: Database,
  billing: BillingSettings,
  request: { month: Month; scope: ExportScope; generatedAt: number; withinReseller?: string },
): ExportDocument {
  const vat = vatRuleOf(billing);
  const customers = customerStatements(db, billing, request.month, ledgerScopeOf(request.scope)).filter(
    (customer) => request.withinReseller === undefined || customer.reseller === request.withinReseller,
  );
  return exportDocument({
    month: request.month,
    currency: billing.currency,
    vat,
    scope: request.scope,
    generatedAt: request.generatedAt,
    resellers: resellerStatements(customers, vat, new CreatorLevelStore(db).admins()),
  });
}
