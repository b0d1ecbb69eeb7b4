import { firstDay, lastDay, type Day, type Month } from "../billing/calendar.js";
import { money, type Money } from "../billing/money.js";
import { ledgerCharges, reconcile, type Reconciliation, type WedosMovement } from "../billing/reconcile.js";
import type { Database } from "./database.js";
import { UsageLedgerStore } from "./usage-ledger-store.js";

/** What made the balance be read: the schedule, a paid order, or an admin's click. */
export type CreditTrigger = "schedule" | "order" | "admin";

export interface CreditSnapshot {
  at: number;
  balance: Money;
  trigger: CreditTrigger;
}

/** A movement of the credit account as fetched for a month (wapi's CreditMovement, stored). */
export interface StoredMovement extends WedosMovement {
  at: string | null;
  fields: Record<string, unknown>;
}

export interface MonthFetch {
  month: Month;
  requestedAt: number;
  requestedBy: string;
  fetchedAt: number | null;
  movements: number | null;
}

/** A protection service that is running, for the renewals due soon. */
export interface ActiveProtection {
  domain: string;
  variant: string;
  period: string;
  activatedAt: number;
  /** The end of its paid period where the plan upkeep has set it (migration 29), else null. */
  paidUntil: Day | null;
}

interface MovementRow {
  atText: string | null;
  day: string | null;
  amountMinor: number | null;
  currency: string | null;
  description: string;
  orderNum: string | null;
  fields: string;
}

/**
 * The WEDOS credit as the plugin last saw it (migration 27): balances read with `credit-info`, and per month the
 * movements `account-list` reported, which the reconciliation compares with the ledger. Pages only read this; the
 * credit tasks (provisioning/tasks/credit-tasks.ts) write it.
 */
export class CreditStore {
  constructor(private readonly db: Database) {}

  recordBalance(snapshot: CreditSnapshot): void {
    this.db
      .prepare("INSERT INTO credit_snapshots (at, balance_minor, currency, trigger) VALUES (?, ?, ?, ?)")
      .run(snapshot.at, snapshot.balance.minor, snapshot.balance.currency, snapshot.trigger);
  }

  latestBalance(): CreditSnapshot | undefined {
    const row = this.db
      .prepare<[], { at: number; minor: number; currency: string; trigger: CreditTrigger }>(
        `SELECT at, balance_minor AS minor, currency, trigger FROM credit_snapshots ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .get();
    return row === undefined
      ? undefined
      : { at: row.at, balance: money(row.minor, row.currency), trigger: row.trigger };
  }

  /** Asks for a month's movements (again): the next fetch job takes it. Says whether it was not asked already. */
  requestMonth(month: Month, by: string, now: number): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO credit_fetches (month, requested_at, requested_by) VALUES (?, ?, ?)
         ON CONFLICT (month) DO UPDATE SET requested_at = excluded.requested_at,
           requested_by = excluded.requested_by, fetched_at = NULL
         WHERE credit_fetches.fetched_at IS NOT NULL`,
      )
      .run(month, now, by);
    return result.changes > 0;
  }

  /** Months asked for and not fetched since, oldest first. */
  monthsToFetch(): Month[] {
    return this.db
      .prepare<[], { month: string }>("SELECT month FROM credit_fetches WHERE fetched_at IS NULL ORDER BY month")
      .all()
      .map((row) => row.month);
  }

  fetchOf(month: Month): MonthFetch | undefined {
    return this.db
      .prepare<[string], MonthFetch>(
        `SELECT month, requested_at AS requestedAt, requested_by AS requestedBy, fetched_at AS fetchedAt, movements
         FROM credit_fetches WHERE month = ?`,
      )
      .get(month);
  }

