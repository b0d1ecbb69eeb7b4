import { z } from "zod";
import { isGone } from "../../wapi/codes.js";
import { WapiResultError } from "../../wapi/errors.js";
import { normaliseList } from "../../wapi/lists.js";
import { protectionWanted } from "../../model/policy.js";
import type { WapiLane } from "../../wapi/lanes.js";
import type { ProtectionRow } from "../../store/protection-store.js";
import { protectionSpendRefusal } from "../spend-check.js";
import { defineTask, type TaskResult } from "../task-definition.js";
import { foundForeign } from "./adoption-found.js";
import { accountPolicy } from "./account-policy.js";
import { AFTER_ORDER_DELAY_MS, checkCredit } from "./credit-tasks.js";
import type { TaskContext } from "./context.js";
import { domainPayload } from "./domain-payload.js";

/** How long after an order the first look for its outcome is made. */
const FIRST_POLL_DELAY_MS = 60_000;
/** Notifications read per poll job (each is two requests: poll-req and poll-ack). */
const MAX_NOTIFICATIONS_PER_POLL = 25;

/**
 * protect-domain: orders WEDOS Global for the domain per its package policy. The order is paid and not
 * idempotent: a row is written before it is sent, and a row left "ordering" by a crash is first looked up at
 * WEDOS instead of being ordered again.
 */
export const protectDomain = defineTask({
  name: "protect-domain",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "lifecycle",
  progressLabel: "progress.task.protectOn",
  run: (ctx, job) => orderProtection(ctx, job.payload.domain, job.lane),
});

async function orderProtection(ctx: TaskContext, domain: string, lane: WapiLane): Promise<TaskResult> {
  const row = ctx.inventory.domain(domain);
  if (row === undefined || row.state !== "active") return;
  const account = row.username === null ? undefined : ctx.inventory.account(row.username);
  const policy = await accountPolicy(ctx, row.username);
  // The latest choice counts: a switch-off made while this job waited means it has nothing to order.
  if (!protectionWanted(policy, ctx.protections.choice(domain)?.wanted)) return;
  if (policy.protection === "off") return;
  const existing = ctx.protections.get(domain);
  // A failed order may be ordered again (the list below is read first, so nothing is ordered twice).
  if (existing !== undefined && !["ordering", "removed", "error"].includes(existing.state)) return;
  // A row left "ordering" is looked up below whatever else holds: it may have been sent.
  if (existing?.state !== "ordering" && waitsForPersonAfterLapse(ctx, domain)) return;
  const now = ctx.clock.now();
  // Third-level and deeper names can only use cname mode (docs/reference/wapi.md#wedos-global-protection).
  const mode = domain.split(".").length > 2 ? "cname" : policy.protectionMode;
  const upstreamIps = account?.ips ?? [];
  // A row left "ordering" by a crash may have been sent: it is looked up below, never refused.
  if (existing?.state !== "ordering") {
    const refusal = protectionSpendRefusal(ctx.spending, row.username, policy, now);
    if (refusal !== undefined) {
      // Nothing is sent: the row says why the order failed, and a new order can be made once the limit allows.
      const order = { domain, variant: policy.protection, period: policy.protectionPeriod, mode, upstreamIps };
      ctx.db.transaction(() => {
        ctx.protections.recordOrdering(order, now);
        ctx.protections.update(domain, { state: "error", reason: refusal.detail }, now);
      })();
      return { note: refusal };
    }
  }

  const atWedos = await protectedAtWedos(ctx, domain, lane);
  if (atWedos) {
    if (existing?.state === "ordering") {
      ctx.protections.update(domain, { state: "pending", reason: "ordered; waiting for WEDOS to activate it" }, now);
      schedulePoll(ctx);
    } else {
      foundForeign(
        ctx,
        domain,
        "protection",
        `${domain} is already protected by WEDOS Global under this account, but not through the plugin; it is taken over once the domain's owner approves (or an admin overrides with a reason), or an admin ignores it`,
      );
    }
    return;
  }

  const templateDomainId = policy.protectionTemplate === "" ? undefined : policy.protectionTemplate;
  // The order's row and its fresh start (no paid period, not lapsed any more) together, before it is sent.
  ctx.db.transaction(() => {
    const order = { domain, variant: policy.protection, period: policy.protectionPeriod, mode, upstreamIps };
    ctx.protections.recordOrdering(order, now);
    ctx.plans.startOrder(domain, templateDomainId ?? null, now);
  })();
  try {
    const reply = await ctx.wapi.wgp.domainCreate(
      { domain, variant: policy.protection, period: policy.protectionPeriod, mode, upstreamIps, templateDomainId },
      { lane },
    );
    ctx.protections.update(
      domain,
      {
        state: reply.pending ? "pending" : "active",
        clTRID: reply.clTRID ?? null,
        reason: reply.pending ? waitingReason(mode) : null,
      },
      ctx.clock.now(),
    );
    schedulePoll(ctx);
  } catch (error) {
    const permanent = error instanceof WapiResultError && error.failureClass === "permanent";
    ctx.protections.update(
      domain,
      { state: permanent ? "error" : "ordering", reason: (error as Error).message },
      ctx.clock.now(),
    );
    throw error;
  }
}

