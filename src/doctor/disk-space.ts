import { FULL_BELOW_BYTES, freeBytes } from "../util/disk-full.js";
import type { CheckResult } from "./checks.js";

const CHECK = "disk space";
/** Below this a warning: a burst of hook events or a day's backups could fill what is left. */
const NEARLY_FULL_BYTES = 64 * 1024 * 1024;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * The filesystems of the data directory (the database) and of the hooks' spool: on a full one, hooks cannot
 * queue their events and the worker waits (docs/decisions/0027-a-full-disk.md).
 */
export function checkDiskSpace(dirs: readonly string[]): CheckResult {
  const seen: string[] = [];
  let nearlyFull: string | undefined;
  for (const dir of dirs) {
    const free = freeBytes(dir);
    if (free === undefined) continue;
    if (free < FULL_BELOW_BYTES) {
      return {
        check: CHECK,
        status: "fail",
        message: `the filesystem of ${dir} is full (${mib(free)} left): hooks cannot queue events and the worker waits; free space there (the daemon resumes by itself and its reconcile finds the events that were lost)`,
      };
    }
    if (free < NEARLY_FULL_BYTES)
      nearlyFull ??= `the filesystem of ${dir} is nearly full (${mib(free)} left); free space there before hooks can no longer queue events`;
    seen.push(`${dir}: ${mib(free)} free`);
  }
  if (nearlyFull !== undefined) return { check: CHECK, status: "warn", message: nearlyFull };
  return { check: CHECK, status: "ok", message: seen.length === 0 ? "no data directory yet" : seen.join("; ") };
}
