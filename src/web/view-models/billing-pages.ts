import type { Month } from "../../billing/calendar.js";
import { money } from "../../billing/money.js";
import { resellerStatements, totalsOf } from "../../billing/rating.js";
import type { CustomerStatement, ResellerStatement } from "../../billing/statement.js";
import { vatRuleOf } from "../../store/billing-statements.js";
import { CreatorLevelStore } from "../../store/creator-level-store.js";
import type { AuthenticatedContext } from "../context.js";
import { monthAbbreviation, monthLabel } from "../i18n/money-format.js";
import { pageUrl } from "../urls.js";
import { billingChart, type BillingChartModel } from "./billing-chart.js";
import { customersTable, type CustomersTableModel } from "./billing-customers.js";
import { chooseMonth, currentMonth, monthPicker, type MonthPickerModel } from "./billing-month.js";
import {
  CHART_MONTHS,
  monthsEnding,
  monthTotals,
  rateForPage,
  ratedMonths,
  type BillingSources,
} from "./billing-rated.js";
import { statementView, staffAmount, totalsView, type StatementView, type TotalsView } from "./billing-statement.js";

/** The billing hub's path on every level, and a customer's statement's (resellers and admins). */
export const BILLING_PATH = "/billing";
export const STATEMENT_PATH = "/billing/statement";
/** `reseller=-` on the admin's hub: the customers no reseller created (the admin's own). */
export const OWN_CUSTOMERS = "-";

interface MonthHeader {
  picker: MonthPickerModel;
  monthNotice: string | undefined;
  problem: string | undefined;
}

function header(
  page: AuthenticatedContext,
  sources: BillingSources,
  query: URLSearchParams,
  path: string,
  keep: Readonly<Record<string, string>> = {},
): MonthHeader & { month: Month } {
  const current = currentMonth(sources.clock.now(), sources.billing.timeZone);
  const chosen = chooseMonth(page, query, current);
  return {
    month: chosen.month,
    picker: monthPicker(page, path, chosen, keep),
    monthNotice: chosen.notice,
    problem: undefined,
  };
}

const shortMonth = (page: AuthenticatedContext) => (month: Month) => monthLabel(month, page.language, true);

/** The customer's hub: what they pay in the month, per domain, and the last twelve months as a chart. */
export interface CustomerBillingModel extends MonthHeader {
  statement: StatementView | undefined;
  empty: string | undefined;
  chart: BillingChartModel | undefined;
}

export function customerBillingModel(
  page: AuthenticatedContext,
  sources: BillingSources,
  query: URLSearchParams,
  log: (line: string) => void,
): CustomerBillingModel {
  const head = header(page, sources, query, BILLING_PATH);
  const months = monthsEnding(head.month, CHART_MONTHS);
  const scope = { username: page.identity.username };
  const result = rateForPage(page, log, () => ratedMonths(sources, months, scope));
  if (result.problem !== undefined)
    return { ...head, problem: result.problem, statement: undefined, empty: undefined, chart: undefined };
  const { currency, vatRateBp } = sources.billing;
  const own = result.rated.map((statements) => statements.find((each) => each.username === page.identity.username));
  const shown = own[own.length - 1];
  return {
    ...head,
    statement: shown === undefined ? undefined : statementView(page, shown, { staff: false, vatRateBp }),
    empty: shown === undefined ? page.t("billing.customer.nothing", { month: head.picker.label }) : undefined,
    chart: billingChart(page.t, {
      title: page.t("billing.chart.customerTitle"),
      months,
      monthLabel: shortMonth(page),
      axisLabel: (month) => monthAbbreviation(month, page.language),
      currency,
      series: [
        {
          key: "paid",
          label: page.t("billing.series.paid"),
          values: own.map((statement) => statement?.totals.vat.gross ?? money(0, currency)),
        },
      ],
    }),
  };
}

/** A month of one reseller's customers (the reseller's hub, or the admin looking at a reseller). */
export interface CustomersBillingModel extends MonthHeader {
  heading: string;
  totals: TotalsView | undefined;
  table: CustomersTableModel | undefined;
  backHref: string | undefined;
}

export function customersBillingModel(
  page: AuthenticatedContext,
  sources: BillingSources,
  query: URLSearchParams,
  log: (line: string) => void,
  reseller: string | null,
): CustomersBillingModel {
  const { level, mode } = page.request;
  const admin = level === "admin";
  const keep: Record<string, string> = admin ? { reseller: reseller ?? OWN_CUSTOMERS } : {};
  const head = header(page, sources, query, BILLING_PATH, keep);
  const month = head.picker.label;
  const heading = !admin
    ? page.t("billing.customers.heading", { month })
    : reseller === null
      ? page.t("billing.admin.ownHeading", { month })
      : new CreatorLevelStore(sources.db).isAdmin(reseller)
        ? page.t("billing.admin.ownOfHeading", { admin: reseller, month })
        : page.t("billing.admin.resellerHeading", { reseller, month });
  const backHref = admin ? pageUrl(level, mode, BILLING_PATH, { month: head.month }) : undefined;
  const result = rateForPage(page, log, () => ratedMonths(sources, [head.month], { reseller }));
  if (result.problem !== undefined)
    return { ...head, problem: result.problem, heading, totals: undefined, table: undefined, backHref };
  const statements = result.rated[0] ?? [];
  return {
    ...head,
    heading,
    totals: totalsView(page, totalsOfStatements(statements, sources), {
      staff: true,
      vatRateBp: sources.billing.vatRateBp,
    }),
    table: customersTable(page, statements, query, BILLING_PATH, { ...keep, month: head.month }),
    backHref,
  };
}

