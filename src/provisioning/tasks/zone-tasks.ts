import { z } from "zod";
import { parseZoneFile, type DnsRecord } from "../../dns/index.js";
import { parseDnsWriteEnv } from "../../panel/directadmin/dns-write-env.js";
import { AppError, toError } from "../../errors.js";
import { reason } from "../../model/reason.js";
import { failureReason } from "../failure-reason.js";
import type { DomainRow } from "../../store/inventory-store.js";
import { planSummary } from "../../sync/plan.js";
import { HANDLED_BY_WEDOS } from "../../sync/record-states.js";
import { isGone, isZoneExisting } from "../../wapi/codes.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { protectionWanted } from "../../model/policy.js";
import { defineTask, type TaskResult } from "../task-definition.js";
import { DNS_REASONS } from "../dns-reasons.js";
import { foundForeign } from "./adoption-found.js";
import { accountPolicy } from "./account-policy.js";
import type { TaskContext } from "./context.js";
import { domainPayload } from "./domain-payload.js";
import { protectDomain, waitsForPersonAfterLapse } from "./protection-tasks.js";

const zonePayload = domainPayload.extend({
  /** dns_write_post's record lists, used only when the zone file cannot be read. */
  env: z.record(z.string(), z.string()).optional(),
});

export type ZonePayload = z.infer<typeof zonePayload>;

/**
 * How a zone job ends when its domain was renamed or deleted before it ran: not a failure (nothing is left to do),
 * and the panel's event about it brings the inventory in line.
 */
export const DOMAIN_GONE = {
  note: reason("domain-gone", "nothing to do: the domain no longer exists on this server"),
} as const;

/** provision-domain: the zone (per policy) with the panel's records, then protection if the package has it. */
export const provisionDomain = defineTask({
  name: "provision-domain",
  payload: zonePayload,
  domainOf: (payload) => payload.domain,
  lane: "lifecycle",
  progressLabel: "progress.task.provision",
  async run(ctx, job) {
    const { domain } = job.payload;
    const row = ctx.inventory.domain(domain);
    if (row === undefined || row.state === "deleted") return DOMAIN_GONE;
    const policy = await accountPolicy(ctx, row.username);
    if (row.state === "suspended" && policy.onSuspend === "withdraw") return;
    if ((await syncDomainZone(ctx, row, job.payload, job.lane)) === DOMAIN_GONE) return DOMAIN_GONE;
    await orderWantedProtection(ctx, row, job.lane);
  },
});

/** sync-zone: the panel wrote the zone; bring WEDOS in line (a suspended account's too, unless its zone is withdrawn). */
export const syncZone = defineTask({
  name: "sync-zone",
  payload: zonePayload,
  domainOf: (payload) => payload.domain,
  lane: "records",
  progressLabel: "progress.task.sync",
  async run(ctx, job) {
    const row = ctx.inventory.domain(job.payload.domain);
    if (row === undefined || row.state === "deleted") return DOMAIN_GONE;
    if (row.state === "suspended" && (await accountPolicy(ctx, row.username)).onSuspend === "withdraw") return;
    const outcome = await syncDomainZone(ctx, row, job.payload, job.lane);
    if (outcome !== DOMAIN_GONE) await orderWantedProtection(ctx, row, job.lane);
    return outcome;
  },
});

/**
 * Once a domain's zone is at WEDOS, queues the protection order its package (or its customer's choice) wants and
 * it does not have: after a failed zone, the order follows the first good sync instead of waiting for nothing.
 */
async function orderWantedProtection(ctx: TaskContext, row: DomainRow, lane: WapiLane): Promise<void> {
  if (row.state !== "active") return;
  const policy = await accountPolicy(ctx, row.username);
  const stored = ctx.protections.get(row.domain)?.state;
  if (!protectionWanted(policy, ctx.protections.choice(row.domain)?.wanted)) return;
  if (waitsForPersonAfterLapse(ctx, row.domain)) return;
  if (stored === undefined || stored === "removed") ctx.queue.enqueue(protectDomain, { domain: row.domain }, { lane });
}

