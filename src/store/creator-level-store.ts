import type { AccountLevel } from "../model/account.js";
import type { Database } from "./database.js";

/**
 * Whether the creator of an account (`accounts.creator`) is an admin or a reseller, as the panel last answered
 * (docs/decisions/0046, amendment on who is a reseller). The ledger keeps the creator as each entry's reseller; the
 * statements, the export, the billing pages and the reseller's spending limit read this to tell an admin's own
 * customers from a reseller's. A creator never checked is taken for a reseller: that shows its name, as before.
 */
export class CreatorLevelStore {
  constructor(private readonly db: Database) {}

  remember(username: string, level: AccountLevel, now: number): void {
    this.db
      .prepare(
        `INSERT INTO creator_levels (username, level, checked_at) VALUES (?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET level = excluded.level, checked_at = excluded.checked_at`,
      )
      .run(username, level, now);
  }

  /** The creators the panel called admins: their accounts are the admin's own customers, not a reseller's. */
  admins(): ReadonlySet<string> {
    const rows = this.db
      .prepare<[], { username: string }>("SELECT username FROM creator_levels WHERE level = 'admin'")
      .all();
    return new Set(rows.map((row) => row.username));
  }

  isAdmin(username: string): boolean {
    return (
      this.db.prepare<[string], { level: string }>("SELECT level FROM creator_levels WHERE username = ?").get(username)
        ?.level === "admin"
    );
  }
}
