import type { Config } from "../config/load.js";
import { AppError } from "../errors.js";
import { databaseFileIn, openConfiguredDatabase } from "../store/database.js";
import { damagedDatabase } from "../store/sqlite/damage.js";
import type { CheckResult } from "./checks.js";

/**
 * Opens the database and asks SQLite to check every page (quick_check: the structure without the index contents,
 * fast enough for a few megabytes). A damaged header or page fails here in one sentence instead of later in the
 * middle of another check.
 */
export function checkDatabase(config: Pick<Config, "dataDir" | "store">): CheckResult {
  const path = databaseFileIn(config.dataDir);
  try {
    const db = openConfiguredDatabase(config);
    try {
      const problems = db
        .prepare<[], { quick_check: string }>("PRAGMA quick_check(5)")
        .all()
        .map((row) => row.quick_check);
      if (problems.length !== 1 || problems[0] !== "ok")
        return {
          check: "database",
          status: "fail",
          message: damagedDatabase(path, new Error(problems.join("; "))).message,
        };
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof AppError) return { check: "database", status: "fail", message: error.message };
    throw error;
  }
  return { check: "database", status: "ok", message: `${path} is whole (SQLite's quick check found nothing)` };
}
