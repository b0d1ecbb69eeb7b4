import type { Clock } from "../clock.js";
import type { BudgetStatus, WapiPause, WapiStatusView } from "../model/wapi-status.js";
import type { RequestCostStore } from "../store/request-cost-store.js";
import { WAPI_LANES, type WapiLane } from "../wapi/lanes.js";
import { applyDrift } from "./tasks/drift-tasks.js";
import { provisionDomain, removeDomain, syncZone, withdrawZone } from "./tasks/zone-tasks.js";

const HOUR_MS = 3_600_000;

/**
 * What a job costs until enough of its kind have been measured: a new zone with DirectAdmin's default records is
 * one dns-domain-add, eleven dns-row-add and one dns-domain-commit; a change of one record is one listing, one
 * change and one commit. docs/decisions/0034-estimates-from-the-budget-and-measured-costs.md.
 */
export const STARTING_REQUESTS: Readonly<Record<string, number>> = { [provisionDomain.name]: 13 };
const STARTING_REQUESTS_OTHER = 3;
/** Finished jobs of a task needed before their measured mean replaces the starting figure. */
export const MEASURED_AFTER_JOBS = 5;
/** How many of the latest finished jobs of a task the mean is taken over. */
const MEASURED_JOBS = 100;
/** A request's round trip until some have been timed. */
const STARTING_REQUEST_MS = 300;
/** Queued work due later than this is not waiting (a removal after the grace period). */
const WAITING_HORIZON_MS = 24 * HOUR_MS;
/** The tasks that change a domain's zone at WEDOS: while one waits, the zone there is not yet what the panel says. */
const ZONE_CHANGES: readonly string[] = [provisionDomain, syncZone, applyDrift, withdrawZone, removeDomain].map(
  (task) => task.name,
);

/** What one job of a task costs: the measured mean once there are enough measurements, else the starting figure. */
export interface JobCost {
  requests: number;
  /** Finished jobs the figure was measured over; 0 while it is the starting figure. */
  measuredJobs: number;
}

/**
 * When work of a lane will have been sent: `at`, or — while an admin must fix what paused sending — `waitsForAdmin`
 * (no time can be promised). `resumesAt` is when a pause or a spent budget ends, if one holds now.
 */
export type Estimate =
  { kind: "at"; at: number; resumesAt: number | undefined } | { kind: "waits-for-admin"; pause: WapiPause };

/** What holds back sending now: a pause, or this hour's budget for a lane used up. */
export type Blocking =
  | { kind: "paused"; pause: WapiPause }
  | { kind: "budget-spent"; lane: WapiLane; renewsAt: number; used: number; cap: number };

/** The budget's side of an estimate, as {@link sendingFinishes} needs it. */
export interface SendingWindow {
  now: number;
  budget: Pick<BudgetStatus, "used" | "renewsAt" | "caps">;
  lane: WapiLane;
  /** Sending may not start before this (a pause that ends by itself, the fuse). */
  notBefore: number | undefined;
  msPerRequest: number;
}

/**
 * When `requests` more requests of `window.lane` will have been sent: what is left of this hour first, then the
 * lane's cap each following hour, a request every `msPerRequest` meanwhile. Undefined when the lane may never send
 * (a cap of 0).
 */
export function sendingFinishes(requests: number, window: SendingWindow): number | undefined {
  const { budget, lane, msPerRequest } = window;
  const cap = budget.caps[lane];
  const start = Math.max(window.now, window.notBefore ?? window.now);
  if (requests <= 0) return start;
  if (cap <= 0) return undefined;
  const hourEnd = Math.floor(start / HOUR_MS) * HOUR_MS + HOUR_MS;
  const usedThisHour = start < budget.renewsAt ? budget.used : 0;
  const leftThisHour = Math.max(0, cap - usedThisHour);
  if (requests <= leftThisHour) return Math.min(start + requests * msPerRequest, hourEnd);
  const remaining = requests - leftThisHour;
  const moreHours = Math.ceil(remaining / cap);
  const inLastHour = remaining - (moreHours - 1) * cap;
  return hourEnd + (moreHours - 1) * HOUR_MS + Math.min(inLastHour * msPerRequest, HOUR_MS);
}

/**
 * The one place the plugin estimates when work will be at WEDOS: the import's plan and progress, and the pages'
 * "expected by". It uses this hour's budget and each lane's cap (the reserves kept for more urgent work), a pause or
 * the fuse, the queue's waiting jobs, and what finished jobs measurably cost in the call log. Reads only.
 */
export class SendingEstimates {
  constructor(
    private readonly deps: {
      costs: RequestCostStore;
      wapi: WapiStatusView;
      clock: Clock;
    },
  ) {}

