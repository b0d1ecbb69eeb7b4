import type { Database } from "../store/database.js";
import type { CheckResult } from "./checks.js";

/**
 * Whether the panel's level of every account creator is known (docs/decisions/0046, amendment on who is a
 * reseller): an admin's own customers are told apart from a reseller's by it, and until the reconciler (or
 * `wedos-panel import`) has read a creator, its customers are billed as a reseller's under its name.
 */
export function checkCreatorLevels(db: Database): CheckResult {
  const unknown = db
    .prepare<[], { creator: string }>(
      `SELECT DISTINCT creator FROM accounts
       WHERE deleted_at IS NULL AND creator IS NOT NULL
         AND creator NOT IN (SELECT username FROM creator_levels)
       ORDER BY creator`,
    )
    .all()
    .map((row) => row.creator);
  if (unknown.length === 0) {
    return { check: "creator levels", status: "ok", message: "the panel's level of every account creator is known" };
  }
  return {
    check: "creator levels",
    status: "warn",
    message:
      `the panel's level of ${unknown.length} account creator(s) is not known yet (${unknown.slice(0, 3).join(", ")}), ` +
      "so their customers are billed as a reseller's: it is read when the daemon next reconciles with the panel " +
      "(it does so on its schedule; nothing to do unless this stays after a day)",
  };
}
