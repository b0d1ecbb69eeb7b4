import type { StoredProtectionState } from "../model/protection-state.js";
import type { Database } from "./database.js";

export type ProtectionState = StoredProtectionState;

export interface ProtectionRow {
  domain: string;
  variant: string;
  period: string;
  mode: string;
  upstreamIps: string[];
  state: ProtectionState;
  clTRID: string | null;
  wgpId: string | null;
  orderNum: string | null;
  amount: string | null;
  currency: string | null;
  reason: string | null;
  orderedAt: number | null;
  activatedAt: number | null;
  /** When the row last changed (an outcome of a job, or a new order). */
  updatedAt: number;
}

const COLUMNS = `domain, variant, period, mode, upstream_ips AS upstreamIps, state, cl_trid AS clTRID, wgp_id AS wgpId,
  order_num AS orderNum, amount, currency, reason, ordered_at AS orderedAt, activated_at AS activatedAt,
  updated_at AS updatedAt`;

type Raw = Omit<ProtectionRow, "upstreamIps"> & { upstreamIps: string };
const parse = (row: Raw | undefined): ProtectionRow | undefined =>
  row === undefined ? undefined : { ...row, upstreamIps: JSON.parse(row.upstreamIps) as string[] };

/** A billing-relevant event of a protection service, as WEDOS reported it (amounts as WEDOS's text). */
export interface BillingEvent {
  at: number;
  username: string | null;
  domain: string;
  kind: string;
  amount: string | null;
  currency: string | null;
  reference: string | null;
}

/** WEDOS Global protection per domain, and the billing events its orders produce. */
export class ProtectionStore {
  constructor(private readonly db: Database) {}

  get(domain: string): ProtectionRow | undefined {
    return parse(this.db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM protections WHERE domain = ?`).get(domain));
  }

  byClTRID(clTRID: string): ProtectionRow | undefined {
    return parse(this.db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM protections WHERE cl_trid = ?`).get(clTRID));
  }

  /** Services that run at WEDOS: active, or active still because a cancellation was refused. */
  running(): ProtectionRow[] {
    return this.db
      .prepare<[], Raw>(`SELECT ${COLUMNS} FROM protections WHERE state IN ('active', 'cancel-failed') ORDER BY domain`)
      .all()
      .map((row) => parse(row) as ProtectionRow);
  }

  pending(): ProtectionRow[] {
    return this.db
      .prepare<[], Raw>(`SELECT ${COLUMNS} FROM protections WHERE state IN ('ordering', 'pending') ORDER BY domain`)
      .all()
      .map((row) => parse(row) as ProtectionRow);
  }

  /** Written before the paid order is sent, so a crash can never lead to a second order. */
  recordOrdering(
    row: { domain: string; variant: string; period: string; mode: string; upstreamIps: readonly string[] },
    now: number,
  ): void {
    this.db
      .prepare(
        `INSERT INTO protections (domain, variant, period, mode, upstream_ips, state, ordered_at, updated_at)
         VALUES (@domain, @variant, @period, @mode, @ips, 'ordering', @now, @now)
         ON CONFLICT (domain) DO UPDATE SET variant = excluded.variant, period = excluded.period, mode = excluded.mode,
           upstream_ips = excluded.upstream_ips, state = 'ordering', reason = NULL, ordered_at = excluded.ordered_at,
           activated_at = NULL, amount = NULL, currency = NULL, order_num = NULL, wgp_id = NULL, cl_trid = NULL,
           updated_at = excluded.updated_at`,
      )
      .run({ ...row, ips: JSON.stringify(row.upstreamIps), now });
  }

  /**
   * Changes a row. "Active since" holds only while the service is active: a row that becomes active without a
   * time of its own gets `now` (or keeps the one it has), and any other state clears it.
   */
  update(domain: string, changes: Changes, now: number): void {
    const columns: Record<string, string> = {
      state: "state",
      clTRID: "cl_trid",
      wgpId: "wgp_id",
      orderNum: "order_num",
      amount: "amount",
      currency: "currency",
      reason: "reason",
      activatedAt: "activated_at",
    };
    const entries = Object.entries(changes).filter(([key]) => key in columns);
    if (entries.length === 0) return;
    const set = entries.map(([key]) => `${columns[key]} = @${key}`);
    if (changes.state !== undefined && changes.activatedAt === undefined)
      set.push(changes.state === "active" ? "activated_at = COALESCE(activated_at, @now)" : "activated_at = NULL");
    this.db
      .prepare(`UPDATE protections SET ${set.join(", ")}, updated_at = @now WHERE domain = @domain`)
      .run({ ...Object.fromEntries(entries), domain, now });
  }

  /**
   * The price WEDOS last reported for a plan and period (the answer to an order of any domain), to show before
   * another order of the same plan; undefined when no order of it has been answered yet.
   */
  knownPrice(variant: string, period: string): { amount: string; currency: string } | undefined {
    return this.db
      .prepare<[string, string], { amount: string; currency: string }>(
        `SELECT amount, currency FROM protections WHERE variant = ? AND period = ? AND amount IS NOT NULL
           AND currency IS NOT NULL ORDER BY updated_at DESC LIMIT 1`,
      )
      .get(variant, period);
  }

  /** The latest on/off choice made on the domain's page, if any. */
  choice(domain: string): { wanted: boolean; by: string; at: number } | undefined {
    const row = this.db
      .prepare<[string], { wanted: number; by: string; at: number }>(
        "SELECT wanted, chosen_by AS by, chosen_at AS at FROM protection_choices WHERE domain = ?",
      )
      .get(domain);
    return row === undefined ? undefined : { ...row, wanted: row.wanted === 1 };
  }

  /** Records that `by` switched the domain's protection on or off (the tasks act on the latest choice). */
  choose(domain: string, wanted: boolean, by: string, now: number): void {
    this.db
      .prepare(
        "INSERT INTO protection_choices (domain, wanted, chosen_by, chosen_at) VALUES (?, ?, ?, ?) ON CONFLICT (domain) DO UPDATE SET wanted = excluded.wanted, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at",
      )
      .run(domain, wanted ? 1 : 0, by, now);
  }

  recordBilling(event: BillingEvent): void {
    this.db
      .prepare(
        "INSERT INTO billing_events (at, username, domain, kind, amount, currency, reference) VALUES (@at, @username, @domain, @kind, @amount, @currency, @reference)",
      )
      .run(event);
  }

  billing(): BillingEvent[] {
    return this.db
      .prepare<
        [],
        {
          at: number;
          username: string | null;
          domain: string;
          kind: string;
          amount: string | null;
          currency: string | null;
          reference: string | null;
        }
      >("SELECT at, username, domain, kind, amount, currency, reference FROM billing_events ORDER BY id")
      .all();
  }
}

type Changes = Partial<
  Pick<ProtectionRow, "state" | "clTRID" | "wgpId" | "orderNum" | "amount" | "currency" | "reason" | "activatedAt">
>;