/**
 * Whether the domain's service lapsed under its offer and nobody has switched it on since: then nothing orders it
 * by itself (not a sync, the reconciler or a provisioning); only a person's order after the lapse does.
 */
export function waitsForPersonAfterLapse(ctx: Pick<TaskContext, "plans" | "protections">, domain: string): boolean {
  if (ctx.plans.lapsedOn(domain) === undefined) return false;
  const choice = ctx.protections.choice(domain);
  const updatedAt = ctx.protections.get(domain)?.updatedAt ?? 0;
  return !(choice?.wanted === true && choice.at > updatedAt);
}

/**
 * unprotect-domain: the customer (or their reseller or admin) switched protection off on the domain's page.
 * Terminates the WEDOS Global service, unless the latest choice is "on" again, and records the cancellation for
 * billing. A service WEDOS no longer has (3222) counts as terminated.
 */
export const unprotectDomain = defineTask({
  name: "unprotect-domain",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "interactive",
  progressLabel: "progress.task.protectOff",
  run: (ctx, job) => terminateProtection(ctx, job.payload.domain, job.lane),
});

async function terminateProtection(ctx: TaskContext, domain: string, lane: WapiLane): Promise<void> {
  const choice = ctx.protections.choice(domain);
  const existing = ctx.protections.get(domain);
  if (
    choice === undefined ||
    choice.wanted ||
    existing === undefined ||
    !["active", "pending", "cancel-failed"].includes(existing.state)
  )
    return;
  try {
    await ctx.wapi.wgp.domainDelete(domain, { lane });
  } catch (error) {
    if (!isGone(error)) {
      // A refusal is its own state (the service still runs); a passing failure keeps "being switched off".
      if (error instanceof WapiResultError && error.failureClass === "permanent") {
        ctx.protections.update(domain, { state: "cancel-failed", reason: (error as Error).message }, ctx.clock.now());
      }
      throw error;
    }
  }
  const now = ctx.clock.now();
  ctx.protections.update(
    domain,
    { state: "removed", reason: `switched off on the domain's page by ${choice.by}` },
    now,
  );
  ctx.protections.recordBilling({
    at: now,
    username: ctx.inventory.domain(domain)?.username ?? null,
    domain,
    kind: "protection-cancel",
    amount: null,
    currency: null,
    reference: existing.orderNum,
  });
  ctx.billing.stopped(domain, "protection", now, choice.by, "switched off on the domain's page");
}

/** poll-notifications: collects the outcome of orders (poll-req), records prices for billing, acknowledges. */
export const pollNotifications = defineTask({
  name: "poll-notifications",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  run: (ctx, job) => collectNotifications(ctx, job.lane),
});