/** remove-domain: after the grace period, if the domain is still deleted, remove what the plugin made at WEDOS. */
export const removeDomain = defineTask({
  name: "remove-domain",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "lifecycle",
  progressLabel: "progress.task.remove",
  run: (ctx, job) => removeDeletedDomain(ctx, job.payload.domain, job.lane),
});

async function removeDeletedDomain(ctx: TaskContext, domain: string, lane: WapiLane): Promise<void> {
  const row = ctx.inventory.domain(domain);
  const now = ctx.clock.now();
  if (row === undefined || row.state !== "deleted" || (row.deleteAfter !== null && row.deleteAfter > now)) return;
  await deleteOurZone(ctx, domain, lane);
  const protection = ctx.protections.get(domain);
  if (protection !== undefined && protection.state !== "removed") {
    await ignoreGone(ctx.wapi.wgp.domainDelete(domain, { lane }));
    ctx.protections.update(domain, { state: "removed", reason: "the domain was deleted in the panel" }, now);
  }
  ctx.inventory.setDnsStatus(domain, "removed", DNS_REASONS.removed(), now);
  ctx.billing.domainEnded(domain, now, "daemon", "removed from WEDOS after the domain was deleted in the panel");
}

/** withdraw-zone: suspension with the "withdraw" policy; the panel keeps the records, so nothing is lost. */
export const withdrawZone = defineTask({
  name: "withdraw-zone",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "lifecycle",
  async run(ctx, job) {
    const { domain } = job.payload;
    const row = ctx.inventory.domain(domain);
    if (row === undefined || row.state !== "suspended") return;
    await deleteOurZone(ctx, domain, job.lane);
    ctx.inventory.setDnsStatus(domain, "withdrawn", DNS_REASONS.withdrawn(), ctx.clock.now());
  },
});

/** How an admin's apply goes beyond a plain sync (the drift page). */
export interface SyncOverrides {
  /** Apply even past the safety threshold. */
  force?: boolean;
  /** Take over rows at WEDOS the plugin did not create. */
  adopt?: boolean;
}

/**
 * Plans the domain's zone from the panel's records and WEDOS's rows and applies it (within the safety threshold
 * unless forced). Every plan's outcome is kept for the admin's drift preview: in sync, differing, or refused.
 * DOMAIN_GONE when the domain left the panel (renamed, deleted) since the job was queued.
 */
