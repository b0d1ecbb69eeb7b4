import type { Clock } from "../clock.js";
import { JobStore, type JobRow } from "../store/job-store.js";
import type { Database } from "../store/database.js";
import type { BudgetOwner } from "../store/wapi-share-store.js";
import { WAPI_LANES, type WapiLane } from "../wapi/lanes.js";

export interface EnqueueOptions {
  /** Repeated jobs with one key collapse into one queued job ("<task>:<domain>"). */
  key?: string;
  lane: WapiLane;
  /** Run no earlier than this many ms from now (e.g. a deletion after the grace period). */
  delayMs?: number;
  maxAttempts?: number;
  /** A customer's action: the account (and reseller) whose fair share its interactive requests count toward. */
  owner?: BudgetOwner | undefined;
}

/** A job as tasks and pages see it. */
export interface Job<P = unknown> extends Omit<JobRow, "payload" | "lane"> {
  payload: P;
  lane: WapiLane;
}

const DEFAULT_MAX_ATTEMPTS = 12;

/**
 * The durable job queue in SQLite. Priority follows the lane (interactive > lifecycle > records > background),
 * so a 10,000-domain import in `background` never delays a new account's zone in `lifecycle`.
 */
export class JobQueue {
  readonly store: JobStore;
  private readonly listeners: Array<() => void> = [];

  constructor(db: Database, private readonly clock: Clock) {
    this.store = new JobStore(db);
  }

  /**
   * Calls `listener` after every job this queue object enqueues (the worker of the same process wakes at once
   * instead of at its next idle look; jobs written by other processes are found by that look).
   */
  onEnqueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  enqueue(task: string, payload: unknown, options: EnqueueOptions): number {
    const now = this.clock.now();
    const id = this.store.enqueue({
      task,
      jobKey: options.key ?? null,
      payload: JSON.stringify(payload),
      lane: options.lane,
      priority: WAPI_LANES.indexOf(options.lane),
      runAt: now + (options.delayMs ?? 0),
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      now,
      owner: options.owner,
    });
    for (const listener of this.listeners) listener();
    return id;
  }

  get(id: number): Job | undefined {
    const row = this.store.get(id);
    return row === undefined ? undefined : toJob(row);
  }
}

export function toJob(row: JobRow): Job {
  return { ...row, payload: JSON.parse(row.payload) as unknown, lane: row.lane as WapiLane };
}
