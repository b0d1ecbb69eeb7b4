import type { Database } from "./database.js";
import type { WapiCallRecord } from "./wapi-call-store.js";

/** One job about a domain, as a support request's diagnostics keep it. */
export interface DomainJob {
  id: number;
  task: string;
  state: string;
  attempts: number;
  /** The operator's English text of why it last failed (model/reason.ts), or null. */
  lastError: string | null;
  /** That reason's code (the first part of its JSON), or null. */
  lastErrorCode: string | null;
  updatedAt: number;
}

/**
 * What happened lately to one domain — its newest jobs and its WAPI requests that did not succeed — read for a
 * support request's diagnostics (provisioning/support-diagnostics.ts). Read-only.
 */
export class DomainActivity {
  constructor(private readonly db: Database) {}

  recentJobs(domain: string, limit: number): DomainJob[] {
    return this.db
      .prepare<[string, number], DomainJob>(
        `SELECT id, task, state, attempts, last_error AS lastError, last_error_code AS lastErrorCode,
                updated_at AS updatedAt
           FROM jobs WHERE domain = ? ORDER BY id DESC LIMIT ?`,
      )
      .all(domain, limit);
  }

  failedRequests(domain: string, limit: number): WapiCallRecord[] {
    return this.db
      .prepare<[string, number], WapiCallRecord>(
        `SELECT at, command, domain, cl_trid AS clTRID, lane, outcome, wapi_code AS wapiCode,
                duration_ms AS durationMs, error
           FROM wapi_calls WHERE domain = ? AND outcome <> 'success' ORDER BY at DESC, id DESC LIMIT ?`,
      )
      .all(domain, limit);
  }
}
