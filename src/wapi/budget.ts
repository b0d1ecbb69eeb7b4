import type { Clock } from "../clock.js";
import type { WapiBudgetStore } from "../store/wapi-budget-store.js";
import { nextHourStart } from "./classify.js";
import { WapiBudgetError } from "./errors.js";
import type { WapiLane } from "./lanes.js";
import { pragueClockTime } from "./prague-hour.js";

const HOUR_MS = 3_600_000;

export interface BudgetLimits {
  /** Requests per clock hour for the whole host (WEDOS allows 1000 per account). */
  hourlyLimit: number;
  /** Part of the limit only `interactive` work may use. */
  interactiveReserve: number;
}

/** What the caller wants when the budget is used up: wait for the next hour, or fail at once. */
export type WhenBudgetExhausted = "wait" | "refuse";

/**
 * The hourly WAPI request budget, counted in SQLite so it survives restarts and is shared by every process.
 * Each request takes one unit before it is sent; background lanes stop short of the interactive reserve.
 */
export class WapiBudget {
  constructor(
    private readonly store: WapiBudgetStore,
    private readonly limits: BudgetLimits,
    private readonly clock: Clock,
    /** Aborted when the daemon stops: a wait for the next hour ends at once with the signal's reason. */
    private readonly stopping?: AbortSignal,
  ) {}

  /** Takes one request from the current hour, waiting for the next hour or refusing when none is left. */
  async take(command: string, lane: WapiLane, whenExhausted: WhenBudgetExhausted): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
      const cap = this.capFor(lane);
      if (this.store.tryTake(hourStart, cap) !== undefined) return;
      const renewsAt = nextHourStart(now);
      if (whenExhausted === "refuse") {
        const scope = lane === "interactive" ? "all requests" : `${cap} requests for ${lane} work (${this.limits.interactiveReserve} are kept for interactive actions)`;
        throw new WapiBudgetError(command, `WAPI ${command} not sent: this hour's request budget is used up (${scope} of wapi.hourlyLimit ${this.limits.hourlyLimit}); it renews at ${pragueClockTime(renewsAt)} Prague time`, renewsAt);
      }
      await this.clock.sleep(renewsAt - now, this.stopping);
      this.stopping?.throwIfAborted();
    }
  }

  /** Counts a reply with a WAPI error code and returns how many this hour has had. */
  countRejected(): number {
    return this.store.countRejected(Math.floor(this.clock.now() / HOUR_MS) * HOUR_MS);
  }

  /** This hour's figures, for pages and `doctor`. */
  status(): { hourStart: number; used: number; rejected: number; limit: number; reserve: number; renewsAt: number } {
    const now = this.clock.now();
    const hourStart = Math.floor(now / HOUR_MS) * HOUR_MS;
    const usage = this.store.hour(hourStart);
    return { ...usage, limit: this.limits.hourlyLimit, reserve: this.limits.interactiveReserve, renewsAt: nextHourStart(now) };
  }

  /** Requests and rejections of each of the last `hours` clock hours (the current one last), for the budget chart. */
  history(hours: number): Array<{ hourStart: number; used: number; rejected: number }> {
    const current = Math.floor(this.clock.now() / HOUR_MS) * HOUR_MS;
    const first = current - (hours - 1) * HOUR_MS;
    const stored = new Map(this.store.since(first).map((hour) => [hour.hourStart, hour]));
    return Array.from({ length: hours }, (_, i) => stored.get(first + i * HOUR_MS) ?? { hourStart: first + i * HOUR_MS, used: 0, rejected: 0 });
  }

  private capFor(lane: WapiLane): number {
    return lane === "interactive" ? this.limits.hourlyLimit : this.limits.hourlyLimit - this.limits.interactiveReserve;
  }
}
