import { knownDnsReason } from "../../provisioning/dns-reasons.js";
import type { Estimate } from "../../provisioning/estimate.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { AuthenticatedContext } from "../context.js";
import { pageUrl } from "../urls.js";
import { utcMinute } from "../../util/utc-minute.js";
import { linksOf } from "./layout.js";
import { waitingStatus } from "./sending.js";

/** One domain as the list and detail pages show it. */
export interface DomainView {
  domain: string;
  owner: string;
  state: string;
  stateLabel: string;
  dnsStatus: string;
  dnsLabel: string;
  reason: string;
  syncedAt: string;
  href: string;
  canSync: boolean;
}

/** The model of a level's home page (views/<level>/index.ejs). */
/** The list filters: everything, or only the domains in one group of states. */
export const DOMAIN_FILTERS = ["all", "problems", "pending", "active"] as const;
export type DomainFilter = (typeof DOMAIN_FILTERS)[number];

const IN_FILTER: Record<DomainFilter, (status: DomainRow["dnsStatus"]) => boolean> = {
  all: () => true,
  problems: (status) => status === "error" || status === "conflict",
  pending: (status) => status === "pending",
  active: (status) => status === "active",
};

/** The filter a query asks for; anything unknown shows everything. */
export function domainFilter(value: string | null): DomainFilter {
  return (DOMAIN_FILTERS as readonly string[]).includes(value ?? "") ? (value as DomainFilter) : "all";
}

export interface DomainListModel {
  rows: DomainView[];
  filter: DomainFilter;
  filters: Array<{ filter: DomainFilter; label: string; href: string; current: boolean }>;
  showOwner: boolean;
  csrfToken: string;
  syncAction: string;
  notice: string | undefined;
}

/** "2026-03-10 09:00 UTC": the panel serves people in many time zones and the daemon knows none of them. */
export function formatTime(ms: number | null, never: string): string {
  return ms === null ? never : utcMinute(ms);
}

/**
 * A domain row made printable (labels translated; the template escapes everything). `waiting`: when its changes not
 * yet at WEDOS are expected there; such a domain is never shown plainly active or waiting without a time.
 */
export function domainView(page: AuthenticatedContext, row: DomainRow, waiting?: Estimate): DomainView {
  const { t } = page;
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
        ? dnsReasonText(t, row.dnsReason)
        : row.dnsStatus === "error"
          ? changes.reason
          : [changes.reason, dnsReasonText(t, row.dnsReason)].filter((text) => text !== "").join(" "),
    syncedAt: formatTime(row.dnsSyncedAt, t("table.never")),
    href: linksOf(page).domain(row.domain),
    canSync: row.state === "active",
  };
}

/** A domain's reason in the visitor's language when it is one of the tasks' fixed reasons, else as stored. */
function dnsReasonText(t: AuthenticatedContext["t"], reason: string | null): string {
  if (reason === null) return "";
  const known = knownDnsReason(reason);
  return known === undefined ? reason : t(`reason.${known.key}`, { count: known.count });
}

/** Problems first (errors and conflicts, then work in progress), so a long list shows what needs attention. */
function attentionRank(status: DomainRow["dnsStatus"]): number {
  return status === "error" || status === "conflict" ? 0 : status === "pending" ? 1 : 2;
}

/** The list of the visitor's domains; rows come from the tenant scope, never from the inventory directly. */
export function domainListModel(
  page: AuthenticatedContext,
  notice?: string,
  filter: DomainFilter = "all",
): DomainListModel {
  const { level, mode } = page.request;
  const rows = page.scope
    .domains()
    .filter((row) => IN_FILTER[filter](row.dnsStatus))
    .sort((a, b) => attentionRank(a.dnsStatus) - attentionRank(b.dnsStatus) || a.domain.localeCompare(b.domain));
  const waiting = page.sending?.waiting(rows.map((row) => row.domain));
  return {
    filter,
    filters: DOMAIN_FILTERS.map((each) => ({
      filter: each,
      label: page.t(`filter.${each}`),
      href: pageUrl(level, mode, "/", each === "all" ? {} : { status: each }),
      current: each === filter,
    })),
    rows: rows.map((row) => domainView(page, row, waiting?.get(row.domain))),
    showOwner: page.request.level !== "user",
    csrfToken: page.csrfToken,
    syncAction: linksOf(page).sync,
    notice,
  };
}
