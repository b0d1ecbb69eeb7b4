import { closeSync, constants, fchmodSync, fstatSync, lstatSync, openSync, writeSync } from "node:fs";
import { AppError } from "../errors.js";
import { creationNoteOf, lostDatabase } from "./sqlite/damage.js";

/** Whether the database at `path` was made before (its note is there). */
export function databaseWasMade(path: string): boolean {
  try {
    lstatSync(creationNoteOf(path));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Writes the note that the database at `path` was made, once (never through a link, 0600). */
export function noteDatabaseMade(path: string): void {
  if (path === ":memory:") return;
  let fd: number;
  try {
    fd = openSync(
      creationNoteOf(path),
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw new AppError(
      "store_open_failed",
      `cannot write ${creationNoteOf(path)} (${(error as Error).message}); check that the data directory is writable`,
      { cause: error },
    );
  }
  try {
    const note = `wedos-panel made the database ${path}. While this file is here, wedos-panel refuses to start on a`;
    writeAll(fd, `${note} database there that is missing or empty, rather than start again from nothing.\n`);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

/**
 * Creates the database file if it is not there and makes it private (0600), without ever following a link: the
 * data directory belongs to the service account, and a link planted there must not make us create or change the
 * mode of another file (docs/decisions/0010-root-acts-as-the-service-account.md). The file must be a regular file
 * with no other name (a hard link to someone else's file is refused too). Called before SQLite opens the path.
 * A database that was made before (its note is there) and is now missing or empty is refused, and left as it is:
 * SQLite would take either for a new database. `backupDir` is named in what to do.
 */
export function prepareDatabaseFile(path: string, backupDir: string): void {
  if (path === ":memory:") return;
  const made = databaseWasMade(path);
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_RDWR | (made ? 0 : constants.O_CREAT) | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      0o600,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw unsafe(path, "is a symbolic link");
    if (code === "ENOENT" && made) throw lostDatabase(path, "missing", creationNoteOf(path), backupDir);
    throw new AppError(
      "store_open_failed",
      `cannot open the database ${path}: ${(error as Error).message}; check that the data directory exists and is writable`,
      { cause: error },
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw unsafe(path, "is not a regular file");
    if (stat.nlink !== 1) throw unsafe(path, `has ${stat.nlink} names (hard links)`);
    if (made && stat.size === 0) throw lostDatabase(path, "empty (0 bytes)", creationNoteOf(path), backupDir);
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

function unsafe(path: string, what: string): AppError {
  return new AppError(
    "store_file_unsafe",
    `the database ${path} ${what}, so it was neither opened nor changed; it must be the plugin's own plain file: move it away and run "wedos-panel restore FILE" with a backup (or, to start from nothing, also remove ${creationNoteOf(path)} and run the command again)`,
  );
}
