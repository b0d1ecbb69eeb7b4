import type { Database } from "./database.js";

export interface BillingAuditEntry {
  id: number;
  at: number;
  /** Who made the change, as the pages name them ("admin alice", "reseller bob") or "cli root". */
  actor: string;
  /** What was done, e.g. "offer.publish", "price.set", "limit.set", "token.create". */
  action: string;
  /** What it was done to, e.g. "offer 3", "zone", "customer bob". */
  subject: string;
  details: Record<string, unknown>;
}

/** The billing audit log: every change to prices, offers, limits and tokens, with who made it. Append-only. */
export class BillingAuditStore {
  constructor(private readonly db: Database) {}

  record(entry: Omit<BillingAuditEntry, "id">): void {
    this.db
      .prepare("INSERT INTO billing_audit (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)")
      .run(entry.at, entry.actor, entry.action, entry.subject, JSON.stringify(entry.details));
  }

  /** The newest entries first; `subject` narrows to one thing (e.g. "offer 3"). */
  list(options: { limit?: number; subject?: string } = {}): BillingAuditEntry[] {
    const where = options.subject === undefined ? "" : "WHERE subject = @subject";
    return this.db
      .prepare<[Record<string, unknown>], Omit<BillingAuditEntry, "details"> & { details: string }>(
        `SELECT id, at, actor, action, subject, details FROM billing_audit ${where} ORDER BY id DESC LIMIT @limit`,
      )
      .all({ subject: options.subject, limit: options.limit ?? 100 })
      .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
  }
}