export async function syncDomainZone(
  ctx: TaskContext,
  row: DomainRow,
  payload: Pick<ZonePayload, "env">,
  lane: WapiLane,
  overrides: SyncOverrides = {},
): Promise<TaskResult> {
  const { inventory, conflicts, zones, clock } = ctx;
  const domain = row.domain;
  const policy = await accountPolicy(ctx, row.username);
  if (policy.dnsMode === "off") {
    inventory.setDnsStatus(domain, "off", DNS_REASONS.packageWithoutDns(), clock.now());
    return;
  }
  const conflict = conflicts.get(domain, "zone");
  if (conflict?.resolution === "ignore") {
    inventory.setDnsStatus(domain, "off", DNS_REASONS.zoneLeftAlone(), clock.now());
    return;
  }
  if (conflict !== undefined && conflict.resolution === null) {
    inventory.setDnsStatus(domain, "conflict", reason("zone-conflict", conflict.detail), clock.now());
    return;
  }
  try {
    const records = await panelRecords(ctx, domain, payload.env);
    if (records === undefined) return DOMAIN_GONE;
    const plan = await ctx.zoneSync.plan(domain, records, policy.dnsMode, {
      adopt: conflict?.resolution === "adopt" || overrides.adopt === true,
      lane,
    });
    const known = zones.zone(domain);
    if (
      !plan.createZone &&
      known !== undefined &&
      !known.createdByUs &&
      zones.managedRows(domain).length === 0 &&
      conflict === undefined
    ) {
      const detail = `a zone for ${domain} already exists at WEDOS and was not created by the plugin; it is taken over once the domain's owner approves (or an admin overrides with a reason), or an admin ignores it`;
      foundForeign(ctx, domain, "zone", detail, plan);
      inventory.setDnsStatus(domain, "conflict", reason("zone-conflict", detail), clock.now());
      return;
    }
    if (!plan.safety.safe && overrides.force !== true) {
      ctx.drift.record(domain, planSummary(plan), plan.safety.message ?? "the plan changes too much", clock.now());
      inventory.setDnsStatus(
        domain,
        "error",
        reason(
          "not-applied",
          `not applied: ${plan.safety.message ?? ""} (an admin can apply it on the drift page or with: wedos-panel sync ${domain} --apply --force)`,
        ),
        clock.now(),
      );
      return;
    }
    const result = await ctx.zoneSync.apply(plan, {
      lane,
      force: overrides.force === true,
      ...(ctx.dns.primaryIp === undefined ? {} : { primaryIp: ctx.dns.primaryIp }),
    });
    ctx.drift.record(
      domain,
      result.converged || result.after === undefined ? undefined : planSummary(result.after),
      null,
      clock.now(),
    );
    const notTaken =
      plan.findings.filter((finding) => finding.outcome === "skipped" && !HANDLED_BY_WEDOS.has(finding.rule)).length +
      plan.conflicts.length;
    inventory.setDnsStatus(
      domain,
      result.converged ? "active" : "error",
      result.converged ? (notTaken > 0 ? DNS_REASONS.recordsNotSynced(notTaken) : null) : DNS_REASONS.notConverged(),
      clock.now(),
      result.converged,
    );
    if (conflict?.resolution === "adopt") conflicts.clear(domain, "zone");
    if (zones.zone(domain) !== undefined) ctx.billing.started(domain, "zone", clock.now(), "daemon");
    // A domain created again before its removal ran: its protection never left WEDOS, so it is billed again.
    if (ctx.protections.get(domain)?.state === "active") {
      ctx.billing.restarted(domain, ["protection"], clock.now(), "daemon", "the domain was created again in the panel");
    }
  } catch (error) {
    if (isZoneExisting(error)) {
      // Someone created the zone at WEDOS after our last listing: never take it over silently.
      zones.rememberZone(domain, policy.dnsMode === "secondary" ? "secondary" : "primary", false, clock.now());
      const detail = `a zone for ${domain} was created at WEDOS outside the plugin; it is taken over once the domain's owner approves (or an admin overrides with a reason), or an admin ignores it`;
      foundForeign(ctx, domain, "zone", detail);
      inventory.setDnsStatus(domain, "conflict", reason("zone-conflict", detail), clock.now());
      return;
    }
    const failure = toError(error);
    const retryable = failure instanceof AppError && failure.retryable;
    const detail = retryable ? `waiting to retry: ${failure.message}` : failure.message;
    inventory.setDnsStatus(domain, retryable ? "pending" : "error", failureReason(failure, detail), clock.now());
    throw error;
  }
}

/**
 * The panel's records: its zone file, or dns_write_post's lists when the panel has no zone file (yet). A file that is
 * there but broken or unreadable is reported as it is; only a missing file falls back to the lists. Undefined when
 * there is neither because the domain is no longer the panel's (renamed or deleted since the job was queued).
 */
export async function panelRecords(
  ctx: TaskContext,
  domain: string,
  env: Record<string, string> | undefined,
): Promise<DnsRecord[] | undefined> {
  const zone = await ctx.panel.zoneFile(domain);
  if (zone.content !== undefined) return parseZoneFile(zone.content, { origin: domain }).records;
  if (env !== undefined) return parseDnsWriteEnv(env, ctx.dns.defaultTtl).records;
  if ((await ctx.panel.ownerOf(domain)) === undefined) return undefined;
  throw new AppError(
    "zone_file_unreadable",
    `the panel has no zone file ${zone.path} for ${domain}, which is still one of its domains; check dns.zoneDir (the directory the panel keeps its zone files in; wedos-panel doctor checks it)`,
  );
}

async function deleteOurZone(ctx: TaskContext, domain: string, lane: WapiLane): Promise<void> {
  const known = ctx.zones.zone(domain);
  if (known === undefined || !known.createdByUs) return;
  await ignoreGone(ctx.wapi.dns.domainDelete(domain, { lane }));
  ctx.zones.forgetZone(domain);
}

/** Deleting something already gone (3222: no such zone/service) is success. */
async function ignoreGone(request: Promise<unknown>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}
