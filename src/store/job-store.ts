import { encodeReason, reason, type Reason } from "../model/reason.js";
import type { Database } from "./database.js";
import { JOB_COLUMNS, JobLists } from "./job-lists.js";
import type { BudgetOwner } from "./wapi-share-store.js";

export type JobState = "queued" | "running" | "done" | "dead";

/**
 * How a failed attempt counts: `failed` uses one of the job's attempts and grows its backoff; `blip` (WEDOS answered
 * its other requests) uses an attempt but starts the backoff afresh; `paused` gives the attempt back (sending was
 * paused, not the job's fault); `progressed` (WEDOS accepted some of its writes) starts both afresh and marks the
 * job half done, to be finished before new work of its lane.
 */
export type AttemptOutcome = "failed" | "blip" | "paused" | "progressed";

export interface JobRow {
  id: number;
  task: string;
  jobKey: string | null;
  /** The domain the job concerns (tenant scope, the per-domain lock); null for work about no single domain. */
  domain: string | null;
  payload: string;
  lane: string;
  priority: number;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  /** The operator's English text of why it last failed, or of why it ended without work (model/reason.ts). */
  lastError: string | null;
  /** That reason's code and parameters (JSON); null when there is none or it was written without one. */
  lastErrorCode: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** The account a customer's job is for (its interactive requests count toward that account's share). */
  account: string | null;
  /** That account's reseller (creator). */
  reseller: string | null;
  /** When an attempt last failed after making progress (see AttemptOutcome); null if none did. */
  progressedAt: number | null;
  /** Failed attempts in a row that found WEDOS failing: the backoff's exponent (see AttemptOutcome). */
  backoffStep: number;
}

/** This hour's fair-share caps (wapi/budget.ts FairShareLimits), as job selection applies them. */
export interface ShareCaps {
  hourStart: number;
  renewsAt: number;
  accountCap: number;
  resellerCap: number;
}

const COLUMNS = JOB_COLUMNS;

export interface NewJob {
  task: string;
  jobKey: string | null;
  domain: string | null;
  payload: string;
  lane: string;
  priority: number;
  runAt: number;
  maxAttempts: number;
  now: number;
  owner?: BudgetOwner | undefined;
}

/** The jobs table. Retry state lives in the row (graphile-worker style); every write is one statement. */
export class JobStore {
  /** The pages' lists of jobs: waiting work within a tenant's scope; dismissing and cancelling. */
  readonly lists: JobLists;
  private readonly db: Database;
  private readonly insert;
  private readonly pickReady;
  private readonly take;
  private readonly deferOverShare;

