import { daysInMonth, type Month } from "../../billing/calendar.js";
import { money, type Money } from "../../billing/money.js";
import { parseProductKey, type ProductKey } from "../../billing/product.js";
import type { CustomerStatement, StatementLine, StatementTotals } from "../../billing/statement.js";
import type { AuthenticatedContext } from "../context.js";
import { dayLabel, monthLabel } from "../i18n/money-format.js";
import { PERIOD_KEYS, VARIANT_KEYS } from "./protection.js";

/**
 * A customer's statement of a month as a page shows it. The customer reads what they pay — each domain's lines, the
 * net, VAT and total — and never what the provider pays WEDOS; staff (the customer's reseller, the admin) also read
 * each line's wholesale and margin. Every amount is the rating's, written in the visitor's format.
 */
export interface StatementLineView {
  domain: string;
  product: string;
  /** cs `1. 11. 2026 – 30. 11. 2026`. */
  period: string;
  /** What the line is: days of the month (and suspended days left out), a paid period, a correction. */
  detail: string;
  retail: string;
  wholesale: string | undefined;
  margin: string | undefined;
}

export interface StatementView {
  username: string;
  month: string;
  staff: boolean;
  lines: StatementLineView[];
  /** What each domain costs in the month (retail), in the lines' order. */
  domains: Array<{ domain: string; retail: string }>;
  totals: TotalsView;
}

/** A statement's (or a group of statements') totals: net, VAT and gross; for staff also wholesale and margin. */
export interface TotalsView {
  net: string;
  vat: string;
  vatLabel: string;
  gross: string;
  wholesale: string | undefined;
  margin: string | undefined;
}

export function totalsView(
  page: AuthenticatedContext,
  totals: StatementTotals,
  options: { staff: boolean; vatRateBp: number },
): TotalsView {
  const { staff } = options;
  return {
    net: page.t.money(totals.vat.net),
    vat: page.t.money(totals.vat.vat),
    vatLabel: page.t("billing.total.vat", { rate: percentText(options.vatRateBp, page.language) }),
    gross: page.t.money(totals.vat.gross),
    wholesale: staff ? staffAmount(page, totals.wholesale) : undefined,
    margin: staff ? staffAmount(page, totals.margin) : undefined,
  };
}

/** A product in words: cs `DNS zóna`, `Ochrana Advanced, ročně`. */
export function productLabel(page: AuthenticatedContext, key: ProductKey): string {
  const product = parseProductKey(key);
  if (product.service === "zone") return page.t("billing.product.zone");
  return page.t("billing.product.protection", {
    plan: page.t(VARIANT_KEYS[product.plan]),
    period: page.t(PERIOD_KEYS[product.period]),
  });
}

function lineDetail(page: AuthenticatedContext, line: StatementLine, month: Month): string {
  if (line.kind === "charge") return page.t("billing.line.charge");
  if (line.kind === "correction") return page.t("billing.line.correction");
  const days = page.t("billing.line.days", { days: line.days ?? 0, of: daysInMonth(month) });
  return line.suspendedDays === 0 ? days : `${days} ${page.t("billing.line.suspended", { days: line.suspendedDays })}`;
}

/** The amount for staff, or "—" where it is not known (a wholesale in another currency than the bill's). */
export const staffAmount = (page: AuthenticatedContext, amount: Money | null): string =>
  amount === null ? page.t("billing.unknown") : page.t.money(amount);

export function statementView(
  page: AuthenticatedContext,
  statement: CustomerStatement,
  options: { staff: boolean; vatRateBp: number },
): StatementView {
  const { language } = page;
  const { staff } = options;
  const perDomain = new Map<string, number>();
  for (const line of statement.lines) perDomain.set(line.domain, (perDomain.get(line.domain) ?? 0) + line.retail.minor);
  return {
    username: statement.username,
    month: monthLabel(statement.month, language),
    staff,
    lines: statement.lines.map((line) => ({
      domain: line.domain,
      product: productLabel(page, line.product),
      period:
        line.from === line.to
          ? dayLabel(line.from, language)
          : `${dayLabel(line.from, language)} – ${dayLabel(line.to, language)}`,
      detail: lineDetail(page, line, statement.month),
      retail: page.t.money(line.retail),
      // A line without a wholesale amount cost nothing at WEDOS (a zone): zero, not "unknown".
      wholesale: staff ? page.t.money(line.wholesale ?? money(0, statement.currency)) : undefined,
      margin: staff ? staffAmount(page, line.margin) : undefined,
    })),
    domains: [...perDomain].map(([domain, minor]) => ({
      domain,
      retail: page.t.money(money(minor, statement.currency)),
    })),
    totals: totalsView(page, statement.totals, options),
  };
}

/** Basis points as a percentage the language writes: 2100 → `21`, 1250 → cs `12,5`, en `12.5`. */
export function percentText(bp: number, language: "cs" | "en"): string {
  const whole = Math.trunc(bp / 100);
  const fraction = Math.abs(bp % 100);
  if (fraction === 0) return String(whole);
  const decimals = String(fraction).padStart(2, "0").replace(/0$/, "");
  return `${whole}${language === "cs" ? "," : "."}${decimals}`;
}
