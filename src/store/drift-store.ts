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

/** The latest look at one zone, whatever it found: when, and whether WEDOS differed from the panel. */
export interface DriftCheck {
  checkedAt: number;
  drifted: boolean;
}

/** What adopting a conflict would do, planned and never applied (migration 22). */
export interface AdoptPreview {
  domain: string;
  kind: "zone" | "protection";
  plannedAt: number;
  /** The plan of the adopting sync; undefined when adopting would send nothing (WEDOS already holds the panel's). */
  summary: PlanSummary | undefined;
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

  /** The latest look at the zone, drifted or not; undefined when it was never planned. */
  lastCheck(domain: string): DriftCheck | undefined {
    const row = this.db
      .prepare<[string], { checkedAt: number; drifted: number }>(
        "SELECT checked_at AS checkedAt, drifted FROM zone_drift WHERE domain = ?",
      )
      .get(domain);
    return row === undefined ? undefined : { checkedAt: row.checkedAt, drifted: row.drifted === 1 };
  }

  /** How many zones were planned at least once, and the latest time any was. */
  checkedTotals(): { zones: number; latest: number | undefined } {
    const row = this.db
      .prepare<[], { zones: number; latest: number | null }>(
        "SELECT COUNT(*) AS zones, MAX(checked_at) AS latest FROM zone_drift",
      )
      .get();
    return { zones: row?.zones ?? 0, latest: row?.latest ?? undefined };
  }

  /** Keeps what adopting the domain's conflict of `kind` would do (the admin's preview before confirming). */
  recordAdoptPreview(preview: AdoptPreview): void {
    this.db
      .prepare(
        `INSERT INTO adopt_previews (domain, kind, planned_at, summary) VALUES (@domain, @kind, @plannedAt, @summary)
         ON CONFLICT (domain, kind) DO UPDATE SET planned_at = excluded.planned_at, summary = excluded.summary`,
      )
      .run({
        ...preview,
        summary: preview.summary === undefined ? null : JSON.stringify(preview.summary),
      });
  }

  adoptPreview(domain: string, kind: AdoptPreview["kind"]): AdoptPreview | undefined {
    const row = this.db
      .prepare<[string, string], { plannedAt: number; summary: string | null }>(
        "SELECT planned_at AS plannedAt, summary FROM adopt_previews WHERE domain = ? AND kind = ?",
      )
      .get(domain, kind);
    if (row === undefined) return undefined;
    const summary = row.summary === null ? undefined : (JSON.parse(row.summary) as PlanSummary);
    return { domain, kind, plannedAt: row.plannedAt, summary };
  }

  /** Forgets a preview once the conflict is decided (adopted or ignored). */
  forgetAdoptPreview(domain: string, kind: AdoptPreview["kind"]): void {
    this.db.prepare("DELETE FROM adopt_previews WHERE domain = ? AND kind = ?").run(domain, kind);
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
