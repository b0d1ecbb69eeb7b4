import type { Clock } from "../clock.js";
import type { BudgetStatus, HourUsage } from "../model/wapi-status.js";
import type { WapiBudgetStore } from "../store/wapi-budget-store.js";
import type { BudgetOwner, WapiShareStore } from "../store/wapi-share-store.js";
import { currentOwner } from "./budget-owner.js";
import { nextHourStart } from "./classify.js";
import { WapiBudgetError } from "./errors.js";
import type { WapiLane } from "./lanes.js";
import { pragueClockTime } from "./prague-hour.js";

const HOUR_MS = 3_600_000;

export interface BudgetLimits {
  /** Requests per clock hour for the whole host (WEDOS allows 1000 per account). */
  hourlyLimit: number;
  /** Part of the limit only `interactive` (and `lifecycle`) work may use. */
  interactiveReserve: number;
  /** Part of the limit only `lifecycle` work (new and removed accounts) may use; default 0. */
  lifecycleReserve?: number;
  /** Largest part of the limit (0–1) one account's interactive requests may use in an hour; default all. */
  accountShare?: number;
  /** Largest part of the limit (0–1) the interactive requests of one reseller's accounts may use; default all. */
  resellerShare?: number;
}

/** This hour's fair-share caps, as the worker's job selection applies them. */
export interface FairShareLimits {
  hourStart: number;
  /** When the hour's counts start afresh: jobs of an owner over its share wait until then. */
  renewsAt: number;
  accountCap: number;
  resellerCap: number;
}

/** What the caller wants when the budget is used up: wait for the next hour, or fail at once. */
export type WhenBudgetExhausted = "wait" | "refuse";

/**
 * The hourly WAPI request budget, counted in SQLite so it survives restarts and is shared by every process.
 * Each request takes one unit before it is sent. Reserves stack: records and background work stop short of the
 * interactive and lifecycle reserves, interactive work short of the lifecycle reserve, and lifecycle work may use
 * it all. Interactive requests made for a customer's job are also counted toward their account's and reseller's
 * fair shares (docs/decisions/0015-fair-shares-of-the-budget.md).
 */
export class WapiBudget {
  constructor(
    private readonly store: WapiBudgetStore,
    private readonly limits: BudgetLimits,
    private readonly clock: Clock,
    private readonly shares?: WapiShareStore,
    /** Aborted when the daemon stops: a wait for the next hour ends at once with the signal's reason. */
    private readonly stopping?: AbortSignal,
  ) {}

  /** Takes one request from the current hour, waiting for the next hour or refusing when none is left. */
  async take(command: string, lane: WapiLane, whenExhausted: WhenBudgetExhausted): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
      const cap = this.capFor(lane);
      if (this.store.tryTake(hourStart, cap) !== undefined) {
        const owner = lane === "interactive" ? currentOwner() : undefined;
        if (owner !== undefined) this.shares?.charge(hourStart, owner);
        return;
      }
      const renewsAt = nextHourStart(now);
      if (whenExhausted === "refuse") {
        const scope = this.scopeOf(lane, cap);
        throw new WapiBudgetError(
          command,
          `WAPI ${command} not sent: this hour's request budget is used up (${scope} of wapi.hourlyLimit ${this.limits.hourlyLimit}); it renews at ${pragueClockTime(renewsAt)} Prague time`,
          renewsAt,
        );
      }
      await this.clock.sleep(renewsAt - now, this.stopping);
      this.stopping?.throwIfAborted();
    }
  }

  /** Counts a reply with a WAPI error code and returns how many this hour has had. */
  countRejected(): number {
    return this.store.countRejected(Math.floor(this.clock.now() / HOUR_MS) * HOUR_MS);
  }

  /** This hour's figures, for pages and `doctor`; `reserve` is what records and background work may not use. */
  status(): BudgetStatus {
    const now = this.clock.now();
    const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
    const usage = this.store.hour(hourStart);
    return {
      ...usage,
      limit: this.limits.hourlyLimit,
      reserve: this.limits.hourlyLimit - this.capFor("background"),
      renewsAt: nextHourStart(now),
      caps: {
        interactive: this.capFor("interactive"),
        lifecycle: this.capFor("lifecycle"),
        records: this.capFor("records"),
        background: this.capFor("background"),
      },
    };
  }

  /** This hour's caps of one account's and one reseller's interactive requests. */
  fairShare(): FairShareLimits {
    const now = this.clock.now();
    const cap = (share: number | undefined) => Math.max(1, Math.floor(this.limits.hourlyLimit * (share ?? 1)));
    return {
      hourStart: Math.floor(now / HOUR_MS) * HOUR_MS,
      renewsAt: nextHourStart(now),
      accountCap: cap(this.limits.accountShare),
      resellerCap: cap(this.limits.resellerShare),
    };
  }

  /** Whether `owner` has used its account's or its reseller's share of this hour's interactive requests. */
  overShare(owner: BudgetOwner): boolean {
    const limits = this.fairShare();
    const used = this.shares?.used(limits.hourStart, owner) ?? { account: 0, reseller: 0 };
    return used.account >= limits.accountCap || used.reseller >= limits.resellerCap;
  }

  /** Requests and rejections of each of the last `hours` clock hours (the current one last), for the budget chart. */
  history(hours: number): HourUsage[] {
    const current = Math.floor(this.clock.now() / HOUR_MS) * HOUR_MS;
    const first = current - (hours - 1) * HOUR_MS;
    const stored = new Map(this.store.since(first).map((hour) => [hour.hourStart, hour]));
    return Array.from(
      { length: hours },
      (_, i) => stored.get(first + i * HOUR_MS) ?? { hourStart: first + i * HOUR_MS, used: 0, rejected: 0 },
    );
  }

  private capFor(lane: WapiLane): number {
    const { hourlyLimit, interactiveReserve, lifecycleReserve = 0 } = this.limits;
    if (lane === "lifecycle") return hourlyLimit;
    if (lane === "interactive") return hourlyLimit - lifecycleReserve;
    return hourlyLimit - interactiveReserve - lifecycleReserve;
  }

  /** What a lane may use, in words, for the message of a refused request. */
  private scopeOf(lane: WapiLane, cap: number): string {
    const { interactiveReserve, lifecycleReserve = 0 } = this.limits;
    const forLifecycle = lifecycleReserve > 0 ? `${lifecycleReserve} are kept for new and removed accounts` : "";
    if (lane === "lifecycle") return "all requests";
    if (lane === "interactive")
      return forLifecycle === "" ? "all requests" : `${cap} requests for interactive actions (${forLifecycle})`;
    const kept = [`${interactiveReserve} are kept for interactive actions`, forLifecycle]
      .filter((part) => part !== "")
      .join(", ");
    return `${cap} requests for ${lane} work (${kept})`;
  }
}
