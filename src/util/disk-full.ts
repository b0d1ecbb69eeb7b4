import { statfsSync } from "node:fs";

/**
 * Below this much free space a filesystem counts as full: a hook's event file or SQLite's journal for one
 * transaction may no longer fit (docs/decisions/0027-a-full-disk.md).
 */
export const FULL_BELOW_BYTES = 1024 * 1024;

/** Whether an error (or one it wraps) says the disk is full: SQLite's SQLITE_FULL, or ENOSPC/EDQUOT from the OS. */
export function isDiskFull(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT") return true;
    if (/database or disk is full|no space left on device|disk quota exceeded/i.test(current.message)) return true;
  }
  return false;
}

/** What is left on the filesystem of `dir` for an unprivileged writer, in bytes (undefined when it cannot be read). */
export function freeBytes(dir: string): number | undefined {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** The first of `dirs` whose filesystem is full, with what is left there; undefined when none is. */
export function fullFilesystem(dirs: readonly string[]): { dir: string; free: number } | undefined {
  for (const dir of dirs) {
    const free = freeBytes(dir);
    if (free !== undefined && free < FULL_BELOW_BYTES) return { dir, free };
  }
  return undefined;
}
