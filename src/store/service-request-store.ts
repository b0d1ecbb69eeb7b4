import type { RequestEvent, RequestKind, RequestService, ServiceRequest } from "../model/service-request.js";
import type { Database } from "./database.js";
import type { DomainScope } from "./domain-listing.js";

/** What opening a request needs; the store sets the times and writes the opening to the history. */
export type NewRequest = Pick<
  ServiceRequest,
  "kind" | "domain" | "service" | "state" | "username" | "reseller" | "expiresAt"
> & { details?: Record<string, unknown> };

/** A move from one of `from` to `to`; `details` (when given) replaces the stored fields in the same write. */
export interface Transition {
  from: readonly string[];
  to: string;
  actor: string;
  at: number;
  note?: string;
  expiresAt?: number | null;
  details?: Record<string, unknown>;
}

export interface RequestQuery {
  scope: DomainScope;
  kinds?: readonly RequestKind[];
  states?: readonly string[];
  limit: number;
  offset?: number;
}

interface Row {
  id: number;
  kind: RequestKind;
  domain: string;
  service: RequestService;
  state: string;
  username: string | null;
  reseller: string | null;
  opened_by: string;
  opened_at: number;
  updated_at: number;
  expires_at: number | null;
  details: string;
}

interface EventRow {
  seq: number;
  at: number;
  actor: string;
  from_state: string | null;
  to_state: string;
  note: string | null;
}

const requestOf = (row: Row): ServiceRequest => ({
  id: row.id,
  kind: row.kind,
  domain: row.domain,
  service: row.service,
  state: row.state,
  username: row.username,
  reseller: row.reseller,
  openedBy: row.opened_by,
  openedAt: row.opened_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
  details: JSON.parse(row.details) as Record<string, unknown>,
});

/** The SQL condition (and its values) that keeps a list inside what a visitor may see, as TenantScope rules. */
function scopeWhere(scope: DomainScope): { sql: string; values: string[] } {
  if (scope.kind === "all") return { sql: "1 = 1", values: [] };
  if (scope.kind === "account") return { sql: "username = ?", values: [scope.username] };
  return { sql: "(username = ? OR reseller = ?)", values: [scope.username, scope.username] };
}

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/**
 * Requests a person must act on (migration 30, docs/decisions/0052). The store knows no kind's rules: a transition
 * names the states it may leave, and a request that has moved on meanwhile (another tab, the expiry task) is left
 * alone and reported as not moved. Every opening and move is written to the history in the same transaction.
 */
export class ServiceRequestStore {
  constructor(private readonly db: Database) {}

  open(request: NewRequest, actor: string, at: number): ServiceRequest {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO service_requests
             (kind, domain, service, state, username, reseller, opened_by, opened_at, updated_at, expires_at, details)
           VALUES (@kind, @domain, @service, @state, @username, @reseller, @actor, @at, @at, @expiresAt, @details)`,
        )
        .run({ ...request, actor, at, details: JSON.stringify(request.details ?? {}) });
      const id = Number(lastInsertRowid);
      this.writeEvent(id, { actor, at, from: null, to: request.state, note: null });
      return this.get(id) as ServiceRequest;
    })();
  }

  get(id: number): ServiceRequest | undefined {
    const row = this.db.prepare<[number], Row>("SELECT * FROM service_requests WHERE id = ?").get(id);
    return row === undefined ? undefined : requestOf(row);
  }

  /** The newest request of a kind for a domain, whatever its state. */
  latest(domain: string, kind: RequestKind): ServiceRequest | undefined {
    const row = this.db
      .prepare<[string, RequestKind], Row>(
        "SELECT * FROM service_requests WHERE domain = ? AND kind = ? ORDER BY id DESC LIMIT 1",
      )
      .get(domain, kind);
    return row === undefined ? undefined : requestOf(row);
  }

  /** Every request of the kinds for a domain, newest first (a domain has a handful: sharing shows each service's). */
  ofDomain(domain: string, kinds: readonly RequestKind[]): ServiceRequest[] {
    if (kinds.length === 0) return [];
    return this.db
      .prepare<unknown[], Row>(
        `SELECT * FROM service_requests WHERE domain = ? AND kind IN (${placeholders(kinds)}) ORDER BY id DESC`,
      )
      .all(domain, ...kinds)
      .map(requestOf);
  }

  /** Moves a request if it is still in one of `from`; false (and nothing written) when it is not. */
  transition(id: number, move: Transition): boolean {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (current === undefined || !move.from.includes(current.state)) return false;
      this.db
        .prepare(
          `UPDATE service_requests SET state = @to, updated_at = @at, expires_at = @expiresAt, details = @details
           WHERE id = @id`,
        )
        .run({
          id,
          to: move.to,
          at: move.at,
          expiresAt: move.expiresAt === undefined ? current.expiresAt : move.expiresAt,
          details: JSON.stringify(move.details ?? current.details),
        });
      this.writeEvent(id, {
        actor: move.actor,
        at: move.at,
        from: current.state,
        to: move.to,
        note: move.note ?? null,
      });
      return true;
    })();
  }

  /** The request's history, oldest first. */
  history(id: number): RequestEvent[] {
    return this.db
      .prepare<[number], EventRow>("SELECT * FROM service_request_events WHERE request_id = ? ORDER BY seq")
      .all(id)
      .map((row) => ({
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        from: row.from_state,
        to: row.to_state,
        note: row.note,
      }));
  }

  /** One page of the requests a scope may see, newest first, narrowed by kind and state. */
  page(query: RequestQuery): ServiceRequest[] {
    const where = scopeWhere(query.scope);
    const kinds = query.kinds ?? [];
    const states = query.states ?? [];
    const sql = [
      `SELECT * FROM service_requests WHERE ${where.sql}`,
      kinds.length > 0 ? `AND kind IN (${placeholders(kinds)})` : "",
      states.length > 0 ? `AND state IN (${placeholders(states)})` : "",
      "ORDER BY id DESC LIMIT ? OFFSET ?",
    ].join(" ");
    return this.db
      .prepare<unknown[], Row>(sql)
      .all(...where.values, ...kinds, ...states, query.limit, query.offset ?? 0)
      .map(requestOf);
  }

  /** Requests in one of `states` whose expiry has come, oldest first, for the task that expires them. */
  expiring(states: readonly string[], now: number, limit: number): ServiceRequest[] {
    if (states.length === 0) return [];
    return this.db
      .prepare<unknown[], Row>(
        `SELECT * FROM service_requests WHERE state IN (${placeholders(states)})
           AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at, id LIMIT ?`,
      )
      .all(...states, now, limit)
      .map(requestOf);
  }

  private writeEvent(id: number, event: Omit<RequestEvent, "seq">): void {
    this.db
      .prepare(
        `INSERT INTO service_request_events (request_id, seq, at, actor, from_state, to_state, note)
         VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM service_request_events WHERE request_id = @id),
                 @at, @actor, @from, @to, @note)`,
      )
      .run({ id, ...event });
  }
}
