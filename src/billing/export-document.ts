import { daysInMonth, firstDay, lastDay, type Day, type Month } from "./calendar.js";
import { decimalText, type Money } from "./money.js";
import { totalsOf } from "./rating.js";
import type { CustomerStatement, ResellerStatement, StatementLine, StatementTotals } from "./statement.js";
import type { VatRule } from "./vat.js";

/**
 * A month's statements as the versioned export document a billing system reads (docs/billing-export.md, the JSON
 * Schema beside it). Money is decimal text with its currency, never a float; days are `YYYY-MM-DD` in the
 * provider's time zone. A change that could break a reader is a new `version`; a new optional field is not.
 */
export const EXPORT_FORMAT = "wedos-panel.billing-statements";
export const EXPORT_VERSION = 1;

export interface ExportMoney {
  amount: string;
  currency: string;
}

export interface ExportTotals {
  retail: ExportMoney;
  wholesale: ExportMoney | null;
  margin: ExportMoney | null;
  net: ExportMoney;
  vat: ExportMoney;
  gross: ExportMoney;
}

export interface ExportLine {
  domain: string;
  product: string;
  kind: StatementLine["kind"];
  from: Day;
  to: Day;
  days: number | null;
  suspendedDays: number;
  retail: ExportMoney;
  wholesale: ExportMoney | null;
  margin: ExportMoney | null;
  reference: string | null;
  ledgerEntries: number[];
}

export interface ExportCustomer {
  customer: string;
  reseller: string | null;
  /** The admin's own customer: its creator is an admin (or none), not a reseller. */
  direct: boolean;
  totals: ExportTotals;
  lines: ExportLine[];
}

export interface ExportReseller {
  /** The customers' creator; null when the panel named none. */
  reseller: string | null;
  /** The admin's own customers, not a reseller's: `reseller` then names the admin that created them, or is null. */
  direct: boolean;
  totals: ExportTotals;
  customers: ExportCustomer[];
}

/** Who the document is about: everyone, one reseller's customers, or one customer. */
export type ExportScope =
  { kind: "all" } | { kind: "reseller"; reseller: string | null } | { kind: "customer"; customer: string };

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  month: Month;
  from: Day;
  to: Day;
  monthDays: number;
  generatedAt: string;
  currency: string;
  vat: { rateBasisPoints: number; pricesIncludeVat: boolean };
  scope: ExportScope;
  totals: ExportTotals;
  resellers: ExportReseller[];
}

export interface ExportInput {
  month: Month;
  currency: string;
  vat: VatRule;
  scope: ExportScope;
  /** When the document was made (ms since the epoch), written as ISO 8601 UTC. */
  generatedAt: number;
  resellers: readonly ResellerStatement[];
}

const moneyOf = (amount: Money): ExportMoney => ({ amount: decimalText(amount), currency: amount.currency });
const maybeMoney = (amount: Money | null): ExportMoney | null => (amount === null ? null : moneyOf(amount));

function totalsDocument(totals: StatementTotals): ExportTotals {
  return {
    retail: moneyOf(totals.retail),
    wholesale: maybeMoney(totals.wholesale),
    margin: maybeMoney(totals.margin),
    net: moneyOf(totals.vat.net),
    vat: moneyOf(totals.vat.vat),
    gross: moneyOf(totals.vat.gross),
  };
}

function lineDocument(line: StatementLine): ExportLine {
  return {
    domain: line.domain,
    product: line.product,
    kind: line.kind,
    from: line.from,
    to: line.to,
    days: line.days,
    suspendedDays: line.suspendedDays,
    retail: moneyOf(line.retail),
    wholesale: maybeMoney(line.wholesale),
    margin: maybeMoney(line.margin),
    reference: line.reference,
    ledgerEntries: [...line.entryIds],
  };
}

function customerDocument(statement: CustomerStatement, direct: boolean): ExportCustomer {
  return {
    customer: statement.username,
    reseller: statement.reseller,
    direct,
    totals: totalsDocument(statement.totals),
    lines: statement.lines.map(lineDocument),
  };
}

/** The export document of a month's reseller statements (each holding its customers' statements). */
export function exportDocument(input: ExportInput): ExportDocument {
  const allLines = input.resellers.flatMap((reseller) => reseller.customers.flatMap((customer) => customer.lines));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    month: input.month,
    from: firstDay(input.month),
    to: lastDay(input.month),
    monthDays: daysInMonth(input.month),
    generatedAt: new Date(input.generatedAt).toISOString(),
    currency: input.currency,
    vat: { rateBasisPoints: input.vat.rateBp, pricesIncludeVat: input.vat.pricesIncludeVat },
    scope: input.scope,
    totals: totalsDocument(totalsOf(allLines, input.currency, input.vat)),
    resellers: input.resellers.map((reseller) => ({
      reseller: reseller.reseller,
      direct: reseller.direct,
      totals: totalsDocument(reseller.totals),
      customers: reseller.customers.map((customer) => customerDocument(customer, reseller.direct)),
    })),
  };
}
