import type { Database } from "./database.js";
import { inScope, type DomainScope } from "./domain-listing.js";
import type { JobRow } from "./job-store.js";

/** How a job that will not run again was put aside (jobs.settled, migration 22). */
export type JobSettled = "recovered" | "dismissed" | "cancelled";

/** The jobs table's columns as a JobRow (the job store reads rows with them too). */
export const JOB_COLUMNS = `id, task, job_key AS jobKey, domain, payload, lane, priority, state, attempts, max_attempts AS maxAttempts,
  run_at AS runAt, locked_by AS lockedBy, locked_until AS lockedUntil, last_error AS lastError, last_error_code AS lastErrorCode,
  created_at AS createdAt, updated_at AS updatedAt, finished_at AS finishedAt, account, reseller,
  progressed_at AS progressedAt, backoff_step AS backoffStep`;

/**
 * The jobs as people look at them: the work waiting within a tenant's scope (jobs of the scope's domains; jobs about
 * no single domain only for the admin's "all"), and the ways a job is put aside without running: settled when its
 * domain recovered, dismissed by an admin, a scheduled removal cancelled.
 */
export class JobLists {
  constructor(private readonly db: Database) {}

  /** Queued and running jobs of the scope, running first, then by when they are due; at most `limit`. */
  waiting(scope: DomainScope, limit: number): JobRow[] {
    const { sql, params } = this.scoped(scope);
    return this.db
      .prepare<[Record<string, string | number>], JobRow>(
        `SELECT ${JOB_COLUMNS} FROM jobs WHERE state IN ('queued', 'running') AND ${sql}
         ORDER BY state = 'queued', run_at, id LIMIT @limit`,
      )
      .all({ ...params, limit });
  }

  /** How many jobs of the scope are queued or running. */
  waitingCount(scope: DomainScope): number {
    const { sql, params } = this.scoped(scope);
    return (
      this.db
        .prepare<[Record<string, string>], { n: number }>(
          `SELECT COUNT(*) AS n FROM jobs WHERE state IN ('queued', 'running') AND ${sql}`,
        )
        .get(params)?.n ?? 0
    );
  }

  /** An admin puts a failed job aside (its error stays with it); false when `id` is not a failed job. */
  dismiss(id: number, now: number): boolean {
    return (
      this.db
        .prepare(
          "UPDATE jobs SET state = 'done', settled = 'dismissed', updated_at = @now WHERE id = @id AND state = 'dead'",
        )
        .run({ id, now }).changes === 1
    );
  }

  /** Cancels the queued (not yet running) job with this key, noting why; false when none is queued. */
  cancel(jobKey: string, note: string, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE jobs SET state = 'done', settled = 'cancelled', last_error = @note, finished_at = @now,
             updated_at = @now
           WHERE job_key = @jobKey AND state = 'queued'`,
        )
        .run({ jobKey, note, now }).changes > 0
    );
  }

  /** Settles the failed jobs of job `id`'s domain whose task is one of `tasks`: that domain has recovered. */
  settleRecovered(id: number, tasks: readonly string[], now: number): void {
    this.db
      .prepare(
        `UPDATE jobs SET state = 'done', settled = 'recovered', updated_at = @now
         WHERE state = 'dead' AND id != @id AND domain IS NOT NULL
           AND domain = (SELECT domain FROM jobs WHERE id = @id) AND task IN (SELECT value FROM json_each(@tasks))`,
      )
      .run({ id, now, tasks: JSON.stringify(tasks) });
  }

  /** How the job was put aside, if it was. */
  settled(id: number): JobSettled | undefined {
    return (
      this.db.prepare<[number], { settled: JobSettled | null }>("SELECT settled FROM jobs WHERE id = ?").get(id)
        ?.settled ?? undefined
    );
  }

  private scoped(scope: DomainScope): { sql: string; params: Record<string, string> } {
    if (scope.kind === "all") return { sql: "1", params: {} };
    const { sql, params } = inScope(scope);
    return { sql: `domain IN (SELECT domain FROM domains WHERE ${sql})`, params };
  }
}
