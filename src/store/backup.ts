import { closeSync, constants, fchmodSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/load.js";
import { AppError } from "../errors.js";
import type { Database } from "./database.js";

/** A backup's name: the moment it was taken, in UTC, so names sort oldest first. */
const BACKUP_NAME = /^wedos-panel-\d{8}T\d{6}Z\.sqlite$/;

/** Where backups go: store.backupDir, else backups/ in the data directory. */
export function backupDirOf(config: Pick<Config, "dataDir" | "store">): string {
  return config.store.backupDir ?? join(config.dataDir, "backups");
}

export function backupName(now: number): string {
  return `wedos-panel-${new Date(now)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "")}.sqlite`;
}

export interface BackupResult {
  file: string;
  /** Older backups removed to keep store.backupKeep. */
  removed: string[];
}

/**
 * SQLite's online backup of the open database (the daemon and hooks keep writing meanwhile) into a new 0600 file
 * of a 0700 folder, under a temporary name until it is complete, then the oldest backups beyond `keep` are removed.
 */
export async function backupDatabase(db: Database, dir: string, now: number, keep: number): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, backupName(now));
  const partial = `${file}.partial`;
  createPrivateFile(partial);
  try {
    await db.backup(partial);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError(
      "store_backup_failed",
      `the backup to ${file} failed: ${(error as Error).message}; check that ${dir} has room and belongs to the service account`,
      { cause: error },
    );
  }
  return { file, removed: rotateBackups(dir, keep) };
}

/** The backups in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function rotateBackups(dir: string, keep: number): string[] {
  const backups = listBackups(dir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}

/**
 * A new empty file only we can read: never through a link, never an existing file (a backup holds every
 * customer's records). SQLite writes into it and keeps its mode.
 */
export function createPrivateFile(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (error) {
    throw new AppError(
      "store_backup_failed",
      `cannot create ${path}: ${(error as Error).message}; remove what is there or choose another folder`,
      { cause: error },
    );
  }
  try {
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}
