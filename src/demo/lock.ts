import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { AppError } from "../errors.js";
import type { DemoPaths } from "./paths.js";

/** The process id in the demo's pid file if that process is alive, else undefined. */
export function runningDemo(paths: DemoPaths): number | undefined {
  if (!existsSync(paths.pid)) return undefined;
  const pid = Number(readFileSync(paths.pid, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

function refuseIfRunning(paths: DemoPaths, doing: string): void {
  const pid = runningDemo(paths);
  if (pid !== undefined && pid !== process.pid) {
    throw new AppError(
      "demo_running",
      `the demo is running (pid ${pid}) on ${paths.root}, so it cannot ${doing}: stop it first with Ctrl-C in its terminal (if no demo runs, delete ${paths.pid})`,
    );
  }
}

/** Records this process as the running demo; refused while another one runs on the same directory. */
export function claimDemo(paths: DemoPaths): void {
  refuseIfRunning(paths, "start a second time");
  mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  writeFileSync(paths.pid, `${process.pid}\n`);
}

/** Forgets this process as the running demo. */
export function releaseDemo(paths: DemoPaths): void {
  if (runningDemo(paths) === process.pid) rmSync(paths.pid, { force: true });
}

/**
 * Deletes the demo's directory so the next start begins afresh. Refused while the demo runs, and for a directory
 * that holds files but is not the demo's (no DEMO marker): a mistyped path must never be wiped.
 */
export function resetDemo(paths: DemoPaths): boolean {
  if (!existsSync(paths.root)) return false;
  refuseIfRunning(paths, "be reset");
  if (!existsSync(paths.marker) && readdirSync(paths.root).length > 0) {
    throw new AppError(
      "demo_reset_refused",
      `${paths.root} is not the demo's directory (it has no DEMO file), so it is left alone; delete it yourself if you mean to`,
    );
  }
  rmSync(paths.root, { recursive: true, force: true });
  return true;
}
