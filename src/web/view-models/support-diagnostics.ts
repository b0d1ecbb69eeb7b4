import type { SupportDiagnostics } from "../../provisioning/support-diagnostics.js";
import type { AuthenticatedContext } from "../context.js";
import { isMessageKey } from "../i18n/index.js";
import { reasonView, type ReasonView } from "./reason.js";

/** What a support request's diagnostics show everyone who may see the request: the states in plain words. */
export interface PlainDiagnostics {
  dns: string;
  dnsReason: ReasonView | undefined;
  protection: string;
  delegation: string;
  failures: number;
  sending: string;
}

/** What they show the reseller and the admin besides: job ids, WAPI codes and clTRIDs, the budget. */
export interface StaffDiagnostics {
  jobs: Array<{ id: number; task: string; state: string; attempts: number; reason: ReasonView | undefined }>;
  wapiErrors: Array<{ at: string; command: string; code: string; clTRID: string; error: string }>;
  budget: string;
  /** The pause in the admin's words (admins only). */
  pause: string | undefined;
}

export interface DiagnosticsView {
  takenAt: string;
  plain: PlainDiagnostics;
  staff: StaffDiagnostics | undefined;
}

/** A stored protection state in the words of the protection section (its phases), or the state itself. */
function protectionLabel(page: AuthenticatedContext, state: string): string {
  const phase: Record<string, string> = {
    ordering: "ordering",
    pending: "activating",
    active: "active",
    error: "order-failed",
    removed: "off",
    "cancel-failed": "cancel-failed",
  };
  const key = `protection.phase.${phase[state] ?? state}`;
  return isMessageKey(key) ? page.t(key) : state;
}

/**
 * The diagnostics kept with a support request, for this visitor: customers read states and a count of failures
 * (never a code, an id or an error's text); the reseller and the admin also read the jobs, the WAPI errors with
 * their codes and the budget, and the admin the pause in the operator's words.
 */
export function diagnosticsView(page: AuthenticatedContext, d: SupportDiagnostics, staff: boolean): DiagnosticsView {
  const { t } = page;
  const admin = page.identity.level === "admin";
  const dnsKey = `dns.${d.domain.dnsStatus}`;
  const plain: PlainDiagnostics = {
    dns: isMessageKey(dnsKey) ? t(dnsKey) : d.domain.dnsStatus,
    dnsReason: reasonView(page, d.domain.reason ?? undefined),
    protection: d.protection === null ? t("support.diag.noProtection") : protectionLabel(page, d.protection.state),
    delegation:
      d.delegation === null
        ? t("support.diag.notChecked")
        : t(d.delegation.status === "seen" ? "delegation.seen" : "delegation.notSeen", {
            at: t.time(d.delegation.checkedAt),
          }),
    failures: d.wapiErrors.length + d.jobs.filter((job) => job.state === "dead").length,
    sending: t(d.budget.paused === null ? "support.diag.sendingOk" : "support.diag.sendingPaused"),
  };
  return {
    takenAt: t.time(d.takenAt),
    plain,
    staff: staff
      ? {
          jobs: d.jobs.map((job) => ({ ...job, reason: reasonView(page, job.reason ?? undefined) })),
          wapiErrors: d.wapiErrors.map((call) => ({
            at: t.time(call.at),
            command: call.command,
            code: call.code === null ? "" : String(call.code),
            clTRID: call.clTRID,
            error: admin ? (call.error ?? "") : "",
          })),
          budget: t("support.diag.budget", { used: d.budget.used, limit: d.budget.limit }),
          pause: admin ? (d.budget.paused ?? undefined) : undefined,
        }
      : undefined,
  };
}
