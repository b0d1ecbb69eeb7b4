import type { ExportDocument, ExportLine, ExportMoney, ExportTotals } from "./export-document.js";

/**
 * The export document as CSV (RFC 4180: comma, double quotes, CRLF), one row per statement line and one per total,
 * told apart by `record`: `line`, `customer` (a customer's statement), `reseller` (a reseller's customers together)
 * and `total` (everything in the document). Columns are fixed per version (docs/billing-export.md); an amount
 * is decimal text with a dot, in `currency` unless the column says otherwise.
 */
export const CSV_COLUMNS = [
  "format_version",
  "month",
  "record",
  "reseller",
  "customer",
  "domain",
  "product",
  "kind",
  "from",
  "to",
  "days",
  "suspended_days",
  "currency",
  "retail",
  "wholesale",
  "wholesale_currency",
  "margin",
  "net",
  "vat",
  "gross",
  "reference",
  "ledger_entries",
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** Columns a person or the panel named (a spreadsheet would run a value starting with = + - @ as a formula). */
const TEXT_COLUMNS: ReadonlySet<Column> = new Set(["reseller", "customer", "domain", "reference"]);

function cell(column: Column, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (TEXT_COLUMNS.has(column) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const amount = (money: ExportMoney | null): string | null => money?.amount ?? null;

function totalsRow(totals: ExportTotals): Row {
  return {
    retail: totals.retail.amount,
    wholesale: amount(totals.wholesale),
    wholesale_currency: totals.wholesale?.currency ?? null,
    margin: amount(totals.margin),
    net: totals.net.amount,
    vat: totals.vat.amount,
    gross: totals.gross.amount,
  };
}

function lineRow(line: ExportLine): Row {
  return {
    domain: line.domain,
    product: line.product,
    kind: line.kind,
    from: line.from,
    to: line.to,
    days: line.days,
    suspended_days: line.suspendedDays,
    retail: line.retail.amount,
    wholesale: amount(line.wholesale),
    wholesale_currency: line.wholesale?.currency ?? null,
    margin: amount(line.margin),
    reference: line.reference,
    ledger_entries: line.ledgerEntries.join(" "),
  };
}

/** The document as CSV text: a header, then each reseller's customers (lines, then the customer's totals), the
 * reseller's totals, and last the document's total. */
export function exportCsv(document: ExportDocument): string {
  const common: Row = { format_version: document.version, month: document.month, currency: document.currency };
  const rows: Row[] = [];
  for (const reseller of document.resellers) {
    for (const customer of reseller.customers) {
      const who: Row = { reseller: customer.reseller, customer: customer.customer };
      for (const line of customer.lines) rows.push({ ...common, record: "line", ...who, ...lineRow(line) });
      rows.push({ ...common, record: "customer", ...who, ...totalsRow(customer.totals) });
    }
    rows.push({ ...common, record: "reseller", reseller: reseller.reseller, ...totalsRow(reseller.totals) });
  }
  rows.push({ ...common, record: "total", ...totalsRow(document.totals) });
  const lines = [CSV_COLUMNS.join(","), ...rows.map((row) => CSV_COLUMNS.map((c) => cell(c, row[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