async function collectNotifications(ctx: TaskContext, lane: WapiLane): Promise<void> {
  for (let read = 0; read < MAX_NOTIFICATIONS_PER_POLL; read++) {
    const notification = await ctx.wapi.account.pollReq({ lane });
    if (notification === undefined) break;
    const data = notification.data ?? {};
    const domain = typeof data.domain === "string" ? data.domain.toLowerCase() : undefined;
    const protection =
      (notification.clTRID === "" ? undefined : ctx.protections.byClTRID(notification.clTRID)) ??
      (domain === undefined ? undefined : ctx.protections.get(domain));
    if (protection !== undefined && notification.command === "wgp-domain-create") {
      const now = ctx.clock.now();
      if (notification.code < 2000) {
        ctx.db.transaction(() => activate(ctx, protection, data, now))();
        // A paid order changed the balance: read it again shortly (orders made together share one read).
        ctx.queue.enqueue(checkCredit, { trigger: "order" }, { delayMs: AFTER_ORDER_DELAY_MS });
      } else {
        ctx.protections.update(
          protection.domain,
          {
            state: "error",
            reason: `WEDOS could not set up protection (code ${notification.code} "${notification.result}")`,
          },
          now,
        );
      }
    }
    await ctx.wapi.account.pollAck(notification.id, { lane });
  }
  if (ctx.protections.pending().length > 0) schedulePoll(ctx, 5 * 60_000);
}

/**
 * An order WEDOS carried out, in one transaction: the service is active, its price is kept for billing, and the
 * ledger has the service running from today and the period WEDOS charged (the activation notification is where WEDOS
 * reports the price, docs/reference/wapi.md).
 */
function activate(ctx: TaskContext, protection: ProtectionRow, data: Record<string, unknown>, now: number): void {
  const text = (value: unknown) => (value === undefined || value === null ? null : String(value));
  const order = { orderNum: text(data.order_num), amount: text(data.amount), currency: text(data.currency) };
  ctx.protections.update(
    protection.domain,
    { state: "active", wgpId: text(data.WGP_ID), ...order, reason: null, activatedAt: now },
    now,
  );
  ctx.protections.recordBilling({
    at: now,
    username: ctx.inventory.domain(protection.domain)?.username ?? null,
    domain: protection.domain,
    kind: "protection-order",
    amount: order.amount,
    currency: order.currency,
    reference: order.orderNum,
  });
  const product = `protection/${protection.variant}/${protection.period}`;
  ctx.billing.started(protection.domain, product, now, "daemon", order.orderNum);
  ctx.billing.protectionCharged({
    domain: protection.domain,
    product,
    at: now,
    ...order,
    source: "wedos-order",
    fallbackReference: protection.clTRID,
    actor: "daemon",
  });
}

/** purge-cache: a person asked for the protection cache to be purged. */
export const purgeCache = defineTask({
  name: "purge-cache",
  payload: domainPayload,
  domainOf: (payload) => payload.domain,
  lane: "interactive",
  progressLabel: "progress.task.purge",
  async run(ctx, job) {
    const { domain } = job.payload;
    if (ctx.protections.get(domain)?.state !== "active") return;
    await ctx.wapi.wgp.domainCachePurge(domain, { lane: job.lane });
  },
});

async function protectedAtWedos(ctx: TaskContext, domain: string, lane: WapiLane): Promise<boolean> {
  // wgp-services-list answers without an error when the domain is absent (wgp-domain-info would count as a
  // rejected request). Its shape is not documented publicly: any list of objects with a domain/name is read.
  const reply = await ctx.wapi.wgp.servicesList({ lane });
  const items = Object.values(reply.data).flatMap((value) => normaliseList(value));
  return items.some(
    (item) =>
      typeof item === "object" &&
      item !== null &&
      [(item as { domain?: unknown }).domain, (item as { name?: unknown }).name].some(
        (name) => typeof name === "string" && name.toLowerCase() === domain,
      ),
  );
}

function schedulePoll(ctx: TaskContext, delayMs = FIRST_POLL_DELAY_MS): void {
  ctx.queue.enqueue(pollNotifications, {}, { delayMs });
}

function waitingReason(mode: string): string {
  return mode === "ns"
    ? "ordered; WEDOS activates it once the domain uses WEDOS's name servers"
    : "ordered; waiting for WEDOS to activate it";
}
