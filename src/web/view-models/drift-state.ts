import type { JobQueue } from "../../provisioning/queue.js";
import { jobKey } from "../../provisioning/task-definition.js";
import { checkDrift } from "../../provisioning/tasks/drift-tasks.js";
import type { ConflictStore } from "../../store/conflict-store.js";
import type { DnsZoneStore } from "../../store/dns-zone-store.js";
import type { DriftStore } from "../../store/drift-store.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { AuthenticatedContext } from "../context.js";
import { pageUrl } from "../urls.js";

/**
 * What the plugin knows about a zone's drift, one state at a time, never more reassuring than what was looked at:
 * a conflict to decide (or one left alone), not checkable (not an active primary zone), a check queued or running,
 * never checked, differences found, or none found at a given time.
 */
export type DriftState =
  "conflict" | "ignored" | "not-checkable" | "check-queued" | "checking" | "not-checked" | "differs" | "in-sync";

export interface DriftStateSources {
  queue: JobQueue;
  conflicts: ConflictStore;
  drift: DriftStore;
  zones: DnsZoneStore;
}

/** The drift section of a domain page (views/partials/domain-drift.ejs), for the admin. */
export interface DriftStateView {
  state: DriftState;
  /** The icon group (views/README.md). */
  status: "conflict" | "off" | "pending" | "error" | "active";
  text: string;
  /** Check now is offered (POST, field domain); queued or running checks are not offered again. */
  canCheck: boolean;
  /** Where the admin decides: the adopt preview of a conflict, or the drift page with the planned changes. */
  nextHref: string | undefined;
  nextLabel: string | undefined;
}

const STATUS: Record<DriftState, DriftStateView["status"]> = {
  conflict: "conflict",
  ignored: "off",
  "not-checkable": "off",
  "check-queued": "pending",
  checking: "pending",
  "not-checked": "pending",
  differs: "error",
  "in-sync": "active",
};

/** The zone's drift state from stored state only (no WAPI request). */
export function driftState(row: DomainRow, sources: DriftStateSources): { state: DriftState; at: number | undefined } {
  const conflict = sources.conflicts.get(row.domain, "zone");
  if (conflict !== undefined && conflict.resolution === null) return { state: "conflict", at: conflict.foundAt };
  if (conflict?.resolution === "ignore") return { state: "ignored", at: undefined };
  if (row.state !== "active" || sources.zones.zone(row.domain)?.mode !== "primary")
    return { state: "not-checkable", at: undefined };
  const check = sources.queue.active(jobKey(checkDrift, { domain: row.domain }));
  if (check !== undefined) return { state: check.state === "running" ? "checking" : "check-queued", at: undefined };
  const last = sources.drift.lastCheck(row.domain);
  if (last === undefined) return { state: "not-checked", at: undefined };
  return { state: last.drifted ? "differs" : "in-sync", at: last.checkedAt };
}

export function driftStateView(page: AuthenticatedContext, row: DomainRow, sources: DriftStateSources): DriftStateView {
  const { t } = page;
  const { level, mode } = page.request;
  const { state, at } = driftState(row, sources);
  const next =
    state === "conflict"
      ? { href: adoptPreviewHref(page, row.domain, "zone"), label: t("driftState.adoptPreview") }
      : state === "differs"
        ? { href: pageUrl(level, mode, "/drift"), label: t("driftState.seeChanges") }
        : undefined;
  const canCheck = state === "not-checked" || state === "differs" || state === "in-sync";
  return {
    state,
    status: STATUS[state],
    text: t(`driftState.${state}`, { at: t.time(at ?? null, t("table.never")) }),
    canCheck,
    nextHref: next?.href,
    nextLabel: next?.label,
  };
}

/** The admin's preview of adopting a conflict (GET, so it can be opened and reopened freely). */
export function adoptPreviewHref(page: AuthenticatedContext, domain: string, kind: "zone" | "protection"): string {
  return pageUrl(page.request.level, page.request.mode, "/drift/adopt", { domain, kind });
}
