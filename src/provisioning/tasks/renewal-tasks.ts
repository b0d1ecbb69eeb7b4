import { dayOf, daysBetween, type Day } from "../../billing/calendar.js";
import { productKey, type BillingPeriod, type ProtectionPlan } from "../../billing/product.js";
import { paidPeriod, renewalStep } from "../../billing/renewal.js";
import { isGone } from "../../wapi/codes.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { defineTask } from "../task-definition.js";
import { accountPolicy } from "./account-policy.js";
import type { TaskContext } from "./context.js";
import { domainPayload } from "./domain-payload.js";

/**
 * renew-protection: before a service's paid period ends, renews it (`wgp-domain-renew`) when its terms say so, or —
 * when they say it lapses — ends it at WEDOS on the day it is no longer paid. The renewal is paid and not idempotent:
 * each attempt first asks WEDOS for the service's expiry, and pays only when the period is not extended yet. Only an
 * active service is renewed: a lapsed one (or one ended otherwise) is ordered again only by a person.
 */
export const renewProtection = defineTask({
  name: "renew-protection",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "background",
  run: (ctx, job) => renewOrLapse(ctx, job.payload.domain, job.lane),
});

interface Sale {
  domain: string;
  variant: ProtectionPlan;
  period: BillingPeriod;
  paidUntil: Day;
}

async function renewOrLapse(ctx: TaskContext, domain: string, lane: WapiLane): Promise<void> {
  const row = ctx.protections.get(domain);
  const service = ctx.plans.service(domain);
  if (row?.state !== "active" || service?.paidUntil === null || service === undefined) return;
  const username = ctx.inventory.domain(domain)?.username ?? null;
  const policy = await accountPolicy(ctx, username);
  const sale: Sale = {
    domain,
    variant: row.variant as ProtectionPlan,
    period: row.period as BillingPeriod,
    paidUntil: service.paidUntil,
  };
  const product = productKey({ service: "protection", plan: sale.variant, period: sale.period });
  const today = dayOf(ctx.clock.now(), ctx.billingTimeZone);
  const terms = ctx.planBilling.terms({ package: policy.package, product, day: today });
  const step = renewalStep(today, sale.paidUntil, terms.renewal);
  if (step === "wait") return;
  if (step === "lapse") return lapse(ctx, sale, lane);

  const period = paidPeriod(sale.paidUntil, sale.period);
  // WEDOS may have extended it already: our earlier attempt whose answer was lost, or a renewal of its own (whether
  // WEDOS renews from the credit by itself is not published). Either way the period is paid once, not twice.
  let extended: Day | undefined;
  try {
    extended = await expiryBeyond(ctx, sale, lane);
  } catch (error) {
    if (!isGone(error)) throw error;
    // Ended at WEDOS by someone else: nothing to renew, and nothing more is paid for it.
    const reason = "WEDOS no longer has the service, so it was not renewed";
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      ctx.protections.update(domain, { state: "removed", reason }, now);
      ctx.billing.stopped(domain, "protection", now, "daemon", reason);
    })();
    return;
  }
  const charge = { domain, product, coversFrom: period.from, source: "wedos-renew", actor: "daemon" } as const;
  if (extended !== undefined) {
    const now = ctx.clock.now();
    ctx.db.transaction(() => {
      ctx.plans.setPaidUntil(domain, extended, now);
      const note = "renewed at WEDOS; its answer was not seen, so its amount is not known";
      ctx.billing.protectionCharged({ ...charge, at: now, orderNum: null, amount: null, currency: null, note });
    })();
    return;
  }
  const reply = await ctx.wapi.wgp.domainRenew(domain, sale.period, { lane });
  const now = ctx.clock.now();
  // The new paid-until day and its charge (with WEDOS's amount in the price book) together, once per period.
  ctx.db.transaction(() => {
    ctx.plans.setPaidUntil(domain, period.until, now);
    ctx.billing.protectionCharged({
      ...charge,
      at: now,
      orderNum: textOf(reply.data.order_num),
      amount: textOf(reply.data.amount),
      currency: textOf(reply.data.currency),
    });
  })();
}

/**
 * WEDOS's expiry of the service when it lies a renewal beyond the period being renewed (`wgp-domain-info`, fields
 * ASSUMED). A day or two apart is only a different time zone's calendar; a renewal adds at least 28 days.
 */
async function expiryBeyond(ctx: TaskContext, sale: Sale, lane: WapiLane): Promise<Day | undefined> {
  const info = await ctx.wapi.wgp.domainInfo(sale.domain, { lane });
  const fields = (info.data.domain ?? info.data) as Record<string, unknown>;
  const expiry = typeof fields.expiration_date === "string" ? fields.expiration_date.slice(0, 10) : "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiry)) return undefined;
  return daysBetween(sale.paidUntil, expiry) >= EXTENDED_DAYS ? expiry : undefined;
}

/** How much later than our paid-until day WEDOS's expiry must be to count as renewed already. */
const EXTENDED_DAYS = 14;

async function lapse(ctx: TaskContext, sale: Sale, lane: WapiLane): Promise<void> {
  try {
    await ctx.wapi.wgp.domainDelete(sale.domain, { lane });
  } catch (error) {
    if (!isGone(error)) throw error;
  }
  const now = ctx.clock.now();
  const reason = `the paid period ended on ${sale.paidUntil} and the offer lets it lapse`;
  ctx.db.transaction(() => {
    ctx.protections.update(sale.domain, { state: "removed", reason }, now);
    ctx.plans.markLapsed(sale.domain, sale.paidUntil, now);
    ctx.billing.lapsed(sale.domain, sale.paidUntil, now);
  })();
}

/** A field of WEDOS's answer as it wrote it (amounts may come as numbers), or null when it wrote none. */
function textOf(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}
