import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { AppError } from "../errors.js";
import { backupName, createPrivateFile } from "./backup.js";
import { MIGRATIONS } from "./migrations.js";
import type { RawConnection } from "./sqlite/connection.js";
import { isDamage } from "./sqlite/damage.js";
import { requireDriver, type DriverChoice } from "./sqlite/driver.js";

export interface RestoreResult {
  /** Where the database that was replaced now is (undefined when there was none). */
  setAside: string | undefined;
}

/**
 * Puts a backup in place of the database at `target`: a private copy of it is checked first (SQLite's full
 * integrity check, a schema this version knows, the plugin's tables), and only then is the current file (damaged
 * or not) set aside beside it and the copy moved in. The daemon must not be running (the caller checks).
 */
export function restoreDatabase(
  source: string,
  target: string,
  options: { driver: DriverChoice; now: number },
): RestoreResult {
  if (!existsSync(source))
    throw new AppError("store_restore_refused", `${source} does not exist; name a file wedos-panel backup wrote`);
  const copy = `${target}.restoring`;
  rmSync(copy, { force: true });
  createPrivateFile(copy);
  try {
    copyFileSync(source, copy);
    checkBackup(copy, source, options.driver);
  } catch (error) {
    removeWithJournals(copy);
    throw error;
  }
  const setAside = existsSync(target)
    ? `${target}.before-restore-${backupName(options.now).replace(/^wedos-panel-|\.sqlite$/g, "")}`
    : undefined;
  if (setAside !== undefined) {
    renameSync(target, setAside);
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${setAside}-wal`);
    rmSync(`${target}-shm`, { force: true });
  }
  rmSync(`${copy}-wal`, { force: true });
  rmSync(`${copy}-shm`, { force: true });
  renameSync(copy, target);
  return { setAside };
}

function checkBackup(copy: string, source: string, driver: DriverChoice): void {
  const refuse = (why: string, cause?: unknown) =>
    new AppError(
      "store_restore_refused",
      `${source} was not restored because ${why}; the database was left as it is: choose another backup`,
      { cause },
    );
  let raw: RawConnection;
  try {
    raw = requireDriver(driver).open(copy);
  } catch (error) {
    throw refuse(`SQLite cannot open it (${(error as Error).message})`, error);
  }
  try {
    const integrity = raw.pragma("integrity_check");
    if (integrity !== "ok") throw refuse(`SQLite's integrity check found damage (${String(integrity)})`);
    const version = raw.pragma("user_version") as number;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > latest)
      throw refuse(
        `its schema (version ${version}) is newer than this wedos-panel (knows ${latest}); update wedos-panel first`,
      );
    const tables = raw
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'jobs'")
      .get([]) as { n: number };
    if (version === 0 || tables.n === 0) throw refuse("it is an SQLite database but not one of wedos-panel's");
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse(isDamage(error) ? `it is damaged (${(error as Error).message})` : (error as Error).message, error);
  } finally {
    raw.close();
  }
}

function removeWithJournals(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
}
