/** What a change to a zone at WEDOS does: add a row, update one, delete one, or adopt one found there. */
export type ZoneChangeKind = "add" | "update" | "delete" | "adopt";

/** What a plan would do, kept for a preview (the admin's drift page): its steps, counts and safety verdict. */
export interface PlanSummary {
  steps: Array<{ mark: string; text: string }>;
  counts: Record<ZoneChangeKind, number>;
  /** Rows at WEDOS the plugin did not create (left alone unless adopted). */
  foreign: string[];
  /** Panel records that collide with such rows. */
  conflicts: string[];
  safe: boolean;
  safetyMessage: string | null;
}
