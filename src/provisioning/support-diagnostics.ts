import type { DelegationStatus } from "../model/delegation-status.js";
import { decodeReason, type Reason } from "../model/reason.js";
import type { WapiStatusView } from "../model/wapi-status.js";
import type { DelegationStore } from "../store/delegation-store.js";
import type { DnsZoneStore } from "../store/dns-zone-store.js";
import type { DomainActivity } from "../store/domain-activity.js";
import type { DomainRow } from "../store/inventory-store.js";
import type { ProtectionStore } from "../store/protection-store.js";

/** How many of the newest jobs and failed WAPI requests a snapshot keeps. */
export const DIAGNOSTIC_ROWS = 5;

/**
 * What the plugin knew about a domain when its support request was opened, kept with the request (its `details`)
 * so the provider and WEDOS support see the situation the customer saw, not today's. Local data only: taking it
 * sends nothing to WEDOS and costs no WAPI request. Codes, job ids and WEDOS ids are in it; the pages show them
 * to the reseller and the admin only.
 */
export interface SupportDiagnostics {
  takenAt: number;
  domain: { state: string; dnsStatus: string; reason: Reason | null; syncedAt: number | null };
  zone: { mode: string; createdByUs: boolean; lastAppliedAt: number | null; converged: boolean | null } | null;
  protection: {
    state: string;
    variant: string;
    period: string;
    mode: string;
    wgpId: string | null;
    orderNum: string | null;
    reason: string | null;
  } | null;
  delegation: { status: DelegationStatus; nameservers: string[]; detail: string | null; checkedAt: number } | null;
  jobs: Array<{ id: number; task: string; state: string; attempts: number; reason: Reason | null }>;
  wapiErrors: Array<{
    at: number;
    command: string;
    code: number | null;
    outcome: string;
    clTRID: string;
    error: string | null;
  }>;
  budget: { used: number; limit: number; paused: string | null; pauseReason: string | null };
}

export interface DiagnosticSources {
  zones: Pick<DnsZoneStore, "zone">;
  protections: Pick<ProtectionStore, "get">;
  delegations: Pick<DelegationStore, "get">;
  activity: Pick<DomainActivity, "recentJobs" | "failedRequests">;
  wapi: Pick<WapiStatusView, "budget" | "pause">;
}

export function takeDiagnostics(sources: DiagnosticSources, row: DomainRow, now: number): SupportDiagnostics {
  const zone = sources.zones.zone(row.domain);
  const protection = sources.protections.get(row.domain);
  const delegation = sources.delegations.get(row.domain);
  const budget = sources.wapi.budget();
  const pause = sources.wapi.pause();
  return {
    takenAt: now,
    domain: {
      state: row.state,
      dnsStatus: row.dnsStatus,
      reason: decodeReason(row.dnsReasonCode, row.dnsReason) ?? null,
      syncedAt: row.dnsSyncedAt,
    },
    zone:
      zone === undefined
        ? null
        : {
            mode: zone.mode,
            createdByUs: zone.createdByUs,
            lastAppliedAt: zone.lastAppliedAt,
            converged: zone.converged,
          },
    protection:
      protection === undefined
        ? null
        : {
            state: protection.state,
            variant: protection.variant,
            period: protection.period,
            mode: protection.mode,
            wgpId: protection.wgpId,
            orderNum: protection.orderNum,
            reason: protection.reason,
          },
    delegation:
      delegation === undefined
        ? null
        : {
            status: delegation.status,
            nameservers: delegation.nameservers,
            detail: delegation.detail,
            checkedAt: delegation.checkedAt,
          },
    jobs: sources.activity.recentJobs(row.domain, DIAGNOSTIC_ROWS).map((job) => ({
      id: job.id,
      task: job.task,
      state: job.state,
      attempts: job.attempts,
      reason: decodeReason(job.lastErrorCode, job.lastError) ?? null,
    })),
    wapiErrors: sources.activity.failedRequests(row.domain, DIAGNOSTIC_ROWS).map((call) => ({
      at: call.at,
      command: call.command,
      code: call.wapiCode,
      outcome: call.outcome,
      clTRID: call.clTRID,
      error: call.error,
    })),
    budget: {
      used: budget.used,
      limit: budget.limit,
      paused: pause?.summary ?? null,
      pauseReason: pause?.reason ?? null,
    },
  };
}
