import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";

/**
 * The hook spool under the data directory. Hooks write each event to tmp/ and rename it into new/ (so only
 * complete files are ever seen); the daemon reads new/ in name order (names start with the time in microseconds),
 * and moves what it cannot read to rejected/ with a .reason file beside it. The file's suffix says which panel
 * wrote it: `.env` is a DirectAdmin hook's environment (`env -0`), `.cpanel.json` a cPanel Standardized Hooks
 * payload exactly as cPanel passed it on stdin (without the account password).
 */
export type SpooledEvent =
  | { source: "directadmin"; file: string; hook: string; env: Record<string, string> }
  | { source: "cpanel"; file: string; hook: string; payload: unknown };

const DIRECTADMIN_SUFFIX = ".env";
const CPANEL_SUFFIX = ".cpanel.json";

export function spoolDir(dataDir: string): string {
  return join(dataDir, "spool");
}

/** Creates the spool folders (0700: events carry account details). */
export function ensureSpool(dataDir: string): void {
  for (const sub of ["tmp", "new", "rejected"]) mkdirSync(join(spoolDir(dataDir), sub), { recursive: true, mode: 0o700 });
}

/** The complete events waiting, oldest first. */
export function pendingEventFiles(dataDir: string): string[] {
  try {
    return readdirSync(join(spoolDir(dataDir), "new"))
      .filter((name) => name.endsWith(DIRECTADMIN_SUFFIX) || name.endsWith(CPANEL_SUFFIX))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * Reads one spooled event: a DirectAdmin environment (`env -0` output: NAME=value entries separated by NUL bytes)
 * or a cPanel payload (JSON). A file that is not JSON throws, so the caller keeps it aside with the reason.
 */
export function readSpooledEvent(dataDir: string, file: string): SpooledEvent {
  const text = readFileSync(join(spoolDir(dataDir), "new", file), "utf8");
  if (file.endsWith(CPANEL_SUFFIX)) {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch (error) {
      throw new AppError("cpanel_hook_invalid", `cPanel hook: the payload is not JSON (${(error as Error).message}); the event was kept in the spool's rejected/ folder`);
    }
    const context = (payload as { context?: { category?: unknown; event?: unknown } } | null)?.context;
    const hook = typeof context?.category === "string" && typeof context.event === "string" ? `${context.category}::${context.event}` : "cpanel";
    return { source: "cpanel", file, hook, payload };
  }
  const env: Record<string, string> = {};
  for (const entry of text.split("\0")) {
    const equals = entry.indexOf("=");
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return { source: "directadmin", file, hook: env.WEDOS_PANEL_HOOK ?? "", env };
}

/** Removes an event once it is stored in the database. */
export function removeSpooledEvent(dataDir: string, file: string): void {
  try {
    unlinkSync(join(spoolDir(dataDir), "new", file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** Keeps an unusable event aside with the reason, for an admin; never dropped. */
export function rejectSpooledEvent(dataDir: string, file: string, reason: string): void {
  const rejected = join(spoolDir(dataDir), "rejected");
  mkdirSync(rejected, { recursive: true, mode: 0o700 });
  renameSync(join(spoolDir(dataDir), "new", file), join(rejected, file));
  writeFileSync(join(rejected, `${file}.reason`), `${reason}\n`, { mode: 0o600 });
}
