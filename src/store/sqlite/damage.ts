import { AppError } from "../../errors.js";

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

/** The one sentence every command prints for a damaged database: that it is, where it is, and what to do. */
export function damagedDatabase(path: string, cause: unknown): AppError {
  const reason = (cause as Error).message.split("\n")[0];
  return new AppError(
    "store_damaged",
    `the database ${path} is damaged (${reason}): stop the daemon and run "wedos-panel restore FILE" with the newest backup (in store.backupDir, by default the backups folder beside it), or, with no backup, move the file aside and run "wedos-panel import" to record the accounts again`,
    { cause },
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
