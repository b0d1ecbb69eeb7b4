import { AppError } from "../../errors.js";
import { listBackups } from "../backup.js";

/**
 * SQLite's words for a file it cannot read as a database: a damaged header (SQLITE_NOTADB) or a damaged page
 * (SQLITE_CORRUPT). Both drivers pass SQLite's own message on, so the message is what is matched.
 */
const DAMAGE = /file is not a database|database disk image is malformed|SQLITE_(?:NOTADB|CORRUPT)/i;

export function isDamage(error: unknown): boolean {
  return (
    error instanceof Error &&
    !(error instanceof AppError) &&
    DAMAGE.test(`${error.message} ${(error as { code?: unknown }).code ?? ""}`)
  );
}

/**
 * The note beside the database that it was made: written once its schema is in place, and never removed by the
 * plugin. While it is there, a database that is missing, empty or without the plugin's tables is one that was lost
 * (truncated by a crash or a full disk, deleted, replaced), not a first start, and nothing is re-created over it
 * (docs/decisions/0031). It survives what happens to the database file itself; it goes with the data directory.
 */
export function creationNoteOf(path: string): string {
  return `${path}.created`;
}

/** The one sentence every command prints for a damaged database: that it is, where it is, and what to do. */
export function damagedDatabase(path: string, cause: unknown): AppError {
  const reason = (cause as Error).message.split("\n")[0];
  return new AppError(
    "store_damaged",
    `the database ${path} is damaged (${reason}): stop the daemon and run "wedos-panel restore FILE" with the newest backup (in store.backupDir, by default the backups folder beside it), or, with no backup, move the file aside, remove ${creationNoteOf(path)} and run "wedos-panel import" to record the accounts again`,
    { cause },
  );
}

/**
 * The sentence for a database that was made before (`note` says so) and is now missing, empty or without the plugin's
 * tables: nothing is re-created over it, and the admin learns where the backups are and which is the newest.
 */
export function lostDatabase(path: string, state: string, note: string, backupDir: string): AppError {
  let backups: string[] = [];
  try {
    backups = listBackups(backupDir);
  } catch {
    // The advice below still names the folder.
  }
  const newest = backups.at(-1);
  const restore =
    newest === undefined
      ? `"wedos-panel restore FILE" with a backup (none is in ${backupDir}, store.backupDir)`
      : `"wedos-panel restore ${newest}" (the newest of ${backups.length} backup(s) in ${backupDir})`;
  return new AppError(
    "store_lost",
    `the database ${path} is ${state}, but one was made there before (${note} says so): the inventory and the records of which zones the plugin made are not there, so nothing was started and nothing was changed. Stop the daemon and run ${restore}; only to start again from nothing, remove ${note} and run "wedos-panel import"`,
  );
}

/** Runs `work`, turning SQLite's damage errors into that sentence. */
export function guardDamage<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (isDamage(error)) throw damagedDatabase(path, error);
    throw error;
  }
}
