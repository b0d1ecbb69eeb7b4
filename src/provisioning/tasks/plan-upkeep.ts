import { z } from "zod";
import { dayOf } from "../../billing/calendar.js";
import { productKey, type BillingPeriod, type ProtectionPlan } from "../../billing/product.js";
import { paidPeriod, renewalStep } from "../../billing/renewal.js";
import { defineTask } from "../task-definition.js";
import { accountPolicy } from "./account-policy.js";
import type { TaskContext } from "./context.js";
import { changeProtectionPlan, planDiffers, targetPlan } from "./plan-tasks.js";
import { renewProtection } from "./renewal-tasks.js";
import { refreshTemplates, replicateTemplate } from "./template-tasks.js";

/** How old the stored template list may grow before the upkeep fetches it again. */
const TEMPLATES_MAX_AGE_MS = 24 * 3_600_000;

/**
 * plan-upkeep: queued by the reconciler; sends nothing to WEDOS itself. For each active service it sets the paid-until
 * day a new activation lacks (activation day + period), and queues what is due: a renewal or lapse, a plan change the
 * package or the customer's choice asks for (e.g. after a package change DirectAdmin reported by no hook), a template
 * replication after the package's template changed; and a fresh template list once a day.
 */
export const planUpkeep = defineTask({
  name: "plan-upkeep",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  run: (ctx) => upkeep(ctx),
});

async function upkeep(ctx: TaskContext): Promise<void> {
  const now = ctx.clock.now();
  const today = dayOf(now, ctx.billingTimeZone);
  const fetchedAt = ctx.plans.templatesFetchedAt();
  if (fetchedAt === undefined || now - fetchedAt >= TEMPLATES_MAX_AGE_MS) ctx.queue.enqueue(refreshTemplates, {});

  for (const service of ctx.plans.activeServices()) {
    const { domain } = service;
    let paidUntil = service.paidUntil;
    if (paidUntil === null && service.activatedAt !== null) {
      paidUntil = paidPeriod(dayOf(service.activatedAt, ctx.billingTimeZone), service.period as BillingPeriod).until;
      ctx.plans.setPaidUntil(domain, paidUntil, now);
    }
    const username = ctx.inventory.domain(domain)?.username ?? null;
    const policy = await accountPolicy(ctx, username);
    if (paidUntil !== null) {
      const product = productKey({
        service: "protection",
        plan: service.variant as ProtectionPlan,
        period: service.period as BillingPeriod,
      });
      const { renewal } = ctx.planBilling.terms({ package: policy.package, product, day: today });
      if (renewalStep(today, paidUntil, renewal) !== "wait") ctx.queue.enqueue(renewProtection, { domain });
    }
    if (planDiffers(service, targetPlan(policy, ctx.plans.choice(domain)))) {
      ctx.queue.enqueue(changeProtectionPlan, { domain }, { lane: "background" });
    }
    if (policy.protectionTemplate !== "" && policy.protectionTemplate !== service.templateId) {
      ctx.queue.enqueue(replicateTemplate, { domain });
    }
  }
}
