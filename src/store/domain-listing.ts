import type { Database } from "./database.js";
import type { DnsStatus, DomainRow, DomainState } from "./inventory-store.js";

/** Whose domains a list shows: everyone's, one account's, or a reseller's own and their customers'. */
export type DomainScope =
  { kind: "all" } | { kind: "account"; username: string } | { kind: "reseller"; username: string };

/** The groups a list can be narrowed to; "all" is every domain of the scope. */
export const DOMAIN_GROUPS = ["all", "problems", "pending", "active", "suspended"] as const;
export type DomainGroup = (typeof DOMAIN_GROUPS)[number];

export interface DomainListQuery {
  scope: DomainScope;
  group: DomainGroup;
  /** Text the domain or its account's name contains (case-insensitive), or "". */
  search: string;
  offset: number;
  limit: number;
}

/** Each group by the domain's state and DNS status (a list not given matches any): the one definition of both. */
const GROUPS: Record<DomainGroup, { states?: readonly DomainState[]; statuses?: readonly DnsStatus[] }> = {
  all: {},
  problems: { statuses: ["error", "conflict"] },
  pending: { statuses: ["pending"] },
  active: { states: ["active"], statuses: ["active"] },
  suspended: { states: ["suspended"] },
};

function inGroup(group: DomainGroup, state: DomainState, status: DnsStatus): boolean {
  const { states, statuses } = GROUPS[group];
  return (states === undefined || states.includes(state)) && (statuses === undefined || statuses.includes(status));
}

/** The group as SQL (its values are the constants above, never input). */
function groupSql(group: DomainGroup): string {
  const { states, statuses } = GROUPS[group];
  const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");
  return (
    [
      ...(states === undefined ? [] : [`state IN (${list(states)})`]),
      ...(statuses === undefined ? [] : [`dns_status IN (${list(statuses)})`]),
    ].join(" AND ") || "1"
  );
}

const IN_SCOPE: Record<DomainScope["kind"], string> = {
  all: "1",
  account: "username = @username",
  reseller: "(username = @username OR username IN (SELECT username FROM accounts WHERE creator = @username))",
};

/**
 * Problems first, then work in progress, so the first page shows what needs attention. Index domains_by_attention
 * (migration 19) is on exactly this expression and the name, so a page deep in the list is read in order, unsorted.
 */
export const ATTENTION =
  "CASE WHEN dns_status IN ('error', 'conflict') THEN 0 WHEN dns_status = 'pending' THEN 1 ELSE 2 END";

/** The domains table's columns as a DomainRow (the inventory reads rows with them too). */
export const DOMAIN_COLUMNS = `domain, username, kind, target, state, origin, delete_after AS deleteAfter,
  dns_status AS dnsStatus, dns_reason AS dnsReason, dns_reason_code AS dnsReasonCode, dns_synced_at AS dnsSyncedAt, created_at AS createdAt,
  updated_at AS updatedAt`;

/** `%text%` for LIKE, with LIKE's own wildcards in the text matched literally. */
function containing(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function where(scope: DomainScope, search: string): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = scope.kind === "all" ? {} : { username: scope.username };
  if (search === "") return { sql: IN_SCOPE[scope.kind], params };
  return {
    sql: `${IN_SCOPE[scope.kind]} AND (domain LIKE @like ESCAPE '\\' OR username LIKE @like ESCAPE '\\')`,
    params: { ...params, like: containing(search) },
  };
}

/** The domains of a scope as an SQL condition on the domains table (other lists, e.g. the waiting jobs, use it). */
export function inScope(scope: DomainScope): { sql: string; params: Record<string, string> } {
  return where(scope, "");
}

/**
 * A list's pages in SQL, so a page costs the same at ten domains as at ten thousand: one page of rows (problems
 * first, then by name) and the size of each group for the filter's counts, both within the scope and the search.
 */
export class DomainListing {
  constructor(private readonly db: Database) {}

  page(query: DomainListQuery): DomainRow[] {
    const { sql, params } = where(query.scope, query.search);
    return this.db
      .prepare<[Record<string, string | number>], DomainRow>(
        `SELECT ${DOMAIN_COLUMNS} FROM domains WHERE ${sql} AND ${groupSql(query.group)}
         ORDER BY ${ATTENTION}, domain LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset });
  }

  /** How many domains of the scope (matching the search) each group holds. */
  counts(scope: DomainScope, search: string): Record<DomainGroup, number> {
    const { sql, params } = where(scope, search);
    const counts = Object.fromEntries(DOMAIN_GROUPS.map((group) => [group, 0])) as Record<DomainGroup, number>;
    const kinds = this.db
      .prepare<[Record<string, string>], { state: DomainState; status: DnsStatus; count: number }>(
        `SELECT state, dns_status AS status, COUNT(*) AS count FROM domains WHERE ${sql} GROUP BY state, dns_status`,
      )
      .all(params);
    for (const { state, status, count } of kinds)
      for (const group of DOMAIN_GROUPS) if (inGroup(group, state, status)) counts[group] += count;
    return counts;
  }
}
