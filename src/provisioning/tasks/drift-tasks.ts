import { z } from "zod";
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
 * ignored conflict are the conflict's business.
 */
export const checkDrift = defineTask({
  name: "check-drift",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "background",
  run: (ctx, job) => planForPreview(ctx, job.payload.domain, job.lane),
});

async function planForPreview(ctx: TaskContext, domain: string, lane: WapiLane): Promise<TaskResult> {
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active" || (await accountPolicy(ctx, row.username)).dnsMode !== "primary")
    return;
  const conflict = ctx.conflicts.get(domain, "zone");
  if (conflict !== undefined && conflict.resolution !== "adopt") return;
  const records = await panelRecords(ctx, domain, undefined);
  if (records === undefined) return DOMAIN_GONE;
  const plan = await ctx.zoneSync.plan(domain, records, "primary", {
    adopt: conflict?.resolution === "adopt",
    lane,
  });
  ctx.drift.record(domain, planHasWork(plan) ? planSummary(plan) : undefined, null, ctx.clock.now());
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
