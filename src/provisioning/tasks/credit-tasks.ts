import { z } from "zod";
import { dayOf, firstDay, lastDay } from "../../billing/calendar.js";
import { parseMoney } from "../../billing/money.js";
import { monthToReconcile } from "../../billing/reconcile.js";
import { AppError } from "../../errors.js";
import { CreditStore } from "../../store/credit-store.js";
import type { WapiLane } from "../../wapi/lanes.js";
import { defineTask } from "../task-definition.js";
import type { TaskContext } from "./context.js";

/** Which day of a month the previous month's movements are fetched from: WEDOS has had a day to book them. */
const FETCH_FROM_DAY = 2;
/** After a paid order, the balance is read this much later, so orders made together cost one read. */
export const AFTER_ORDER_DELAY_MS = 2 * 60_000;

/**
 * check-credit: reads the WEDOS credit balance (one `credit-info` request) and keeps it with its time. Queued by the
 * reconciler when the newest balance is older than `billing.creditCheckHours`, after each paid order, and by the
 * admin; never by a page view. Queued twice, it runs once (one job key).
 */
export const checkCredit = defineTask({
  name: "check-credit",
  payload: z.object({ trigger: z.enum(["schedule", "order", "admin"]).default("schedule") }),
  domainOf: () => null,
  lane: "background",
  run: async (ctx, job) => {
    await readBalance(ctx, job.payload.trigger, job.lane);
  },
});

async function readBalance(ctx: TaskContext, trigger: "schedule" | "order" | "admin", lane: WapiLane): Promise<void> {
  const reply = await ctx.wapi.account.creditInfo({ lane });
  // The client's `amount` is a float for display; the balance is kept exact from WEDOS's own text.
  const text = reply.fields["amount"];
  if (typeof text !== "string" && typeof text !== "number") {
    throw new AppError(
      "credit_unreadable",
      `credit-info answered without a readable amount (${JSON.stringify(reply.fields).slice(0, 200)}); WEDOS may have changed the answer — check the credit in WEDOS's administration`,
    );
  }
  const balance = parseMoney(String(text), reply.currency ?? "CZK");
  new CreditStore(ctx.db).recordBalance({ at: ctx.clock.now(), balance, trigger });
}

/**
 * fetch-credit-movements: for every month asked for and not yet fetched (credit-store.ts), one `account-list`
 * request for the month's days; the movements replace those stored for the month. The reconciliation (page, CLI)
 * then reads them with the ledger and sends nothing to WEDOS.
 */
export const fetchCreditMovements = defineTask({
  name: "fetch-credit-movements",
  payload: z.object({}),
  domainOf: () => null,
  lane: "background",
  run: async (ctx, job) => {
    const store = new CreditStore(ctx.db);
    const currency = store.latestBalance()?.balance.currency ?? "CZK";
    for (const month of store.monthsToFetch()) {
      const movements = await ctx.wapi.account.accountList(
        { from: firstDay(month), to: lastDay(month), currency },
        { lane: job.lane },
      );
      store.saveMonth(month, movements, ctx.clock.now());
    }
  },
});

/**
 * Asks for a month's movements and queues the fetch (joining one already queued); `by` is who asked ("admin alice",
 * "cli root", "daemon"). Returns the fetch job's ID.
 */
export function requestMonthFetch(
  deps: { db: TaskContext["db"]; queue: Pick<TaskContext["queue"], "enqueue">; now: number },
  month: string,
  by: string,
): number {
  new CreditStore(deps.db).requestMonth(month, by, deps.now);
  return deps.queue.enqueue(fetchCreditMovements, {});
}

/**
 * What the reconciler's hourly run queues for the credit: a balance read when the newest is older than
 * `credit.checkHours`, and, from the second day of a month, the fetch of the month before if nobody asked yet.
 */
export function queueCreditWork(ctx: TaskContext): void {
  const now = ctx.clock.now();
  const store = new CreditStore(ctx.db);
  const latest = store.latestBalance();
  if (latest === undefined || now - latest.at >= ctx.credit.checkHours * 3_600_000) {
    ctx.queue.enqueue(checkCredit, { trigger: "schedule" });
  }
  const previous = monthToReconcile(now, ctx.credit.timeZone);
  if (Number(dayOf(now, ctx.credit.timeZone).slice(8, 10)) >= FETCH_FROM_DAY && store.fetchOf(previous) === undefined) {
    requestMonthFetch({ db: ctx.db, queue: ctx.queue, now }, previous, "daemon");
  }
}
