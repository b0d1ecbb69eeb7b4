import type { Estimate } from "../../provisioning/estimate.js";
import { DOMAIN_GROUPS, type DomainGroup } from "../../store/domain-listing.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { AuthenticatedContext } from "../context.js";
import { pageUrl } from "../urls.js";
import { linksOf } from "./layout.js";
import { waitingStatus } from "./sending.js";
import { pageWindow, requestedPage, searchText } from "./pager.js";
import { storedReasonView } from "./reason.js";

/** One domain as the list and detail pages show it. */
export interface DomainView {
  domain: string;
  owner: string;
  state: string;
  stateLabel: string;
  dnsStatus: string;
  dnsLabel: string;
  /** Why the DNS is as it is, in the visitor's words (reason.ts). */
  reason: string;
  /** Admins only: the stored details of that reason (WAPI command and code, WEDOS's words, an error's text). */
  reasonDetails: string | undefined;
  syncedAt: string;
  href: string;
  canSync: boolean;
}

/** Domains shown per page: a list of any size renders the same small page. */
export const DOMAINS_PER_PAGE = 50;

/**
 * What the visitor asked to see (GET parameters `status`: one of the groups store/domain-listing.ts defines in SQL,
 * `q`, `page`): read-only, so no CSRF token is needed.
 */
export interface DomainQuery {
  filter: DomainGroup;
  search: string;
  page: number;
}

/** The query's own parameters; an unknown filter shows everything, anything unusable reads as "not given". */
export function domainQuery(query: URLSearchParams): DomainQuery {
  const status = query.get("status") ?? "";
  return {
    filter: (DOMAIN_GROUPS as readonly string[]).includes(status) ? (status as DomainGroup) : "all",
    search: searchText(query),
    page: requestedPage(query),
  };
}

/**
 * A row's one primary action: Sync now where the zone can be sent (also while it waits: an interactive sync goes
 * ahead of the background work), else a link to the domain's page named after what the visitor will find there
 * (what is wrong, what a suspended domain still allows).
 */
export type RowAction = { kind: "sync" } | { kind: "open"; label: string };

export interface DomainListRow extends DomainView {
  action: RowAction;
}

export interface DomainListModel {
  rows: DomainListRow[];
  filter: DomainGroup;
  filters: Array<{ filter: DomainGroup; label: string; count: string; href: string; current: boolean }>;
  search: string;
  /** Where the search form goes (GET) and the filter it keeps. */
  searchAction: string;
  /** "Domains 51–100 of 10,000" (of those shown by the filter and search). */
  summary: string;
  /** Nothing to show: why, in words ("No domains yet." or "No domain matches …"). */
  empty: string | undefined;
  /** When a search is in force: the same list without it. */
  clearSearchHref: string | undefined;
  previousHref: string | undefined;
  nextHref: string | undefined;
  showOwner: boolean;
  csrfToken: string;
  syncAction: string;
  notice: string | undefined;
}

/**
 * A domain row made printable (labels translated; the template escapes everything). `waiting`: when its changes not
 * yet at WEDOS are expected there; such a domain is never shown plainly active or waiting without a time.
 */
export function domainView(page: AuthenticatedContext, row: DomainRow, waiting?: Estimate): DomainView {
  const { t } = page;
  const stored = storedReasonView(page, row.dnsReasonCode, row.dnsReason);
  const reasonText = stored?.text ?? "";
  // An error that is only the pause itself (the sync that met it waits for the fix) is waiting too.
  const changes =
    waiting !== undefined &&
    (row.dnsStatus === "active" ||
      row.dnsStatus === "pending" ||
      (row.dnsStatus === "error" && waiting.kind === "waits-for-admin"))
      ? waitingStatus(t, waiting)
      : undefined;
  return {
    domain: row.domain,
    owner: row.origin === "cluster" ? t("table.clusterOwner") : (row.username ?? ""),
    state: row.state,
    stateLabel: t(`state.${row.state}`),
    dnsStatus: changes === undefined ? row.dnsStatus : "waiting",
    dnsLabel: changes?.label ?? t(`dns.${row.dnsStatus}`),
    // The stored reason stays beside the wait, except an error that is only the pause (its words are for the admin).
    reason:
      changes === undefined
        ? reasonText
        : row.dnsStatus === "error"
          ? changes.reason
          : [changes.reason, reasonText].filter((text) => text !== "").join(" "),
    reasonDetails: changes !== undefined && row.dnsStatus === "error" ? undefined : stored?.details,
    syncedAt: t.time(row.dnsSyncedAt, t("table.never")),
    href: linksOf(page).domain(row.domain),
    canSync: row.state === "active",
  };
}

