import type { Policy } from "../../model/policy.js";
import type { Job, JobQueue } from "../../provisioning/queue.js";
import { jobKey } from "../../provisioning/task-definition.js";
import { removeDomain } from "../../provisioning/tasks/zone-tasks.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { AuthenticatedContext } from "../context.js";
import { actionUrl } from "../origin.js";
import { pageUrl } from "../urls.js";
import { driftStateView, type DriftStateSources, type DriftStateView } from "./drift-state.js";

/**
 * Where a deleted domain is in its removal from WEDOS: removal scheduled (after the package's grace period),
 * being removed, removed, kept (the "keep" policy, or an admin cancelled the removal), or overdue (its date passed
 * and no removal waits: it failed or was lost).
 */
export type RemovalState = "scheduled" | "removing" | "removed" | "kept" | "overdue";

/** The lifecycle section of a domain page (views/partials/domain-lifecycle.ejs): only for a deleted or suspended one. */
export interface LifecycleView {
  /** The icon group of the state (views/README.md: wedos-status-<status>). */
  status: "pending" | "removed" | "off" | "error";
  label: string;
  /** What happened to the domain and what happens next, for the visitor's level. */
  text: string;
  /** The admin's confirmation pages for Cancel removal and Remove now (undefined: not offered). */
  cancelHref: string | undefined;
  removeHref: string | undefined;
}

/** A deleted domain's removal state; `removal` is its queued or running remove-domain job, if any. */
export function removalState(row: DomainRow, removal: Job | undefined): RemovalState {
  if (row.dnsStatus === "removed") return "removed";
  if (removal?.state === "running") return "removing";
  if (removal !== undefined) return "scheduled";
  return row.deleteAfter === null ? "kept" : "overdue";
}

const STATUS: Record<RemovalState, LifecycleView["status"]> = {
  scheduled: "pending",
  removing: "pending",
  removed: "removed",
  kept: "off",
  overdue: "error",
};

/**
 * The section for a deleted or suspended domain, else undefined. Customers read what it means for them; resellers
 * and admins what the plugin does and why (the package's policy); only admins get the removal's buttons.
 */
export function lifecycleView(
  page: AuthenticatedContext,
  row: DomainRow,
  policy: Policy,
  removal: Job | undefined,
): LifecycleView | undefined {
  const { t } = page;
  const audience = page.request.level === "user" ? "customer" : "staff";
  if (row.state === "suspended") {
    const withdrawn = row.dnsStatus === "withdrawn";
    return {
      status: withdrawn ? "off" : "pending",
      label: t("state.suspended"),
      text: t(`list.suspended.${policy.onSuspend}.${audience}`),
      cancelHref: undefined,
      removeHref: undefined,
    };
  }
  if (row.state !== "deleted") return undefined;
  const state = removalState(row, removal);
  const never = t("table.never");
  const at = page.t.time(state === "scheduled" ? (removal?.runAt ?? null) : row.deleteAfter, never);
  const retrying = state === "scheduled" && removal?.lastError !== null && removal?.lastError !== undefined;
  const text = t(`lifecycle.${retrying ? "retrying" : state}.${audience}`, {
    at,
    days: policy.graceDays,
    removedAt: page.t.time(row.updatedAt, never),
  });
  const admin = page.request.level === "admin";
  const confirm = (action: "cancel" | "now") =>
    pageUrl(page.request.level, page.request.mode, `/domains/${row.domain}/removal`, { do: action });
  return {
    status: STATUS[state],
    label: t(`lifecycle.state.${state}`),
    text: admin && retrying ? `${text} ${removal?.lastError ?? ""}` : text,
    cancelHref: admin && state === "scheduled" && removal?.state === "queued" ? confirm("cancel") : undefined,
    removeHref: admin && state !== "removed" && state !== "removing" ? confirm("now") : undefined,
  };
}

/** What the domain page's lifecycle and drift sections read, beyond the domain's own stores. */
export interface LifecycleSources extends Omit<DriftStateSources, "zones"> {
  queue: JobQueue;
}

/** The parts of a domain page this module adds: its lifecycle, its drift (admin only), the protection words. */
export interface DomainLifecycleModel {
  lifecycle: LifecycleView | undefined;
  drift: DriftStateView | undefined;
  checkAction: string;
  /** Why the domain has no protection, for the visitor's level (customers: their package; staff: the policy). */
  protectionNone: string;
  /** Name-server instructions only for a live domain: nobody should delegate a deleted one to WEDOS. */
  showNameServers: boolean;
}

export function domainLifecycleModel(
  page: AuthenticatedContext,
  row: DomainRow,
  policy: Policy,
  sources: LifecycleSources & Pick<DriftStateSources, "zones">,
): DomainLifecycleModel {
  const { level } = page.request;
  const removal = sources.queue.active(jobKey(removeDomain, { domain: row.domain }));
  return {
    lifecycle: lifecycleView(page, row, policy, removal),
    drift: level === "admin" ? driftStateView(page, row, sources) : undefined,
    checkAction: actionUrl(page, "/drift/check"),
    protectionNone: page.t(level === "user" ? "protection.none" : `protection.none.${level}`),
    showNameServers: row.state !== "deleted",
  };
}
