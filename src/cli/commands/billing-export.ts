import { chmodSync, writeFileSync } from "node:fs";
import { parseMonth } from "../../billing/calendar.js";
import { exportCsv } from "../../billing/export-csv.js";
import type { ExportDocument, ExportMoney, ExportScope, ExportTotals } from "../../billing/export-document.js";
import { exportStatements } from "../../store/billing-export.js";
import { stringOption, UsageError, type CliCommand, type CliIo, type ParsedArgs } from "../command.js";
import { openCliDatabase } from "../context.js";

const FORMATS = ["text", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

function monthOption(args: ParsedArgs): string {
  const month = stringOption(args, "month");
  if (month === undefined) throw new UsageError("give the month, e.g. --month 2026-11");
  return parseMonth(month);
}

function scopeOption(args: ParsedArgs): ExportScope {
  const reseller = stringOption(args, "reseller");
  const customer = stringOption(args, "customer");
  if (reseller !== undefined && customer !== undefined) throw new UsageError("give --reseller or --customer, not both");
  if (customer !== undefined) return { kind: "customer", customer };
  return reseller === undefined ? { kind: "all" } : { kind: "reseller", reseller };
}

function formatOption(args: ParsedArgs, fallback: Format | undefined, allowed: readonly Format[]): Format {
  const format = stringOption(args, "format") ?? fallback;
  if (format === undefined) throw new UsageError(`give --format ${allowed.join(" or ")}`);
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`--format is ${allowed.join(", ")}; got "${format}"`);
  }
  return format as Format;
}

/** Rates the month from the ledger of the configured database: the same document the pull API answers. */
function documentFor(args: ParsedArgs, io: CliIo): ExportDocument {
  const month = monthOption(args);
  const scope = scopeOption(args);
  const context = openCliDatabase(io);
  try {
    return exportStatements(context.db, context.config.billing, { month, scope, generatedAt: io.clock.now() });
  } finally {
    context.close();
  }
}

function render(document: ExportDocument, format: Format): string {
  if (format === "json") return `${JSON.stringify(document, null, 2)}\n`;
  if (format === "csv") return exportCsv(document);
  return textOf(document);
}

const amount = (money: ExportMoney | null): string => (money === null ? "—" : money.amount);
const totalsText = (totals: ExportTotals): string =>
  `retail ${totals.retail.amount}, wholesale ${amount(totals.wholesale)}${
    totals.wholesale !== null && totals.wholesale.currency !== totals.retail.currency
      ? ` ${totals.wholesale.currency}`
      : ""
  }, margin ${amount(totals.margin)}, VAT ${totals.vat.amount}, to pay ${totals.gross.amount}`;

/** A reseller's customers, or the admin's own customers (created by the admin the group names, or by no one). */
const groupHeading = (group: ExportDocument["resellers"][number]): string =>
  !group.direct
    ? `Reseller ${group.reseller ?? ""}`
    : group.reseller === null
      ? "The admin's own customers"
      : `The admin's own customers (created by the admin ${group.reseller})`;

/** A statement for a person to read: per reseller, each customer's lines and totals, then the grand total. */
function textOf(document: ExportDocument): string {
  const included = document.vat.pricesIncludeVat ? "with" : "without";
  const vat = `VAT ${document.vat.rateBasisPoints / 100} %, prices ${included} VAT`;
  const out = [`Statements of ${document.month} in ${document.currency} (${vat})`];
  if (document.resellers.length === 0) out.push("Nothing was billed in this month for this scope.");
  for (const reseller of document.resellers) {
    out.push("", groupHeading(reseller));
    for (const customer of reseller.customers) {
      out.push(`  ${customer.customer}: ${totalsText(customer.totals)}`);
      for (const line of customer.lines) {
        const when = line.days === null ? `${line.from}..${line.to}` : `${line.from}..${line.to}, ${line.days} day(s)`;
        out.push(`    ${line.domain}  ${line.product}  ${line.kind}  ${when}  ${line.retail.amount}`);
      }
    }
    out.push(`  together: ${totalsText(reseller.totals)}`);
  }
  out.push("", `Total: ${totalsText(document.totals)}`);
  return `${out.join("\n")}\n`;
}

const statementCommand: CliCommand = {
  name: "statement",
  summary: "Print a month's statements",
  help: `Usage: wedos-panel billing statement --month YYYY-MM [--customer NAME | --reseller NAME]
                                      [--format text|csv|json]

  Prints the month's statements, rated from the usage ledger: every customer (or one reseller's customers, or one
  customer) with their lines, wholesale, retail, margin and VAT. text (the default) is for reading; csv and json
  are the export format of docs/billing-export.md. A month still running is billed up to its last day as it stands.`,
  options: {
    month: { type: "string" },
    customer: { type: "string" },
    reseller: { type: "string" },
    format: { type: "string" },
  },
  run(args, io) {
    const format = formatOption(args, "text", FORMATS);
    io.stdout(render(documentFor(args, io), format));
    return Promise.resolve(0);
  },
};

const exportCommand: CliCommand = {
  name: "export",
  summary: "Write a month's statements for a billing system",
  help: `Usage: wedos-panel billing export --month YYYY-MM --format csv|json [--reseller NAME] [--out FILE]

  Writes the month's statements in the versioned export format (docs/billing-export.md; JSON Schema:
  docs/billing-export.schema.json) to FILE (made readable by its owner only) or to standard output. A billing
  system can pull the same document over HTTP: GET /api/billing/v1/statements with a token.`,
  options: {
    month: { type: "string" },
    reseller: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  },
  run(args, io) {
    const format = formatOption(args, undefined, ["csv", "json"]);
    const document = documentFor(args, io);
    const text = render(document, format);
    const out = stringOption(args, "out");
    if (out === undefined || out === "-") {
      io.stdout(text);
      return Promise.resolve(0);
    }
    writeFileSync(out, text, { mode: 0o600 });
    chmodSync(out, 0o600); // a file that was already there keeps its mode otherwise
    const customers = document.resellers.reduce((count, reseller) => count + reseller.customers.length, 0);
    const what = `${customers} customer statement(s) of ${document.month}`;
    io.stderr(`Wrote ${what} to ${out} (${format}, version ${document.version}).\n`);
    return Promise.resolve(0);
  },
};

export const BILLING_EXPORT_COMMANDS: readonly CliCommand[] = [statementCommand, exportCommand];
