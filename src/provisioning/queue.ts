import type { DomainScope } from "../store/domain-listing.js";
import type { Reason } from "../model/reason.js";
import type { AttemptOutcome, JobRow, JobState, ShareCaps } from "../store/job-store.js";
import type { BudgetOwner } from "../store/wapi-share-store.js";
import type { WapiLane } from "../wapi/lanes.js";
import type { TaskDefinition } from "./task-definition.js";

export interface EnqueueOptions {
  /** Another lane than the task's own (a person's click on work the hooks usually queue). */
  lane?: WapiLane;
  /** Run no earlier than this many ms from now (e.g. a deletion after the grace period). */
  delayMs?: number;
  maxAttempts?: number;
  /** A customer's action: the account (and reseller) whose fair share its interactive requests count toward. */
  owner?: BudgetOwner | undefined;
}

/**
 * A job as tasks and pages see it; `P` is the payload once its task's schema passed it (`unknown` before). `domain`
 * is the domain it concerns (pages scope jobs to a tenant by it), null for work about no single domain.
 */
export interface Job<P = unknown> extends Omit<JobRow, "payload" | "lane"> {
  payload: P;
  lane: WapiLane;
}

/** What the worker does with a job it holds, once the job ran (or could not). */
export interface JobSettling {
  /** Back to the queue for `runAt`, the attempt counted as `attempt` says (store/job-store.ts AttemptOutcome). */
  requeue(id: number, worker: string, runAt: number, error: Reason, attempt: AttemptOutcome): Promise<void>;
  /** A dead letter, kept with its error until an admin retries it. */
  bury(id: number, worker: string, error: Reason): Promise<void>;
  /** Marks it done, with `note` when it ended without work to do; false when the worker no longer holds it. */
  complete(id: number, worker: string, note?: Reason): Promise<boolean>;
  /** Gives a held job back at once: its worker died (the attempt counts) or is stopping (`giveBack`). */
  release(id: number, worker: string, giveBack?: boolean): Promise<boolean>;
}

/**
 * The durable job queue. Priority follows the lane (interactive > lifecycle > records > background), so a
 * 10,000-domain import in `background` never delays a new account's zone in `lifecycle`. One key has at most one
 * queued job; no two jobs of one key, nor of one domain, run at once (the per-domain lock).
 *
 * The worker's side returns promises, ready for a queue in a network database; the side pages and hook ingestion
 * use is synchronous for now (docs/decisions/0022-typed-tasks-and-the-queue-interface.md says why).
 */
export interface JobQueue extends JobSettling {
  /** Queues `payload` for `task` (or joins the queued job of the same key); returns the job's id. */
  enqueue<P>(
    task: Pick<TaskDefinition<P>, "name" | "payload" | "domainOf" | "lane">,
    payload: P,
    options?: EnqueueOptions,
  ): number;
  /**
   * Calls `listener` after every job this queue object enqueues (the worker of the same process wakes at once
   * instead of at its next idle look; jobs written by other processes are found by that look).
   */
  onEnqueued(listener: () => void): void;
  get(id: number): Job | undefined;
  /** The newest queued or running job with this key (an action a page already queued), if any. */
  active(jobKey: string): Job | undefined;
  /** When a job with this key last finished (done or failed), if ever: the start of a customer action's cooldown. */
  lastFinished(jobKey: string): number | undefined;
  list(filter: { states?: readonly JobState[]; limit: number }): Job[];
  countsByState(): Record<JobState, number>;
  /** An admin's retry of a failed job (or a queued one, at once); false when there is no such job to retry. */
  retry(id: number): boolean;
  /** Queued and running jobs of a tenant's domains (`all`: every job), running first, then by when they are due. */
  waiting(scope: DomainScope, limit: number): Job[];
  /** How many jobs `waiting` would list without a limit. */
  waitingCount(scope: DomainScope): number;
  /** An admin puts a failed job aside, its error kept with it; false when `id` is not a failed job. */
  dismiss(id: number): boolean;
  /** Cancels the queued job with this key (not one already running), noting why; false when none is queued. */
  cancel(jobKey: string, note: string): boolean;

  /** Takes the most urgent ready job, or — with `only` — that job if it is ready and free to run. */
  claim(
    worker: string,
    leaseMs: number,
    options?: { shares?: ShareCaps | undefined; only?: number },
  ): Promise<Job | undefined>;
  /** Running jobs and who holds them, for finding the ones whose worker process died. */
  holders(): Promise<Array<{ id: number; lockedBy: string }>>;
  /** The earliest time a queued job becomes due, for the worker's sleep. */
  nextRunAt(): Promise<number | undefined>;
}
