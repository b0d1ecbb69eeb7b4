import type { CustomerStatement } from "../../billing/statement.js";
import type { AuthenticatedContext } from "../context.js";
import { pageUrl } from "../urls.js";
import { pageWindow, requestedPage, searchText } from "./pager.js";
import { staffAmount } from "./billing-statement.js";

/** Customers per page of a reseller's month: 1,000 customers render the same small page. */
export const CUSTOMERS_PER_PAGE = 50;

export interface CustomerRowView {
  username: string;
  /** The customer's statement of the month. */
  href: string;
  domains: number;
  retail: string;
  wholesale: string;
  margin: string;
}

/** A month's customers of a reseller (or of the admin's view of one), searched by name and paged. */
export interface CustomersTableModel {
  rows: CustomerRowView[];
  /** "Customers 1–50 of 1,000". */
  summary: string;
  empty: string | undefined;
  search: string;
  searchAction: string;
  /** The fields the search form keeps: the plugin page, the month, the reseller the admin looks at. */
  keep: Array<{ name: string; value: string }>;
  clearSearchHref: string | undefined;
  previousHref: string | undefined;
  nextHref: string | undefined;
}

/**
 * The table of `statements` (already within the visitor's scope), the page and search of `query`. `params` are the
 * page's own parameters every link keeps (the month; the admin's reseller).
 */
export function customersTable(
  page: AuthenticatedContext,
  statements: readonly CustomerStatement[],
  query: URLSearchParams,
  path: string,
  params: Readonly<Record<string, string>>,
): CustomersTableModel {
  const { level, mode } = page.request;
  const search = searchText(query);
  const needle = search.toLowerCase();
  const matching = needle === "" ? statements : statements.filter((each) => each.username.includes(needle));
  const window = pageWindow(matching.length, requestedPage(query), CUSTOMERS_PER_PAGE);
  const shown = matching.slice(window.offset, window.offset + CUSTOMERS_PER_PAGE);
  const number = new Intl.NumberFormat(page.language === "cs" ? "cs-CZ" : "en-GB");
  const listed = search === "" ? params : { ...params, q: search };
  const href = (pageNumber: number) =>
    pageUrl(level, mode, path, pageNumber === 1 ? listed : { ...listed, page: String(pageNumber) });
  const statementPath = "/billing/statement";
  return {
    rows: shown.map((statement) => ({
      username: statement.username,
      href: pageUrl(level, mode, statementPath, { customer: statement.username, month: statement.month }),
      domains: new Set(statement.lines.map((line) => line.domain)).size,
      retail: page.t.money(statement.totals.retail),
      wholesale: staffAmount(page, statement.totals.wholesale),
      margin: staffAmount(page, statement.totals.margin),
    })),
    summary: page.t("billing.customers.summary", {
      from: number.format(shown.length === 0 ? 0 : window.offset + 1),
      to: number.format(window.offset + shown.length),
      total: number.format(matching.length),
    }),
    empty:
      matching.length > 0
        ? undefined
        : search === ""
          ? page.t("billing.customers.none")
          : page.t("billing.customers.noMatch", { search }),
    search,
    searchAction: pageUrl(level, mode, "/"),
    keep: Object.entries({ p: path, ...params }).map(([name, value]) => ({ name, value })),
    clearSearchHref: search === "" ? undefined : pageUrl(level, mode, path, params),
    previousHref: window.hasPrevious ? href(window.current - 1) : undefined,
    nextHref: window.hasNext ? href(window.current + 1) : undefined,
  };
}
