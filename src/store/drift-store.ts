import type { PlanSummary } from "../model/plan-summary.js";
import type { Database } from "./database.js";

/** A zone whose latest plan found work: WEDOS differs from the panel. */
export interface DriftRow {
  domain: string;
  checkedAt: number;
  summary: PlanSummary;
  /** Why the latest apply was refused (the safety threshold), or null. */
  refused: string | null;
}

/** What the latest plan of each zone found; read by the admin's drift page, written by every plan. */
export class DriftStore {
  constructor(private readonly db: Database) {}

  /** Records a plan's outcome: `summary` undefined means WEDOS holds what the panel holds. */
  record(domain: string, summary: PlanSummary | undefined, refused: string | null, now: number): void {
    this.db
      .prepare(
        `INSERT INTO zone_drift (domain, checked_at, drifted, summary, refused) VALUES (@domain, @now, @drifted, @summary, @refused)
         ON CONFLICT (domain) DO UPDATE SET checked_at = excluded.checked_at, drifted = excluded.drifted, summary = excluded.summary, refused = excluded.refused`,
      )
      .run({
        domain,
        now,
        drifted: summary === undefined ? 0 : 1,
        summary: summary === undefined ? null : JSON.stringify(summary),
        refused,
      });
  }

  get(domain: string): DriftRow | undefined {
    const row = this.db
      .prepare<[string], Raw>(
        "SELECT domain, checked_at AS checkedAt, summary, refused FROM zone_drift WHERE domain = ? AND drifted = 1",
      )
      .get(domain);
    return row === undefined ? undefined : parse(row);
  }

  /** Every zone that differs, oldest finding first. */
  drifted(): DriftRow[] {
    return this.db
      .prepare<[], Raw>(
        "SELECT domain, checked_at AS checkedAt, summary, refused FROM zone_drift WHERE drifted = 1 ORDER BY checked_at, domain",
      )
      .all()
      .map(parse);
  }

  /** When each zone was last planned, drifted or not (the reconciler looks at the longest unlooked first). */
  checkedAt(): Map<string, number> {
    return new Map(
      this.db
        .prepare<[], { domain: string; checkedAt: number }>("SELECT domain, checked_at AS checkedAt FROM zone_drift")
        .all()
        .map((row) => [row.domain, row.checkedAt]),
    );
  }
}

type Raw = { domain: string; checkedAt: number; summary: string; refused: string | null };
const parse = (row: Raw): DriftRow => ({ ...row, summary: JSON.parse(row.summary) as PlanSummary });