const totalsOfStatements = (statements: readonly CustomerStatement[], sources: BillingSources) =>
  totalsOf(
    statements.flatMap((each) => each.lines),
    sources.billing.currency,
    vatRuleOf(sources.billing),
  );

export interface ResellerRowView {
  name: string;
  href: string;
  customers: number;
  retail: string;
  wholesale: string;
  margin: string;
}

/** The admin's hub: the month's totals and per reseller, twelve months as a chart, and the other billing pages. */
export interface AdminBillingModel extends MonthHeader {
  totals: TotalsView | undefined;
  resellers: ResellerRowView[];
  chart: BillingChartModel | undefined;
  links: Array<{ href: string; label: string }>;
}

/** The other parts' admin billing pages the hub leads to, by path (docs/decisions/0051). */
const ADMIN_BILLING_PAGES = [
  ["/billing/prices", "billing.link.prices"],
  ["/billing/offers", "billing.link.offers"],
  ["/billing/credit", "billing.link.credit"],
  ["/billing/reconciliation", "billing.link.reconciliation"],
  ["/billing/limits", "billing.link.limits"],
  ["/billing/tokens", "billing.link.tokens"],
] as const;

/** A reseller by its name; the admin's own customers as such, never as a reseller (docs/billing-export.md). */
function groupName(page: AuthenticatedContext, group: ResellerStatement): string {
  if (!group.direct) return group.reseller ?? "";
  if (group.reseller === null) return page.t("billing.admin.own");
  return page.t("billing.admin.ownOf", { admin: group.reseller });
}

export function adminBillingModel(
  page: AuthenticatedContext,
  sources: BillingSources,
  query: URLSearchParams,
  log: (line: string) => void,
): AdminBillingModel {
  const { level, mode } = page.request;
  const head = header(page, sources, query, BILLING_PATH);
  const links = ADMIN_BILLING_PAGES.map(([path, label]) => ({
    href: pageUrl(level, mode, path),
    label: page.t(label),
  }));
  const months = monthsEnding(head.month, CHART_MONTHS);
  const result = rateForPage(page, log, () => ({
    monthly: monthTotals(sources, months, { all: true }),
    shown: ratedMonths(sources, [head.month], { all: true })[0] ?? [],
  }));
  if (result.problem !== undefined)
    return { ...head, problem: result.problem, totals: undefined, resellers: [], chart: undefined, links };
  const { currency, vatRateBp } = sources.billing;
  const vat = vatRuleOf(sources.billing);
  const { monthly, shown } = result.rated;
  return {
    ...head,
    totals: totalsView(page, monthly[monthly.length - 1] ?? totalsOfStatements([], sources), {
      staff: true,
      vatRateBp,
    }),
    resellers: resellerStatements(shown, vat, new CreatorLevelStore(sources.db).admins()).map((group) => ({
      name: groupName(page, group),
      href: pageUrl(level, mode, BILLING_PATH, { reseller: group.reseller ?? OWN_CUSTOMERS, month: head.month }),
      customers: group.customers.length,
      retail: page.t.money(group.totals.retail),
      wholesale: staffAmount(page, group.totals.wholesale),
      margin: staffAmount(page, group.totals.margin),
    })),
    chart: billingChart(page.t, {
      title: page.t("billing.chart.adminTitle"),
      months,
      monthLabel: shortMonth(page),
      axisLabel: (month) => monthAbbreviation(month, page.language),
      currency,
      series: [
        { key: "retail", label: page.t("billing.series.retail"), values: monthly.map((totals) => totals.retail) },
        {
          key: "wholesale",
          label: page.t("billing.series.wholesale"),
          // A wholesale in another currency than the bills' has no bar in this chart.
          values: monthly.map((totals) => (totals.wholesale?.currency === currency ? totals.wholesale : null)),
        },
        { key: "margin", label: page.t("billing.series.margin"), values: monthly.map((totals) => totals.margin) },
      ],
    }),
    links,
  };
}

/** A customer's statement for their reseller or the admin; `empty` when there is none the visitor may see. */
export interface StatementPageModel extends MonthHeader {
  customer: string;
  statement: StatementView | undefined;
  empty: string | undefined;
  backHref: string;
}

/**
 * The statement of `customer` in the month if the visitor may see it — the admin any, a reseller only one the ledger
 * bills to them. Otherwise `empty` says that nothing is billed to such a customer of theirs in the month: the same
 * words whether the customer has nothing billed, is another reseller's or does not exist, so probing reveals nothing.
 */
export function statementPageModel(
  page: AuthenticatedContext,
  sources: BillingSources,
  query: URLSearchParams,
  log: (line: string) => void,
  customer: string,
): StatementPageModel {
  const { level, mode } = page.request;
  const head = header(page, sources, query, STATEMENT_PATH, { customer });
  const base = { ...head, customer, backHref: pageUrl(level, mode, BILLING_PATH, { month: head.month }) };
  const result = rateForPage(page, log, () => ratedMonths(sources, [head.month], { username: customer }));
  if (result.problem !== undefined) return { ...base, problem: result.problem, statement: undefined, empty: undefined };
  const statement = result.rated[0]?.find((each) => each.username === customer);
  if (statement === undefined || (level !== "admin" && statement.reseller !== page.identity.username))
    return {
      ...base,
      statement: undefined,
      empty: page.t(level === "admin" ? "billing.statement.noneAdmin" : "billing.statement.none", {
        customer,
        month: head.picker.label,
      }),
    };
  const view = statementView(page, statement, { staff: true, vatRateBp: sources.billing.vatRateBp });
  return { ...base, statement: view, empty: undefined };
}
