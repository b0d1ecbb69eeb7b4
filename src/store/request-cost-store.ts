import type { Database } from "./database.js";

/** What the latest finished jobs of one task cost in WAPI requests, all attempts included. */
export interface MeasuredCost {
  /** Finished jobs measured (at most the number asked for). */
  jobs: number;
  /** Their requests together. */
  requests: number;
}

/** Jobs waiting in the queue, by task and priority (0 interactive … 3 background). */
export interface WaitingJobs {
  task: string;
  priority: number;
  jobs: number;
}

/** The queued or running work of one domain: its most urgent job's priority and when it is due. */
export interface DomainWaiting {
  domain: string;
  priority: number;
  runAt: number;
}

/**
 * The inputs of the estimates (provisioning/estimate.ts), read from the queue and the WAPI call log: what finished
 * jobs cost, what is waiting, how long a request takes. A job's cost is counted in the call log: the requests about
 * its domain between its queueing and its end (one job of a domain runs at a time, so they are its own, retries
 * included). Reads only.
 */
export class RequestCostStore {
  private readonly costOf;
  private readonly waiting;
  private readonly waitingOf;
  private readonly duration;

  constructor(db: Database) {
    this.costOf = db.prepare<[{ task: string; limit: number }], MeasuredCost>(
      `SELECT COUNT(*) AS jobs, COALESCE(SUM(requests), 0) AS requests FROM (
         SELECT (SELECT COUNT(*) FROM wapi_calls c
                 WHERE c.domain = j.domain AND c.at BETWEEN j.created_at AND j.finished_at) AS requests
         FROM jobs j WHERE j.task = @task AND j.state = 'done' AND j.domain IS NOT NULL AND j.finished_at IS NOT NULL
         ORDER BY j.finished_at DESC LIMIT @limit)`,
    );
    this.waiting = db.prepare<[number], WaitingJobs>(
      `SELECT task, priority, COUNT(*) AS jobs FROM jobs
       WHERE (state = 'queued' AND run_at <= ?) OR state = 'running' GROUP BY task, priority`,
    );
    // One statement for a page's domains (a JSON array), each through the jobs_by_domain index.
    this.waitingOf = db.prepare<[{ domains: string; tasks: string; dueBy: number }], DomainWaiting>(
      `SELECT j.domain, MIN(j.priority) AS priority, MIN(j.run_at) AS runAt
       FROM json_each(@domains) AS d JOIN jobs AS j ON j.domain = d.value
       WHERE ((j.state = 'queued' AND j.run_at <= @dueBy) OR j.state = 'running')
         AND j.task IN (SELECT value FROM json_each(@tasks))
       GROUP BY j.domain`,
    );
    this.duration = db.prepare<[number], { ms: number | null }>(
      "SELECT AVG(duration_ms) AS ms FROM (SELECT duration_ms FROM wapi_calls ORDER BY id DESC LIMIT ?)",
    );
  }

  /** The requests of the latest `limit` finished jobs of `task` that concern a domain. */
  measuredCost(task: string, limit: number): MeasuredCost {
    return this.costOf.get({ task, limit }) ?? { jobs: 0, requests: 0 };
  }

  /** Jobs running, or queued and due by `dueBy` (a removal weeks away is not waiting work). */
  waitingJobs(dueBy: number): WaitingJobs[] {
    return this.waiting.all(dueBy);
  }

  /**
   * Of `domains`, those with a job of one of `tasks` running, or queued and due by `dueBy`: the most urgent one's
   * priority, the earliest due time.
   */
  waitingFor(domains: readonly string[], tasks: readonly string[], dueBy: number): DomainWaiting[] {
    return domains.length === 0
      ? []
      : this.waitingOf.all({ domains: JSON.stringify(domains), tasks: JSON.stringify(tasks), dueBy });
  }

  /** The mean time of the latest `limit` requests, or undefined before the first. */
  meanRequestMs(limit: number): number | undefined {
    return this.duration.get(limit)?.ms ?? undefined;
  }
}