  constructor(db: Database) {
    this.db = db;
    this.lists = new JobLists(db);
    // A queued job with the same key absorbs the new one: latest payload, earliest time, highest priority. It keeps
    // an owner only while everyone who asked for it is that owner: work the panel or an admin also asked for is
    // nobody's share.
    this.insert = db.prepare<
      [Omit<NewJob, "owner"> & { account: string | null; reseller: string | null }],
      { id: number }
    >(
      `INSERT INTO jobs (task, job_key, domain, payload, lane, priority, state, max_attempts, run_at, created_at, updated_at, account, reseller)
       VALUES (@task, @jobKey, @domain, @payload, @lane, @priority, 'queued', @maxAttempts, @runAt, @now, @now, @account, @reseller)
       ON CONFLICT (job_key) WHERE state = 'queued' AND job_key IS NOT NULL DO UPDATE SET
         payload = excluded.payload,
         run_at = MIN(run_at, excluded.run_at),
         lane = CASE WHEN excluded.priority < priority THEN excluded.lane ELSE lane END,
         priority = MIN(priority, excluded.priority),
         reseller = CASE WHEN account IS excluded.account AND reseller IS excluded.reseller THEN reseller END,
         account = CASE WHEN account IS excluded.account AND reseller IS excluded.reseller THEN account END,
         updated_at = excluded.updated_at
       RETURNING id`,
    );
    // Due interactive jobs of an account or reseller that used its share of the hour wait for the next hour, so
    // they neither take more nor hold up the jobs of others.
    this.deferOverShare = db.prepare<[ShareCaps & { now: number }]>(
      `UPDATE jobs SET run_at = @renewsAt, updated_at = @now
       WHERE state = 'queued' AND lane = 'interactive' AND run_at <= @now AND (
         (account IS NOT NULL AND COALESCE((SELECT used FROM wapi_share s WHERE s.hour_start = @hourStart AND s.kind = 'account' AND s.name = jobs.account), 0) >= @accountCap)
         OR (reseller IS NOT NULL AND COALESCE((SELECT used FROM wapi_share s WHERE s.hour_start = @hourStart AND s.kind = 'reseller' AND s.name = jobs.reseller), 0) >= @resellerCap))`,
    );
    // Ready: queued and due, or running with an expired lease (its worker died); never two of one key, nor two of
    // one domain, at once (a hook's sync and an admin's apply of one zone would plan against each other's writes).
    // With @only, just that job, if it is ready. Within a lane, a half-done job (an attempt made progress) goes first:
    // a half-applied zone is finished before new work starts.
    this.pickReady = db.prepare<[{ now: number; only: number | null }], { id: number }>(
      `SELECT id FROM jobs AS j
       WHERE ((state = 'queued' AND run_at <= @now) OR (state = 'running' AND locked_until < @now))
         AND (@only IS NULL OR id = @only)
         AND (job_key IS NULL OR NOT EXISTS (
           SELECT 1 FROM jobs AS r WHERE r.job_key = j.job_key AND r.id <> j.id AND r.state = 'running' AND r.locked_until >= @now))
         AND (domain IS NULL OR NOT EXISTS (
           SELECT 1 FROM jobs AS r WHERE r.domain = j.domain AND r.id <> j.id AND r.state = 'running' AND r.locked_until >= @now))
       ORDER BY priority, progressed_at IS NULL, run_at, id LIMIT 1`,
    );
    this.take = db.prepare<[{ id: number; worker: string; until: number; now: number }]>(
      `UPDATE jobs SET state = 'running', locked_by = @worker, locked_until = @until, attempts = attempts + 1, updated_at = @now
       WHERE id = @id`,
    );
  }

  enqueue(job: NewJob): number {
    const { owner, ...fields } = job;
    const row = this.insert.get({ ...fields, account: owner?.account ?? null, reseller: owner?.reseller ?? null });
    if (row === undefined) throw new Error(`job ${job.task} was not stored`);
    return row.id;
  }

  /**
   * Takes the most urgent ready job for `worker` until `until` (with `only`, that job if it is ready), or returns
   * undefined. With `shares`, interactive jobs of an account or reseller over its share of the hour are first moved to
   * the next hour.
   */
  claim(
    worker: string,
    now: number,
    until: number,
    options: { shares?: ShareCaps | undefined; only?: number } = {},
  ): JobRow | undefined {
    const { shares, only } = options;
    return this.db
      .transaction(() => {
        if (shares !== undefined) this.deferOverShare.run({ ...shares, now });
        const ready = this.pickReady.get({ now, only: only ?? null });
        if (ready === undefined) return undefined;
        this.take.run({ id: ready.id, worker, until, now });
        return this.get(ready.id);
      })
      .immediate();
  }

