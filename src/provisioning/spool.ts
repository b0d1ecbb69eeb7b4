import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The hook spool under the data directory. Hooks write each event's environment to tmp/ and rename it into new/
 * (so only complete files are ever seen); the daemon reads new/ in name order (names start with the time in
 * microseconds), and moves what it cannot read to rejected/ with a .reason file beside it.
 */
export interface SpooledEvent {
  file: string;
  hook: string;
  env: Record<string, string>;
}

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
    return readdirSync(join(spoolDir(dataDir), "new")).filter((name) => name.endsWith(".env")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Reads one spooled environment (`env -0` output: NAME=value entries separated by NUL bytes). */
export function readSpooledEvent(dataDir: string, file: string): SpooledEvent {
  const text = readFileSync(join(spoolDir(dataDir), "new", file), "utf8");
  const env: Record<string, string> = {};
  for (const entry of text.split("\0")) {
    const equals = entry.indexOf("=");
    if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return { file, hook: env.WEDOS_PANEL_HOOK ?? "", env };
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
