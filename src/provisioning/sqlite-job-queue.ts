import type { Clock } from "../clock.js";
import type { Reason } from "../model/reason.js";
import type { Database } from "../store/database.js";
import type { DomainScope } from "../store/domain-listing.js";
import { JobStore, type AttemptOutcome, type JobRow, type JobState, type ShareCaps } from "../store/job-store.js";
import { WAPI_LANES, type WapiLane } from "../wapi/lanes.js";
import type { EnqueueOptions, Job, JobQueue } from "./queue.js";
import { recoveredBy } from "./recovery.js";
import { jobKey, type TaskDefinition } from "./task-definition.js";

const DEFAULT_MAX_ATTEMPTS = 12;

/** The job queue in the plugin's SQLite database (store/job-store.ts holds its SQL). */
export class SqliteJobQueue implements JobQueue {
  private readonly store: JobStore;
  private readonly listeners: Array<() => void> = [];

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.store = new JobStore(db);
  }

  onEnqueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  enqueue<P>(
    task: Pick<TaskDefinition<P>, "name" | "payload" | "domainOf" | "lane">,
    payload: P,
    options: EnqueueOptions = {},
  ): number {
    const now = this.clock.now();
    const lane = options.lane ?? task.lane;
    const id = this.store.enqueue({
      task: task.name,
      jobKey: jobKey(task, payload),
      domain: task.domainOf(payload),
      // What is stored is what the task's schema passes: a job never waits in the queue with a payload it cannot run.
      payload: JSON.stringify(task.payload.parse(payload)),
      lane,
      priority: WAPI_LANES.indexOf(lane),
      runAt: now + (options.delayMs ?? 0),
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      now,
      owner: options.owner,
    });
    for (const listener of this.listeners) listener();
    return id;
  }

  get(id: number): Job | undefined {
    return maybeJob(this.store.get(id));
  }

  active(key: string): Job | undefined {
    return maybeJob(this.store.active(key));
  }

  lastFinished(key: string): number | undefined {
    return this.store.lastFinished(key);
  }

  list(filter: { states?: readonly JobState[]; limit: number }): Job[] {
    return this.store.list(filter).map((row) => toJob(row));
  }

  countsByState(): Record<JobState, number> {
    return this.store.countsByState();
  }

  retry(id: number): boolean {
    return this.store.retry(id, this.clock.now());
  }

  claim(
    worker: string,
    leaseMs: number,
    options: { shares?: ShareCaps | undefined; only?: number } = {},
  ): Promise<Job | undefined> {
    const now = this.clock.now();
    return Promise.resolve(maybeJob(this.store.claim(worker, now, now + leaseMs, options)));
  }

  holders(): Promise<Array<{ id: number; lockedBy: string }>> {
    return Promise.resolve(this.store.holders());
  }

  nextRunAt(): Promise<number | undefined> {
    return Promise.resolve(this.store.nextRunAt());
  }

  complete(id: number, worker: string, note?: Reason): Promise<boolean> {
    const recovers = recoveredBy(this.store.get(id)?.task, note);
    return Promise.resolve(this.store.complete(id, worker, this.clock.now(), note, recovers));
  }

  waiting(scope: DomainScope, limit: number): Job[] {
    return this.store.lists.waiting(scope, limit).map((row) => toJob(row));
  }

  waitingCount(scope: DomainScope): number {
    return this.store.lists.waitingCount(scope);
  }

  dismiss(id: number): boolean {
    return this.store.lists.dismiss(id, this.clock.now());
  }

  cancel(key: string, note: string): boolean {
    return this.store.lists.cancel(key, note, this.clock.now());
  }

  requeue(id: number, worker: string, runAt: number, error: Reason, attempt: AttemptOutcome): Promise<void> {
    this.store.requeue(id, worker, runAt, error, attempt, this.clock.now());
    return Promise.resolve();
  }

  bury(id: number, worker: string, error: Reason): Promise<void> {
    this.store.bury(id, worker, error, this.clock.now());
    return Promise.resolve();
  }

  release(id: number, worker: string, giveBack = false): Promise<boolean> {
    return Promise.resolve(this.store.release(id, worker, this.clock.now(), giveBack));
  }
}

function maybeJob(row: JobRow | undefined): Job | undefined {
  return row === undefined ? undefined : toJob(row);
}

/** The row as tasks and pages see it: the payload as JSON (kept as text when it is not JSON, for the job to fail on). */
function toJob(row: JobRow): Job {
  return { ...row, payload: parseJson(row.payload), lane: row.lane as WapiLane };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
