import type { Day, Month } from "./calendar.js";
import type { Money } from "./money.js";
import type { ProductKey } from "./product.js";
import type { VatSplit } from "./vat.js";

/**
 * A month's bill, rated from the usage ledger: per customer, and per reseller as the sum of its customers. Every
 * line says where its amounts come from (the ledger entries) so a person can check it. Margin is retail minus
 * wholesale, known only when both are in the same currency (null otherwise).
 */
export interface StatementLine {
  domain: string;
  product: ProductKey;
  /** `days`: a day-rated service for `days` of the month; `charge`: a period paid; `correction`: an amendment. */
  kind: "days" | "charge" | "correction";
  from: Day;
  to: Day;
  /** Days billed (day-rated lines), out of the month's days; days while suspended and not billed are left out. */
  days: number | null;
  suspendedDays: number;
  wholesale: Money | null;
  retail: Money;
  margin: Money | null;
  reference: string | null;
  entryIds: number[];
}

export interface StatementTotals {
  wholesale: Money | null;
  retail: Money;
  margin: Money | null;
  vat: VatSplit;
}

export interface CustomerStatement {
  month: Month;
  username: string;
  reseller: string | null;
  currency: string;
  lines: StatementLine[];
  totals: StatementTotals;
}

export interface ResellerStatement {
  month: Month;
  /** The accounts' creator as the ledger holds it; null when the panel named none. */
  reseller: string | null;
  /**
   * The admin's own customers, not a reseller's: no creator, or a creator the panel calls an admin (DirectAdmin's
   * `admin`, cPanel's `root`). Such a group is shown as the admin's direct customers, never as a reseller.
   */
  direct: boolean;
  currency: string;
  customers: CustomerStatement[];
  totals: StatementTotals;
}
