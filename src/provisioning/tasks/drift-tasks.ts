import { planHasWork, planSummary } from "../../sync/plan.js";
import type { Job } from "../queue.js";
import type { TaskContext } from "./context.js";
import { accountPolicy } from "./account-policy.js";
import { panelRecords, syncDomainZone, type SyncOverrides } from "./zone-tasks.js";

/**
 * check-drift: the reconciler's look at one primary zone — the panel's records planned against WEDOS's rows (one
 * `dns-rows-list`) — kept as a preview for the admin and never applied: WEDOS may have been changed on purpose,
 * so a person decides (docs/reference/dns-sync.md#every-path-can-stop-at-the-plan). Zones with an open or
 * ignored conflict are the conflict's business.
 */
export async function checkDrift(ctx: TaskContext, job: Job): Promise<void> {
  const { domain } = job.payload as { domain: string };
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active" || (await accountPolicy(ctx, row.username)).dnsMode !== "primary") return;
  const conflict = ctx.conflicts.get(domain, "zone");
  if (conflict !== undefined && conflict.resolution !== "adopt") return;
  const plan = await ctx.zoneSync.plan(domain, await panelRecords(ctx, domain, undefined), "primary", { adopt: conflict?.resolution === "adopt", lane: job.lane });
  ctx.drift.record(domain, planHasWork(plan) ? planSummary(plan) : undefined, null, ctx.clock.now());
}

/**
 * apply-drift: an admin clicked Apply on the drift page. The zone is planned again from fresh data (the preview may
 * be old) and applied within the safety threshold, unless the admin forced it; a refusal is kept with its reason.
 */
export async function applyDrift(ctx: TaskContext, job: Job): Promise<void> {
  const { domain, force, adopt } = job.payload as { domain: string } & SyncOverrides;
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active") return;
  await syncDomainZone(ctx, row, { domain }, job.lane, { force: force === true, adopt: adopt === true });
}
