import { closeSync, constants, fchmodSync, fstatSync, openSync } from "node:fs";
import { AppError } from "../errors.js";

/**
 * Creates the database file if it is not there and makes it private (0600), without ever following a link: the
 * data directory belongs to the service account, and a link planted there must not make us create or change the
 * mode of another file (docs/decisions/0010-root-acts-as-the-service-account.md). The file must be a regular file
 * with no other name (a hard link to someone else's file is refused too). Called before SQLite opens the path.
 */
export function prepareDatabaseFile(path: string): void {
  if (path === ":memory:") return;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") throw unsafe(path, "is a symbolic link");
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
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

function unsafe(path: string, what: string): AppError {
  return new AppError(
    "store_file_unsafe",
    `the database ${path} ${what}, so it was neither opened nor changed; it must be the plugin's own plain file: move it away and run the command again (a new database is created), or restore it from a backup`,
  );
}