  /** What one job of `task` costs. */
  jobCost(task: string): JobCost {
    const measured = this.deps.costs.measuredCost(task, MEASURED_JOBS);
    if (measured.jobs >= MEASURED_AFTER_JOBS)
      return { requests: measured.requests / measured.jobs, measuredJobs: measured.jobs };
    return { requests: STARTING_REQUESTS[task] ?? STARTING_REQUESTS_OTHER, measuredJobs: 0 };
  }

  /** Requests per hour `lane` may use when nothing more urgent takes any. */
  perHour(lane: WapiLane): number {
    return this.deps.wapi.budget().caps[lane];
  }

  /** When `requests` more requests of `lane` will have been sent. */
  finishOf(requests: number, lane: WapiLane): Estimate {
    const pause = this.activePause();
    if (pause !== undefined && !pause.endsByItself) return { kind: "waits-for-admin", pause };
    const now = this.deps.clock.now();
    const budget = this.deps.wapi.budget();
    const notBefore = pause?.retryAt;
    const at = sendingFinishes(requests, {
      now,
      budget,
      lane,
      notBefore,
      msPerRequest: this.deps.costs.meanRequestMs(200) ?? STARTING_REQUEST_MS,
    });
    const spent = budget.used >= budget.caps[lane] ? budget.renewsAt : undefined;
    return {
      kind: "at",
      at: at ?? Number.POSITIVE_INFINITY,
      resumesAt: notBefore !== undefined && notBefore > now ? notBefore : spent,
    };
  }

  /** When the waiting jobs as urgent as `lane` or more will all have been sent (an upper bound for any one of them). */
  queueDrain(lane: WapiLane): Estimate & { jobs: number; requests: number } {
    const priority = WAPI_LANES.indexOf(lane);
    let jobs = 0;
    let requests = 0;
    for (const waiting of this.deps.costs.waitingJobs(this.deps.clock.now() + WAITING_HORIZON_MS)) {
      if (waiting.priority > priority) continue;
      jobs += waiting.jobs;
      requests += waiting.jobs * this.jobCost(waiting.task).requests;
    }
    return { ...this.finishOf(Math.ceil(requests), lane), jobs, requests: Math.ceil(requests) };
  }

  /**
   * Of `domains`, those with zone changes waiting (a queued or running job that changes the zone; a protection order
   * or a drift check is not one), each with when they are expected at WEDOS:
   * the end of the work as urgent as its job or more, or the job's own due time if later.
   */
  forDomains(domains: readonly string[]): Map<string, Estimate> {
    const byLane = new Map<WapiLane, Estimate>();
    const drainOf = (lane: WapiLane): Estimate => {
      const known = byLane.get(lane);
      if (known !== undefined) return known;
      const drain = this.queueDrain(lane);
      byLane.set(lane, drain);
      return drain;
    };
    const estimates = new Map<string, Estimate>();
    const dueBy = this.deps.clock.now() + WAITING_HORIZON_MS;
    for (const waiting of this.deps.costs.waitingFor(domains, ZONE_CHANGES, dueBy)) {
      const drain = drainOf(WAPI_LANES[waiting.priority] ?? "background");
      estimates.set(
        waiting.domain,
        drain.kind === "at" && waiting.runAt > drain.at ? { ...drain, at: waiting.runAt } : drain,
      );
    }
    return estimates;
  }

  /** What holds back sending now, if anything: a pause (the fuse included), or this hour's budget of the lanes that
   * carry the panel's changes (records, new accounts) used up. */
  blocking(): Blocking | undefined {
    const pause = this.activePause();
    if (pause !== undefined) return { kind: "paused", pause };
    const budget = this.deps.wapi.budget();
    for (const lane of ["records", "lifecycle"] as const) {
      if (budget.used >= budget.caps[lane])
        return { kind: "budget-spent", lane, renewsAt: budget.renewsAt, used: budget.used, cap: budget.caps[lane] };
    }
    return undefined;
  }

  /** The pause in force now: the circuit's, or the fuse while it holds (it may hold with the circuit closed). */
  private activePause(): WapiPause | undefined {
    const now = this.deps.clock.now();
    const pause = this.deps.wapi.pause();
    if (pause !== undefined && pause.retryAt > now) return pause;
    const fuse = this.deps.wapi.fuse();
    if (fuse.tripped && fuse.resumesAt !== undefined && fuse.resumesAt > now)
      return {
        reason: "rejected-fuse",
        summary: `${fuse.rejected} requests were rejected in the last hour`,
        seenIp: null,
        retryAt: fuse.resumesAt,
        endsByItself: true,
      };
    return undefined;
  }
}
