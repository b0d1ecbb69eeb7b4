import { z } from "zod";
import { reason } from "../../model/reason.js";
import { planHasWork, planSummary } from "../../sync/plan.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { defineTask, type TaskResult } from "../task-definition.js";
import type { TaskContext } from "./context.js";
import { accountPolicy } from "./account-policy.js";
import { domainPayload } from "./domain-payload.js";
import { DOMAIN_GONE, panelRecords, syncDomainZone } from "./zone-tasks.js";

/**
 * check-drift: the reconciler's look at one primary zone — the panel's records planned against WEDOS's rows (one
 * `dns-rows-list`) — kept as a preview for the admin and never applied: WEDOS may have been changed on purpose,
 * so a person decides (docs/reference/dns-sync.md#every-path-can-stop-at-the-plan). Zones with an open or
 * ignored conflict are the conflict's business. With `adopt`, an admin asked what adopting the zone's conflict
 * would do: the plan takes over the rows not created by the plugin, and is kept as the adopt preview.
 * An admin's Check now queues the same task in the interactive lane; one key, so repeated clicks join one job.
 */
export const checkDrift = defineTask({
  name: "check-drift",
  payload: domainPayload.extend({
    /** Plan the adoption of the zone's conflict (the preview an admin confirms), not the drift. */
    adopt: z.boolean().optional(),
  }),
  domainOf: (payload) => payload.domain,
  lane: "background",
  progressLabel: "progress.task.checkDrift",
  run: (ctx, job) =>
    job.payload.adopt === true
      ? planAdoption(ctx, job.payload.domain, job.lane)
      : planForPreview(ctx, job.payload.domain, job.lane),
});

/** Why a check planned nothing (kept with the finished job; the pages say it in the visitor's words). */
const nothing = (why: string): TaskResult => ({ note: reason("nothing-to-check", why) });
const NOT_CHECKED = {
  inactive: nothing("nothing to check: the domain is not active (suspended or deleted)"),
  notPrimary: nothing("nothing to check: the package's policy does not keep this zone at WEDOS as a primary zone"),
  conflict: nothing("nothing to check: the zone has a conflict, which an admin adopts or ignores first"),
  noConflict: nothing("nothing to preview: the zone has no open conflict to adopt"),
} as const;

async function planForPreview(ctx: TaskContext, domain: string, lane: WapiLane): Promise<TaskResult> {
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active") return NOT_CHECKED.inactive;
  if ((await accountPolicy(ctx, row.username)).dnsMode !== "primary") return NOT_CHECKED.notPrimary;
  const conflict = ctx.conflicts.get(domain, "zone");
  if (conflict !== undefined && conflict.resolution !== "adopt") return NOT_CHECKED.conflict;
  const records = await panelRecords(ctx, domain, undefined);
  if (records === undefined) return DOMAIN_GONE;
  const plan = await ctx.zoneSync.plan(domain, records, "primary", {
    adopt: conflict?.resolution === "adopt",
    lane,
  });
  ctx.drift.record(domain, planHasWork(plan) ? planSummary(plan) : undefined, null, ctx.clock.now());
}

/** The plan of adopting the zone's open conflict, kept for the admin's preview; nothing is applied. */
async function planAdoption(ctx: TaskContext, domain: string, lane: WapiLane): Promise<TaskResult> {
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active") return NOT_CHECKED.inactive;
  const mode = (await accountPolicy(ctx, row.username)).dnsMode;
  if (mode === "off") return NOT_CHECKED.notPrimary;
  if (ctx.conflicts.get(domain, "zone")?.resolution !== null) return NOT_CHECKED.noConflict;
  const records = await panelRecords(ctx, domain, undefined);
  if (records === undefined) return DOMAIN_GONE;
  const plan = await ctx.zoneSync.plan(domain, records, mode, { adopt: true, lane });
  const summary = planHasWork(plan) ? planSummary(plan) : undefined;
  ctx.drift.recordAdoptPreview({ domain, kind: "zone", plannedAt: ctx.clock.now(), summary });
}

/**
 * apply-drift: an admin clicked Apply on the drift page. The zone is planned again from fresh data (the preview may
 * be old) and applied within the safety threshold, unless the admin forced it; a refusal is kept with its reason.
 */
export const applyDrift = defineTask({
  name: "apply-drift",
  payload: domainPayload.extend({
    /** Apply even past the safety threshold. */
    force: z.boolean().optional(),
    /** Take over rows at WEDOS the plugin did not create. */
    adopt: z.boolean().optional(),
  }),
  domainOf: (payload) => payload.domain,
  lane: "interactive",
  progressLabel: "progress.task.applyDrift",
  async run(ctx, job) {
    const { domain, force, adopt } = job.payload;
    const row = ctx.inventory.domain(domain);
    if (row === undefined || row.state !== "active") return;
    return syncDomainZone(ctx, row, {}, job.lane, { force: force === true, adopt: adopt === true });
  },
});
