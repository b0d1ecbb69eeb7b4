import type { LimitScope, SpendLimit } from "../billing/limits.js";
import { money } from "../billing/money.js";
import { BillingAuditStore } from "./billing-audit-store.js";
import type { Database } from "./database.js";

export interface StoredLimit extends SpendLimit {
  setBy: string;
  setAt: number;
}

/** A panel account with its own limit, for the limits pages. */
export interface AccountLimit {
  username: string;
  /** Who created the account (its reseller); null when nobody is recorded. */
  creator: string | null;
  limit: StoredLimit | undefined;
}

interface Row {
  scope: LimitScope;
  name: string;
  amount_minor: number;
  currency: string;
  set_by: string;
  set_at: number;
}

const limitOf = (row: Row): StoredLimit => ({
  scope: row.scope,
  name: row.name,
  amount: money(row.amount_minor, row.currency),
  setBy: row.set_by,
  setAt: row.set_at,
});

/** How many accounts a limits page lists at most (a search narrows a longer list). */
export const ACCOUNT_LIST_LIMIT = 200;

/**
 * Spending limits per customer and per reseller (migration 28, src/billing/limits.ts). Each change is written to the
 * billing audit log with its actor in the same transaction, so no limit changes without a record of who did it.
 * Whether the change is allowed is decided before (limitChangeRefusal); the store only keeps it.
 */
export class SpendLimitStore {
  private readonly audit: BillingAuditStore;

  constructor(private readonly db: Database) {
    this.audit = new BillingAuditStore(db);
  }

  get(scope: LimitScope, name: string): StoredLimit | undefined {
    const row = this.db
      .prepare<[LimitScope, string], Row>("SELECT * FROM spend_limits WHERE scope = ? AND name = ?")
      .get(scope, name);
    return row === undefined ? undefined : limitOf(row);
  }

  /** Every limit of a scope, by name. */
  list(scope: LimitScope): StoredLimit[] {
    return this.db
      .prepare<[LimitScope], Row>("SELECT * FROM spend_limits WHERE scope = ? ORDER BY name")
      .all(scope)
      .map(limitOf);
  }

  /** Sets (or replaces) a limit; `actor` names who, as the audit log writes it ("admin alice", "cli root"). */
  set(limit: SpendLimit, actor: string, now: number): void {
    this.db.transaction(() => {
      const previous = this.get(limit.scope, limit.name);
      this.db
        .prepare(
          `INSERT INTO spend_limits (scope, name, amount_minor, currency, set_by, set_at)
           VALUES (@scope, @name, @minor, @currency, @actor, @now)
           ON CONFLICT (scope, name) DO UPDATE SET amount_minor = excluded.amount_minor,
             currency = excluded.currency, set_by = excluded.set_by, set_at = excluded.set_at`,
        )
        .run({ scope: limit.scope, name: limit.name, ...limit.amount, actor, now });
      this.audit.record({
        at: now,
        actor,
        action: "limit.set",
        subject: `${limit.scope} ${limit.name}`,
        details: { amount: limit.amount, previous: previous?.amount ?? null },
      });
    })();
  }

  /** Removes a limit (the scope then has none); false when there was none. */
  remove(scope: LimitScope, name: string, actor: string, now: number): boolean {
    return this.db.transaction(() => {
      const previous = this.get(scope, name);
      if (previous === undefined) return false;
      this.db.prepare("DELETE FROM spend_limits WHERE scope = ? AND name = ?").run(scope, name);
      this.audit.record({
        at: now,
        actor,
        action: "limit.remove",
        subject: `${scope} ${name}`,
        details: { previous: previous.amount },
      });
      return true;
    })();
  }

  /**
   * Accounts not deleted with their limits, by name: all of them (`creator` undefined) or those one reseller
   * created; `search` keeps names containing it. At most ACCOUNT_LIST_LIMIT.
   */
  accounts(options: { creator?: string; search?: string } = {}): AccountLimit[] {
    const rows = this.db
      .prepare<[Record<string, string | number | null>], Partial<Row> & { username: string; creator: string | null }>(
        `SELECT a.username, a.creator, l.scope, l.name, l.amount_minor, l.currency, l.set_by, l.set_at
         FROM accounts a LEFT JOIN spend_limits l ON l.scope = 'customer' AND l.name = a.username
         WHERE a.deleted_at IS NULL AND (@creator IS NULL OR a.creator = @creator)
           AND (@search = '' OR instr(a.username, @search) > 0)
         ORDER BY a.username LIMIT @limit`,
      )
      .all({
        creator: options.creator ?? null,
        search: options.search?.trim().toLowerCase() ?? "",
        limit: ACCOUNT_LIST_LIMIT,
      });
    return rows.map((row) => ({
      username: row.username,
      creator: row.creator,
      limit: row.scope === undefined || row.scope === null ? undefined : limitOf(row as Row),
    }));
  }

  /** Whether a name is an account on this server or the creator of one (a reseller). */
  isKnown(name: string): boolean {
    return (
      this.db
        .prepare<[string, string], { one: number }>(
          "SELECT 1 AS one FROM accounts WHERE deleted_at IS NULL AND (username = ? OR creator = ?) LIMIT 1",
        )
        .get(name, name) !== undefined
    );
  }

  /** The resellers: every account's creator that is not the admin's own name, with their limits, by name. */
  resellers(admins: readonly string[]): { name: string; limit: StoredLimit | undefined }[] {
    const names = this.db
      .prepare<[], { creator: string }>(
        `SELECT DISTINCT creator FROM accounts WHERE creator IS NOT NULL AND deleted_at IS NULL
         UNION SELECT name FROM spend_limits WHERE scope = 'reseller' ORDER BY 1`,
      )
      .all()
      .map((row) => row.creator)
      .filter((name) => !admins.includes(name));
    return names.map((name) => ({ name, limit: this.get("reseller", name) }));
  }
}
