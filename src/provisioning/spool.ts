import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import type { HookWarning } from "../store/hook-warning-store.js";

/**
 * The hook spool under the data directory. Hooks write each event to tmp/ and rename it into new/ (so only
 * complete files are ever seen); the daemon reads new/ in name order (names start with the time in microseconds),
 * and moves what it cannot read to rejected/ with a .reason file beside it. The file's suffix says what it holds:
 * `.env` is a DirectAdmin hook's variables (NAME=value entries ended by NUL bytes, only those the plugin reads),
 * `.cpanel.json` a cPanel Standardized Hooks payload as cPanel passed it on stdin (secrets nulled), `.warning` a pre
 * hook's note that it let an action through unchecked (hooks/pre-check.sh: the variables, and WEDOS_PANEL_WARNING).
 */
export type SpooledEvent =
  | { source: "directadmin"; file: string; hook: string; env: Record<string, string> }
  | { source: "cpanel"; file: string; hook: string; payload: unknown }
  | { source: "warning"; file: string; hook: string; env: Record<string, string> };

const DIRECTADMIN_SUFFIX = ".env";
const CPANEL_SUFFIX = ".cpanel.json";
const WARNING_SUFFIX = ".warning";

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
      .filter((name) => [DIRECTADMIN_SUFFIX, CPANEL_SUFFIX, WARNING_SUFFIX].some((suffix) => name.endsWith(suffix)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * Reads one spooled event: DirectAdmin variables or a pre hook's warning (NAME=value entries ended by NUL bytes), or
 * a cPanel payload (JSON). A file that is not JSON throws, so the caller keeps it aside with the reason.
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
  return { source: file.endsWith(WARNING_SUFFIX) ? "warning" : "directadmin", file, hook: env.WEDOS_PANEL_HOOK ?? "", env };
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

/** A pre hook's warning as the admin sees it, dated by its file name (the hook's time in microseconds). */
export function warningOf(event: Extract<SpooledEvent, { source: "warning" }>, now: number): HookWarning {
  const micros = /^\d{16}-/.test(event.file) ? Number(event.file.slice(0, 16)) : undefined;
  return {
    at: micros === undefined ? now : Math.floor(micros / 1000),
    hook: event.hook,
    username: event.env.username ?? null,
    domain: (event.env.from ?? event.env.domain)?.toLowerCase() ?? null,
    message: event.env.WEDOS_PANEL_WARNING ?? "the hook gave no reason",
  };
}

/** The pre hooks' warnings still waiting in the spool (the daemon records them as it reads the spool). */
export function pendingWarnings(dataDir: string, now: number): HookWarning[] {
  return pendingEventFiles(dataDir)
    .filter((file) => file.endsWith(WARNING_SUFFIX))
    .map((file) => readSpooledEvent(dataDir, file))
    .flatMap((event) => (event.source === "warning" ? [warningOf(event, now)] : []));
}
