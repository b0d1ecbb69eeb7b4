import { addDays, dayOf, daysBetween, type Day } from "../../billing/calendar.js";
import { parseMoney, type Money } from "../../billing/money.js";
import { productKey, type BillingPeriod, type ProductKey, type ProtectionPlan } from "../../billing/product.js";
import { paidPeriod, renewalStep } from "../../billing/renewal.js";
import type { SaleTerms } from "../../billing/terms.js";
import { PriceBookStore } from "../../store/price-book-store.js";
import { isGone } from "../../wapi/codes.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { defineTask } from "../task-definition.js";
import { accountPolicy } from "./account-policy.js";
import type { TaskContext } from "./context.js";
import { domainPayload } from "./domain-payload.js";

/**
 * renew-protection: before a service's paid period ends, renews it (`wgp-domain-renew`) when its terms say so, or —
 * when they say it lapses — ends it at WEDOS on the day it is no longer paid. The renewal is paid and not idempotent:
 * each attempt first asks WEDOS for the service's expiry, and pays only when the period is not extended yet.
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
  username: string | null;
  reseller: string | null;
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
    username,
    reseller: username === null ? null : (ctx.inventory.account(username)?.creator ?? null),
    variant: row.variant as ProtectionPlan,
    period: row.period as BillingPeriod,
    paidUntil: service.paidUntil,
  };
  const product = productKey({ service: "protection", plan: sale.variant, period: sale.period });
  const today = dayOf(ctx.clock.now(), ctx.billingTimeZone);
  const terms = ctx.planBilling.terms({ package: policy.package, product, day: today });
  const step = renewalStep(today, sale.paidUntil, terms.renewal);
  if (step === "wait") return;
  if (step === "lapse") return lapse(ctx, sale, { product, terms }, lane);

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
    ctx.protections.update(domain, { state: "removed", reason }, ctx.clock.now());
    return;
  }
  let answer: { wholesale: Money | null; reference: string | null; note: string | null };
  if (extended !== undefined) {
    const note = "renewed at WEDOS; its answer was not seen, so its amount is not known";
    answer = { wholesale: null, reference: null, note };
    ctx.plans.setPaidUntil(domain, extended, ctx.clock.now());
  } else {
    const reply = await ctx.wapi.wgp.domainRenew(domain, sale.period, { lane });
    const wholesale = moneyOf(reply.data.amount, reply.data.currency);
    const reference = typeof reply.data.order_num === "string" ? reply.data.order_num : null;
    const now = ctx.clock.now();
    if (wholesale !== null) {
      new PriceBookStore(ctx.db).record({
        product,
        price: wholesale,
        source: "wedos-renew",
        reference,
        seenAt: now,
        enteredBy: null,
      });
    }
    ctx.plans.setPaidUntil(domain, period.until, now);
    answer = { wholesale, reference, note: null };
  }
  if (sale.username === null) return;
  const { wholesale, reference, note } = answer;
  ctx.planBilling.recordCharge({
    eventKey: `protection-renewal:${domain}:${sale.paidUntil}`,
    day: today,
    username: sale.username,
    reseller: sale.reseller,
    domain,
    product,
    terms,
    actor: "daemon",
    reference,
    note,
    wholesale,
    coversFrom: period.from,
    coversTo: period.coversTo,
  });
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

async function lapse(
  ctx: TaskContext,
  sale: Sale,
  sold: { product: ProductKey; terms: SaleTerms },
  lane: WapiLane,
): Promise<void> {
  try {
    await ctx.wapi.wgp.domainDelete(sale.domain, { lane });
  } catch (error) {
    if (!isGone(error)) throw error;
  }
  const now = ctx.clock.now();
  ctx.protections.update(
    sale.domain,
    { state: "removed", reason: `the paid period ended on ${sale.paidUntil} and the offer lets it lapse` },
    now,
  );
  ctx.plans.markLapsed(sale.domain, sale.paidUntil, now);
  if (sale.username === null) return;
  ctx.planBilling.recordStop({
    eventKey: `protection-lapse:${sale.domain}:${sale.paidUntil}`,
    // The last day it was paid for: a stop's day is the last day the service existed.
    day: addDays(sale.paidUntil, -1),
    username: sale.username,
    reseller: sale.reseller,
    domain: sale.domain,
    product: sold.product,
    terms: sold.terms,
    actor: "daemon",
    reference: null,
    note: "lapsed at the end of its paid period",
  });
}

function moneyOf(amount: unknown, currency: unknown): Money | null {
  if ((typeof amount !== "string" && typeof amount !== "number") || typeof currency !== "string") return null;
  try {
    return parseMoney(String(amount), currency);
  } catch {
    return null;
  }
}