/** The row's primary action (see RowAction). */
function rowAction(t: AuthenticatedContext["t"], row: DomainRow): RowAction {
  if (row.state === "suspended") return { kind: "open", label: t("list.open.suspended") };
  if (row.state === "deleted") return { kind: "open", label: t("list.open.details") };
  if (row.dnsStatus === "error" || row.dnsStatus === "conflict") return { kind: "open", label: t("list.open.problem") };
  return { kind: "sync" };
}

/**
 * A list row: the domain's view; a suspended row first says what its package's suspension policy does to the zone
 * and what can still be seen (a withdrawn zone's own reason already says it).
 */
function listRow(page: AuthenticatedContext, row: DomainRow, waiting: Estimate | undefined): DomainListRow {
  const view = domainView(page, row, waiting);
  const action = rowAction(page.t, row);
  if (row.state === "deleted") return { ...view, reason: deletedReason(page, row), action };
  if (row.state !== "suspended" || row.dnsStatus === "withdrawn") return { ...view, action };
  const policy = page.onSuspendOf?.(row.username) ?? "keep";
  const audience = page.request.level === "user" ? "customer" : "staff";
  const suspension = page.t(`list.suspended.${policy}.${audience}`);
  return { ...view, reason: view.reason === "" ? suspension : `${suspension} ${view.reason}`, action };
}

/** A deleted row's Details: when it leaves WEDOS, or that it did or stays (the domain page says more). */
function deletedReason(page: AuthenticatedContext, row: DomainRow): string {
  if (row.dnsStatus === "removed") return page.t("list.deleted.removed");
  if (row.deleteAfter === null) return page.t("list.deleted.kept");
  return page.t("list.deleted.scheduled", { at: page.t.time(row.deleteAfter, page.t("table.never")) });
}

/**
 * One page of the visitor's domains, problems first, with the filter's pills and their counts; rows come from the
 * tenant scope (paged and counted in SQL), never from the inventory directly.
 */
export function domainListModel(page: AuthenticatedContext, query: DomainQuery, notice?: string): DomainListModel {
  const { level, mode } = page.request;
  const counts = page.scope.counts(query.search);
  const window = pageWindow(counts[query.filter], query.page, DOMAINS_PER_PAGE);
  const rows = page.scope.page({
    group: query.filter,
    search: query.search,
    offset: window.offset,
    limit: DOMAINS_PER_PAGE,
  });
  const waiting = page.sending?.waiting(rows.map((row) => row.domain));
  const href = (filter: DomainGroup, search: string, number = 1) =>
    pageUrl(level, mode, "/", {
      ...(filter === "all" ? {} : { status: filter }),
      ...(search === "" ? {} : { q: search }),
      ...(number === 1 ? {} : { page: String(number) }),
    });
  const total = counts[query.filter];
  const number = new Intl.NumberFormat(page.language);
  return {
    rows: rows.map((row) => listRow(page, row, waiting?.get(row.domain))),
    filter: query.filter,
    filters: DOMAIN_GROUPS.map((each) => ({
      filter: each,
      label: page.t(`filter.${each}`),
      count: number.format(counts[each]),
      href: href(each, query.search),
      current: each === query.filter,
    })),
    search: query.search,
    searchAction: pageUrl(level, mode, "/"),
    summary: page.t("list.summary", {
      from: number.format(rows.length === 0 ? 0 : window.offset + 1),
      to: number.format(window.offset + rows.length),
      total: number.format(total),
    }),
    empty:
      total > 0
        ? undefined
        : query.search !== ""
          ? page.t("list.noMatch", { search: query.search })
          : query.filter !== "all"
            ? page.t("list.noneInFilter")
            : page.t("table.empty"),
    clearSearchHref: query.search === "" ? undefined : href(query.filter, ""),
    previousHref: window.hasPrevious ? href(query.filter, query.search, window.current - 1) : undefined,
    nextHref: window.hasNext ? href(query.filter, query.search, window.current + 1) : undefined,
    showOwner: page.request.level !== "user",
    csrfToken: page.csrfToken,
    syncAction: linksOf(page).sync,
    notice,
  };
}