  /** Replaces the month's movements with those just fetched, and marks the month fetched, in one transaction. */
  saveMonth(month: Month, movements: readonly StoredMovement[], now: number): void {
    const insert = this.db.prepare(
      `INSERT INTO credit_movements (month, seq, at_text, day, amount_minor, currency, description, order_num, fields)
       VALUES (@month, @seq, @at, @day, @amountMinor, @currency, @description, @orderNum, @fields)`,
    );
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM credit_movements WHERE month = ?").run(month);
      movements.forEach((movement, seq) =>
        insert.run({
          month,
          seq,
          at: movement.at,
          day: movement.day,
          amountMinor: movement.amount?.minor ?? null,
          currency: movement.amount?.currency ?? null,
          description: movement.description,
          orderNum: movement.orderNum,
          fields: JSON.stringify(movement.fields),
        }),
      );
      this.db
        .prepare(
          `INSERT INTO credit_fetches (month, requested_at, requested_by, fetched_at, movements)
           VALUES (@month, @now, 'daemon', @now, @count)
           ON CONFLICT (month) DO UPDATE SET fetched_at = @now, movements = @count`,
        )
        .run({ month, now, count: movements.length });
    })();
  }

  movements(month: Month): StoredMovement[] {
    return this.db
      .prepare<[string], MovementRow>(
        `SELECT at_text AS atText, day, amount_minor AS amountMinor, currency, description, order_num AS orderNum,
           fields FROM credit_movements WHERE month = ? ORDER BY seq`,
      )
      .all(month)
      .map((row) => ({
        at: row.atText,
        day: row.day,
        amount: row.amountMinor === null || row.currency === null ? null : money(row.amountMinor, row.currency),
        description: row.description,
        orderNum: row.orderNum,
        fields: JSON.parse(row.fields) as Record<string, unknown>,
      }));
  }

  /** Per fetched month, the movements whose amount or day could not be read (WEDOS answered otherwise than assumed). */
  unreadable(): Array<{ month: Month; count: number }> {
    return this.db
      .prepare<[], { month: string; count: number }>(
        `SELECT month, COUNT(*) AS count FROM credit_movements WHERE amount_minor IS NULL OR day IS NULL
         GROUP BY month ORDER BY month DESC`,
      )
      .all();
  }

  /** Domains with a job of `task` (a paid order) queued or running, with their account's package. */
  queuedOrders(task: string): Array<{ domain: string; package: string | null }> {
    return this.db
      .prepare<[string], { domain: string; package: string | null }>(
        `SELECT DISTINCT j.domain AS domain, a.package AS package FROM jobs j
           LEFT JOIN domains d ON d.domain = j.domain LEFT JOIN accounts a ON a.username = d.username
         WHERE j.task = ? AND j.state IN ('queued', 'running') AND j.domain IS NOT NULL ORDER BY j.domain`,
      )
      .all(task);
  }

  /** Protection services running now, for the renewals due soon. */
  activeProtections(): ActiveProtection[] {
    return this.db
      .prepare<[], ActiveProtection>(
        `SELECT domain, variant, period, activated_at AS activatedAt, paid_until AS paidUntil FROM protections
         WHERE state = 'active' AND activated_at IS NOT NULL ORDER BY domain`,
      )
      .all();
  }
}

/** A month's reconciliation as the page and the CLI show it: when the movements were fetched, and the result. */
export interface MonthReconciliation {
  month: Month;
  fetch: MonthFetch | undefined;
  /** Undefined until the month's movements were fetched. */
  result: Reconciliation | undefined;
}

/** Reconciles a month from what is stored (the fetched movements and the ledger); sends nothing to WEDOS. */
export function reconcileStoredMonth(db: Database, month: Month): MonthReconciliation {
  const store = new CreditStore(db);
  const fetch = store.fetchOf(month);
  if (fetch?.fetchedAt === null || fetch === undefined) return { month, fetch, result: undefined };
  const entries = new UsageLedgerStore(db).between(firstDay(month), lastDay(month));
  return { month, fetch, result: reconcile(store.movements(month), ledgerCharges(entries)) };
}
