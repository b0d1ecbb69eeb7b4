import { dayOf } from "../../billing/calendar.js";
import type { Money } from "../../billing/money.js";
import { PERIOD_MONTHS, productKey, type BillingPeriod, type ProtectionPlan } from "../../billing/product.js";
import { planChoosable, type Policy } from "../../model/policy.js";
import type { PlanChoice } from "../../store/protection-plan-store.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { defineTask } from "../task-definition.js";
import { accountPolicy } from "./account-policy.js";
import type { TaskContext } from "./context.js";
import { domainPayload } from "./domain-payload.js";

/** The plan and period a service should have, and who decided it. */
export interface TargetPlan {
  variant: ProtectionPlan;
  period: BillingPeriod;
  source: "customer" | "package";
}

/**
 * What a domain's protection should be on: the customer's latest choice where the package lets them choose, else the
 * package's plan. A refused choice changes nothing (the service keeps what it has); undefined when the package has no
 * protection (switching it off is the protection switch's and the package change's work, not a plan change).
 */
export function targetPlan(
  policy: Pick<Policy, "protection" | "protectionPeriod" | "planChoice">,
  choice: Pick<PlanChoice, "variant" | "period" | "state"> | undefined,
): TargetPlan | undefined {
  if (policy.protection === "off") return undefined;
  if (planChoosable(policy) && choice !== undefined) {
    if (choice.state === "refused") return undefined;
    return { variant: choice.variant as ProtectionPlan, period: choice.period as BillingPeriod, source: "customer" };
  }
  return { variant: policy.protection, period: policy.protectionPeriod, source: "package" };
}

/** Whether an active service's plan or period differs from what it should have. */
export function planDiffers(service: { variant: string; period: string }, target: TargetPlan | undefined): boolean {
  return target !== undefined && (service.variant !== target.variant || service.period !== target.period);
}

/**
 * change-protection-plan: moves an active service to the plan and period it should have — the customer's choice on
 * the domain's page, or the package's after a package change — with `wgp-domain-update-subscription`. A customer's
 * change is checked against the spending limits first; a refusal is kept with its reason for the page. The ledger
 * records the change from today (BillingEvents.changed, once per move); the new price is paid at the next renewal.
 */
export const changeProtectionPlan = defineTask({
  name: "change-protection-plan",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "interactive",
  progressLabel: "progress.task.planChange",
  run: (ctx, job) => changePlan(ctx, job.payload.domain, job.lane),
});

async function changePlan(ctx: TaskContext, domain: string, lane: WapiLane): Promise<void> {
  const row = ctx.protections.get(domain);
  // A service not active yet is changed once it is: the daily upkeep compares plans again.
  if (row?.state !== "active") return;
  const username = ctx.inventory.domain(domain)?.username ?? null;
  const policy = await accountPolicy(ctx, username);
  const choice = ctx.plans.choice(domain);
  const target = targetPlan(policy, choice);
  if (!planDiffers(row, target) || target === undefined) {
    if (choice?.state === "waiting") ctx.plans.settleChoice(domain, "done", null);
    return;
  }
  const now = ctx.clock.now();
  const day = dayOf(now, ctx.billingTimeZone);
  const product = productKey({ service: "protection", plan: target.variant, period: target.period });
  const terms = ctx.planBilling.terms({ package: policy.package, product, day });
  const reseller = username === null ? null : (ctx.inventory.account(username)?.creator ?? null);
  const current = productKey({
    service: "protection",
    plan: row.variant as ProtectionPlan,
    period: row.period as BillingPeriod,
  });
  const currentTerms = ctx.planBilling.terms({ package: policy.package, product: current, day });
  if (target.source === "customer" && username !== null && costsMore(terms.retail, currentTerms.retail, target, row)) {
    const verdict = ctx.planBilling.checkSpend({ username, reseller, product, price: terms.retail });
    if (!verdict.allowed) {
      ctx.plans.settleChoice(domain, "refused", verdict.reason);
      return;
    }
  }

  await ctx.wapi.wgp.domainUpdateSubscription(domain, { variant: target.variant, period: target.period }, { lane });
  const at = ctx.clock.now();
  // The plan, the settled choice and the ledger's `change` together: a crash leaves all or none of them.
  ctx.db.transaction(() => {
    ctx.plans.setPlan(domain, target.variant, target.period, at);
    if (choice?.state === "waiting") ctx.plans.settleChoice(domain, "done", null);
    const actor = target.source === "customer" && choice !== undefined ? `customer ${choice.by}` : "panel";
    ctx.billing.changed({ domain, product, at, actor, note: `from ${current}` });
  })();
}

/**
 * Whether the new plan costs the customer more per month than the current one: only then is the spending limit asked
 * (a customer over the limit may still move down). Unknown or incomparable prices count as more (fail safe).
 */
export function costsMore(
  next: Money | null,
  now: Money | null,
  target: { period: BillingPeriod },
  row: { period: string },
): boolean {
  if (next === null || now === null || next.currency !== now.currency) return true;
  const nextMonths = PERIOD_MONTHS[target.period];
  const nowMonths = PERIOD_MONTHS[row.period as BillingPeriod] ?? 1;
  return next.minor * nowMonths > now.minor * nextMonths;
}
