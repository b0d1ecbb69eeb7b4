import type { Clock } from "../clock.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { BudgetOwner } from "../store/wapi-share-store.js";
import type { WapiBudget } from "../wapi/budget.js";
import type { JobQueue } from "./queue.js";
import { jobKey } from "./task-definition.js";
import { purgeCache } from "./tasks/protection-tasks.js";
import { syncZone } from "./tasks/zone-tasks.js";

/** The actions a customer may ask for on a domain's page that cost WAPI requests each time. */
export const CUSTOMER_TASKS = { syncZone, purgeCache } as const;
export type CustomerTask = keyof typeof CUSTOMER_TASKS;

/**
 * What became of a click: `queued` runs now; `joined` found the same action already waiting and joined it;
 * `running` found it being done (nothing new is queued); `cooling` is queued for the end of the domain's cooldown;
 * `overShare` is queued for the next hour because the account or its reseller used its share of this one.
 */
export interface ActionAnswer {
  jobId: number;
  outcome: "queued" | "joined" | "running" | "cooling" | "overShare";
  /** When the job runs (now for `queued`, `joined` and `running`). */
  runAt: number;
  /** When the same action last finished, if it did. */
  lastRan: number | undefined;
}

/**
 * A customer's Sync now and Purge cache (docs/decisions/0015-fair-shares-of-the-budget.md). A purge, and a sync of a
 * domain that is in sync as far as the plugin knows (it would change nothing), run at most once per cooldown: a click
 * within it is queued for its end, and every further click joins that one queued job, so hammering the button costs
 * one run per cooldown. A sync of a domain that is not in sync (waiting, refused, in error) runs at once. Work the
 * panel needs anyway (a hook's sync of the same domain, due now) is never held back: the queue merges the two and
 * keeps the earlier time. Customers' jobs carry their account and reseller, whose fair shares the worker's job
 * selection and the budget apply.
 */
export class CustomerActions {
  /** The cooldown in minutes, as the pages name it. */
  readonly cooldownMinutes: number;

  constructor(
    private readonly deps: {
      queue: JobQueue;
      inventory: InventoryStore;
      budget: Pick<WapiBudget, "overShare" | "fairShare">;
      clock: Clock;
      cooldownMs: number;
    },
  ) {
    this.cooldownMinutes = deps.cooldownMs / 60_000;
  }

  /** Queues (or joins) `task` on `domain`; `forCustomer` false for an admin, whose clicks count toward no share. */
  request(task: CustomerTask, domain: string, forCustomer: boolean): ActionAnswer {
    const { queue, budget, clock, cooldownMs } = this.deps;
    const definition = CUSTOMER_TASKS[task];
    const key = jobKey(definition, { domain });
    const now = clock.now();
    const lastRan = queue.lastFinished(key);
    const active = queue.active(key);
    if (active?.state === "running") return { jobId: active.id, outcome: "running", runAt: now, lastRan };
    const row = this.deps.inventory.domain(domain);
    const owner = forCustomer ? this.ownerOf(row?.username ?? null) : undefined;
    const changesNothing = task === "purgeCache" || row?.dnsStatus === "active";
    const coolUntil = lastRan === undefined || !changesNothing ? now : Math.max(now, lastRan + cooldownMs);
    const shareUntil = owner !== undefined && budget.overShare(owner) ? budget.fairShare().renewsAt : now;
    const wanted = Math.max(coolUntil, shareUntil);
    const jobId = queue.enqueue(definition, { domain }, { lane: "interactive", owner, delayMs: wanted - now });
    const runAt = queue.get(jobId)?.runAt ?? wanted;
    const wasDue = active !== undefined && active.runAt <= now;
    // Read the clock again: a real one has moved on since `now`, and the queue stored its own "now".
    const readAt = clock.now();
    if (runAt <= readAt) return { jobId, outcome: wasDue ? "joined" : "queued", runAt: readAt, lastRan };
    return { jobId, outcome: shareUntil > coolUntil ? "overShare" : "cooling", runAt, lastRan };
  }

  private ownerOf(username: string | null): BudgetOwner | undefined {
    if (username === null) return undefined;
    return { account: username, reseller: this.deps.inventory.account(username)?.creator ?? null };
  }
}
