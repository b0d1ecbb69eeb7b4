import { dayOf } from "../../billing/calendar.js";
import { BILLING_PERIODS, productKey, PROTECTION_PLANS } from "../../billing/product.js";
import type { BillingPeriod, ProtectionPlan } from "../../billing/product.js";
import type { TermsLookup } from "../../billing/terms.js";
import { planChoosable, type Policy } from "../../model/policy.js";
import type { ProtectionPlanStore } from "../../store/protection-plan-store.js";
import type { ProtectionRow } from "../../store/protection-store.js";
import type { AuthenticatedContext } from "../context.js";
import { dayLabel, formatMoney } from "../i18n/money-format.js";
import { actionUrl } from "../origin.js";

/** What the plan section of a domain's page and its change are read from. */
export interface PlanSources {
  store: ProtectionPlanStore;
  /** The offers' sale terms (the retail price shown, renew or lapse); without offers nothing is priced. */
  terms: TermsLookup;
  /** config.billing.timeZone: the day whose terms apply. */
  timeZone: string;
  clock: { now(): number };
}

/** One plan and period the customer may choose, with its retail price per period from the terms. */
export interface PlanOption {
  value: string;
  label: string;
  current: boolean;
}

export interface PlanView {
  current: string;
  paidUntil: string | undefined;
  renewal: string | undefined;
  /** Undefined where the package sets the plan. */
  options: PlanOption[] | undefined;
  /** The choice being carried out, or why the last one was refused. */
  status: string | undefined;
  action: string;
}

type PlanPolicy = Pick<Policy, "protection" | "protectionPeriod" | "planChoice"> & { package: string };

export const planValue = (plan: ProtectionPlan, period: BillingPeriod): string => `${plan}/${period}`;

/** `expert/yearly` → the plan and period, or undefined for anything else. */
export function parsePlanValue(value: string | undefined): { plan: ProtectionPlan; period: BillingPeriod } | undefined {
  const [plan, period, extra] = (value ?? "").split("/");
  if (extra !== undefined || !(PROTECTION_PLANS as readonly string[]).includes(plan ?? "")) return undefined;
  if (!(BILLING_PERIODS as readonly string[]).includes(period ?? "")) return undefined;
  return { plan: plan as ProtectionPlan, period: period as BillingPeriod };
}

export function planLabel(page: AuthenticatedContext, plan: string, period: string): { plan: string; period: string } {
  return {
    plan: page.t(`protection.variant.${plan as ProtectionPlan}`),
    period: page.t(`protection.period.${period as BillingPeriod}`),
  };
}

/** The plan section of an active service's page; undefined while no service runs. */
export function planView(
  page: AuthenticatedContext,
  sources: PlanSources,
  policy: PlanPolicy,
  row: ProtectionRow | undefined,
): PlanView | undefined {
  if (row?.state !== "active" || policy.protection === "off") return undefined;
  const day = dayOf(sources.clock.now(), sources.timeZone);
  const paidUntil = sources.store.service(row.domain)?.paidUntil ?? undefined;
  const priced = (plan: ProtectionPlan, period: BillingPeriod) =>
    sources.terms({ package: policy.package, product: productKey({ service: "protection", plan, period }), day });
  const currentTerms = priced(row.variant as ProtectionPlan, row.period as BillingPeriod);
  const label = (plan: ProtectionPlan, period: BillingPeriod) => {
    const retail = priced(plan, period).retail;
    const names = planLabel(page, plan, period);
    return retail === null
      ? page.t("plan.option.noPrice", names)
      : page.t("plan.option", { ...names, price: formatMoney(page.language, retail) });
  };
  const choice = sources.store.choice(row.domain);
  const chosen = choice === undefined ? undefined : planLabel(page, choice.variant, choice.period);
  const status =
    choice === undefined || chosen === undefined || choice.state === "done"
      ? undefined
      : choice.state === "waiting"
        ? page.t("plan.waiting", chosen)
        : page.t("plan.refused", { ...chosen, reason: choice.reason ?? "" });
  return {
    current: label(row.variant as ProtectionPlan, row.period as BillingPeriod),
    paidUntil: paidUntil === undefined ? undefined : dayLabel(paidUntil, page.language),
    renewal: paidUntil === undefined ? undefined : page.t(`plan.renewal.${currentTerms.renewal}`),
    options: planChoosable(policy)
      ? PROTECTION_PLANS.flatMap((plan) =>
          BILLING_PERIODS.map((period) => ({
            value: planValue(plan, period),
            label: label(plan, period),
            current: plan === row.variant && period === row.period,
          })),
        )
      : undefined,
    status,
    action: actionUrl(page, "/billing/plan/change"),
  };
}
