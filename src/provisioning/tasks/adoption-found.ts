import type { ConflictKind } from "../../store/conflict-store.js";
import { planHasWork, planSummary, type ZonePlan } from "../../sync/plan.js";
import { planZone } from "../../sync/plan-zone.js";
import type { TaskContext } from "./context.js";
import { checkDrift } from "./drift-tasks.js";

/**
 * A service found at WEDOS that the plugin did not create: kept as a conflict (nothing is taken over), and its
 * domain's owner is asked (docs/decisions/0054). The owner's page shows what taking a zone over would change: from
 * the listing the plan was made from, when there was one; else (WEDOS answered "exists" to creating it) from one
 * listing queued now, as an admin's "Prepare the preview" does. From then until an approval nothing is sent.
 */
export function foundForeign(
  ctx: TaskContext,
  domain: string,
  kind: ConflictKind,
  detail: string,
  plan?: ZonePlan,
): void {
  const now = ctx.clock.now();
  ctx.conflicts.flag(domain, kind, detail, now);
  if (kind === "zone" && (plan === undefined || plan.createZone))
    ctx.queue.enqueue(checkDrift, { domain, adopt: true }, { lane: "background" });
  if (kind === "zone" && plan !== undefined && !plan.createZone) {
    const adopting = adoptionPlanOf(plan);
    ctx.drift.recordAdoptPreview({
      domain,
      kind: "zone",
      plannedAt: now,
      summary: planHasWork(adopting) ? planSummary(adopting) : undefined,
    });
  }
  // A conflict already decided (adopted, ignored) is found again by every order; only an open one asks the owner.
  if (ctx.conflicts.get(domain, kind)?.resolution === null) ctx.adoptions.open(domain, kind, "daemon");
}

/** The plan of taking the zone over, from the rows the plan was made from (nothing at WEDOS is the plugin's yet). */
function adoptionPlanOf(plan: ZonePlan): ZonePlan {
  return planZone({
    zone: plan.zone,
    desired: plan.desired,
    findings: plan.findings,
    listed: plan.existing.map((row) => ({ ...row, changedDate: "", comment: "" })),
    owned: new Set(),
    createZone: false,
    commitPending: plan.commitPending,
    adopt: true,
  });
}