  get(id: number): JobRow | undefined {
    return this.db.prepare<[number], JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id);
  }

  /**
   * Marks a job done, keeping `note` (why there was nothing to do) where failed jobs keep their error; false when the
   * worker no longer holds it (its lease expired and another took it). Failed jobs with the same key are settled
   * with it: the work they failed at has now been done; so are failed jobs of the same domain whose task is one of
   * `recovers` (the domain recovered: provisioning/recovery.ts says which tasks a task's success makes moot).
   */
  complete(id: number, worker: string, now: number, note?: Reason, recovers: readonly string[] = []): boolean {
    return this.db.transaction(() => {
      const done =
        this.db
          .prepare(
            "UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, last_error = @detail, last_error_code = @code, finished_at = @now, updated_at = @now WHERE id = @id AND locked_by = @worker AND state = 'running'",
          )
          .run({ id, worker, now, ...storedReason(note) }).changes === 1;
      if (done) this.settleDeadOfKey(id, now);
      if (done && recovers.length > 0) this.lists.settleRecovered(id, recovers, now);
      return done;
    })();
  }

  /** Puts a job back in the queue for `runAt`, its attempt counted as `attempt` says. */
  requeue(id: number, worker: string, runAt: number, error: Reason, attempt: AttemptOutcome, now: number): void {
    this.backToQueue(id, worker, { runAt, error, now }, attempt);
  }

  /** Dead letter: kept with its last error until an admin retries it. */
  bury(id: number, worker: string, error: Reason, now: number): void {
    this.db.transaction(() => {
      const buried =
        this.db
          .prepare(
            "UPDATE jobs SET state = 'dead', last_error = @detail, last_error_code = @code, locked_by = NULL, locked_until = NULL, finished_at = @now, updated_at = @now WHERE id = @id AND locked_by = @worker AND state = 'running'",
          )
          .run({ id, worker, now, ...storedReason(error) }).changes === 1;
      if (buried) this.settleDeadOfKey(id, now);
    })();
  }

  /**
   * Settles (as done, keeping their last error) the older failed jobs with the key of job `id`: each hook event of a
   * domain makes a job, and once one of them succeeded, or failed anew, the older failures are no longer what an
   * admin has to act on. The failed list keeps one job per key, the newest.
   */
  private settleDeadOfKey(id: number, now: number): void {
    this.db
      .prepare(
        "UPDATE jobs SET state = 'done', updated_at = @now WHERE state = 'dead' AND id != @id AND job_key IS NOT NULL AND job_key = (SELECT job_key FROM jobs WHERE id = @id)",
      )
      .run({ id, now });
  }

  /** Running jobs and who holds them, for finding the ones whose worker process died. */
  holders(): Array<{ id: number; lockedBy: string }> {
    return this.db
      .prepare<[], { id: number; lockedBy: string }>(
        "SELECT id, locked_by AS lockedBy FROM jobs WHERE state = 'running' AND locked_by IS NOT NULL",
      )
      .all();
  }

  /**
   * Gives a job back to the queue at once: held by a dead worker (its attempt still counts), or by a worker that is
   * stopping (`giveBack`: the attempt was cut off, not failed).
   */
  release(id: number, lockedBy: string, now: number, giveBack = false): boolean {
    return this.backToQueue(id, lockedBy, { runAt: now, error: null, now }, giveBack ? "paused" : "failed");
  }

  /**
   * Puts a running job back in the queue. When the same work (key) was queued again while it ran, that queued job
   * absorbs it instead — earliest time, highest priority, its own (newer) payload — and this one is settled with a
   * note: one key has at most one queued job (the unique index), so the work runs once, with the latest data.
   * The attempt counts as `attempt` says; a half-done job's mark passes to the queued job that absorbs it.
   */
  private backToQueue(
    id: number,
    worker: string,
    to: { runAt: number; error: Reason | null; now: number },
    attempt: AttemptOutcome,
  ): boolean {
    const progressed = attempt === "progressed";
    return this.db.transaction(() => {
      const held = this.db
        .prepare<{ id: number; worker: string }, { priority: number; lane: string; queued: number | null }>(
          `SELECT r.priority, r.lane, (SELECT q.id FROM jobs q WHERE q.job_key = r.job_key AND q.state = 'queued' AND q.id <> r.id) AS queued
           FROM jobs r WHERE r.id = @id AND r.locked_by = @worker AND r.state = 'running'`,
        )
        .get({ id, worker });
      if (held === undefined) return false;
      if (held.queued === null) {
        this.db
          .prepare(
            `UPDATE jobs SET state = 'queued', run_at = @runAt, last_error = COALESCE(@detail, last_error),
                    last_error_code = CASE WHEN @detail IS NULL THEN last_error_code ELSE @code END, locked_by = NULL, locked_until = NULL,
                    attempts = CASE @attempt WHEN 'progressed' THEN 0 WHEN 'paused' THEN attempts - 1 ELSE attempts END,
                    backoff_step = CASE @attempt WHEN 'failed' THEN backoff_step + 1 WHEN 'paused' THEN backoff_step ELSE 0 END,
                    progressed_at = CASE WHEN @attempt = 'progressed' THEN @now ELSE progressed_at END, updated_at = @now
             WHERE id = @id`,
          )
          .run({ id, runAt: to.runAt, now: to.now, ...storedReason(to.error ?? undefined), attempt });
        return true;
      }
      this.db
        .prepare(
          `UPDATE jobs SET run_at = MIN(run_at, @runAt), lane = CASE WHEN @priority < priority THEN @lane ELSE lane END,
                  priority = MIN(priority, @priority), progressed_at = COALESCE(progressed_at, @progressedAt),
                  updated_at = @now WHERE id = @queued`,
        )
        .run({
          queued: held.queued,
          runAt: to.runAt,
          priority: held.priority,
          lane: held.lane,
          progressedAt: progressed ? to.now : null,
          now: to.now,
        });
      this.db
        .prepare(
          "UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, last_error = @detail, last_error_code = @code, finished_at = @now, updated_at = @now WHERE id = @id",
        )
        .run({ id, now: to.now, ...storedReason(takenOver(held.queued, to.error)) });
      return true;
    })();
  }

  /**
   * Manual retry of a dead job (or a queued one, at once); false when there is no such job to retry. When the same
   * work (job key) is already queued again, that job is run at once instead and the failed one is settled with it:
   * one key has at most one queued job.
   */
  retry(id: number, now: number): boolean {
    return this.db.transaction(() => {
      const waiting = this.db
        .prepare<{ id: number }, { id: number }>(
          "SELECT q.id FROM jobs q JOIN jobs d ON d.job_key = q.job_key WHERE d.id = @id AND d.state = 'dead' AND q.state = 'queued' AND q.id != d.id",
        )
        .get({ id });
      if (waiting !== undefined) {
        this.db
          .prepare("UPDATE jobs SET run_at = MIN(run_at, @now), updated_at = @now WHERE id = @queued")
          .run({ queued: waiting.id, now });
        this.settleDeadOfKey(waiting.id, now);
        return true;
      }
      return (
        this.db
          .prepare(
            "UPDATE jobs SET state = 'queued', attempts = 0, backoff_step = 0, run_at = @now, finished_at = NULL, updated_at = @now WHERE id = @id AND state IN ('dead', 'queued')",
          )
          .run({ id, now }).changes === 1
      );
    })();
  }

  /** When a job with this key last finished (done or failed), if ever: the start of a customer action's cooldown. */
  lastFinished(jobKey: string): number | undefined {
    return (
      this.db
        .prepare<[string], { at: number | null }>("SELECT MAX(finished_at) AS at FROM jobs WHERE job_key = ?")
        .get(jobKey)?.at ?? undefined
    );
  }

  /** The newest queued or running job with this key (an action a page already queued), if any. */
  active(jobKey: string): JobRow | undefined {
    return this.db
      .prepare<[string], JobRow>(
        `SELECT ${COLUMNS} FROM jobs WHERE job_key = ? AND state IN ('queued', 'running') ORDER BY id DESC LIMIT 1`,
      )
      .get(jobKey);
  }

  /** The earliest time a queued job becomes due, for the worker's sleep. */
  nextRunAt(): number | undefined {
    return (
      this.db
        .prepare<[], { at: number | null }>(
          "SELECT MIN(COALESCE(CASE WHEN state = 'queued' THEN run_at END, locked_until)) AS at FROM jobs WHERE state IN ('queued', 'running')",
        )
        .get()?.at ?? undefined
    );
  }

  list(filter: { states?: readonly JobState[]; limit: number }): JobRow[] {
    const states = filter.states ?? ["queued", "running", "done", "dead"];
    const placeholders = states.map(() => "?").join(", ");
    return this.db
      .prepare<unknown[], JobRow>(
        `SELECT ${COLUMNS} FROM jobs WHERE state IN (${placeholders}) ORDER BY id DESC LIMIT ?`,
      )
      .all(...states, filter.limit);
  }

  countsByState(): Record<JobState, number> {
    const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, dead: 0 };
    for (const row of this.db
      .prepare<[], { state: JobState; n: number }>("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state")
      .all())
      counts[row.state] = row.n;
    return counts;
  }
}

/** A reason as its two columns (both null without one). */
function storedReason(value: Reason | undefined): { detail: string | null; code: string | null } {
  return value === undefined ? { detail: null, code: null } : { detail: value.detail, code: encodeReason(value) };
}

/** The note of a job whose work a queued job of the same key absorbed. */
function takenOver(job: number, error: Reason | null): Reason {
  const why = error === null ? "" : ` (${error.detail})`;
  return reason("taken-over", `taken over by job ${job}, the same work queued again${why}`, { job });
}
