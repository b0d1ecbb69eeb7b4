import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
  constants,
} from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import type { PanelKind } from "../model/panel-kind.js";
import type { SpooledHook } from "../panel/adapter.js";
import { panelAdapters } from "../panel/adapters.js";
import { hookVariablesOf } from "../panel/directadmin/adapter.js";
import type { HookWarning } from "../store/hook-warning-store.js";
import { MESSAGE_MAX, oneLine } from "../util/one-line.js";

/**
 * The hook spool (docs/decisions/0020). Hooks write each event straight into the events directory, named
 * `<16-digit sequence>-<pid>-<hook><suffix>` (the cPanel hook: `<sequence>-<pid>.cpanel.json`), so that name order
 * is the order the events happened; the file is complete once it ends with the end marker. The daemon never removes
 * them: on an installed server the events directory is root's, which the daemon may read but not change. It notes
 * each event it has consumed in the database (the same transaction as the event's changes) and as an empty file of
 * the same name in consumed/, which the hooks look for when they remove old files. An event it cannot use is copied
 * to rejected/ with a .reason file beside it.
 *
 * The suffix says what a file holds: each panel's adapter names its own (`.env` DirectAdmin's variables,
 * `.cpanel.json` a cPanel Standardized Hooks payload) and reads it; `.warning` is a DirectAdmin pre hook's note that
 * it let an action through unchecked (hooks/pre-check.sh: the variables, and WEDOS_PANEL_WARNING).
 */
export interface HookSpool {
  /** Where the hooks write: root's spool directory when installed, else <dataDir>/spool/new. */
  events: string;
  /** The daemon's notes of what it consumed (its own). */
  consumed: string;
  /** Copies of what it could not use, each with a .reason file (its own). */
  rejected: string;
  /** Installed: where an earlier version's hooks spooled (<dataDir>/spool/new), read until it is empty. */
  legacy?: string;
}

export type SpooledEvent =
  | ({ source: PanelKind; file: string } & SpooledHook)
  | { source: "warning"; file: string; hook: string; env: Record<string, string> };

/**
 * One spool file as read: complete once it ends with the end marker (`body` is then what the hook recorded, without
 * the marker), else being written or torn (`body` is all there is).
 */
export interface SpoolRead {
  complete: boolean;
  body: Buffer;
  modifiedAt: number;
}

const WARNING_SUFFIX = ".warning";
/** Every complete file ends with this: a NUL, the name, a NUL (after the JSON, or after the NUL of the last entry). */
const END = Buffer.from("\0WEDOS_PANEL_END\0");

/** The spool of an installation (its record names the events directory), or of a development data directory. */
export function hookSpool(dataDir: string, installation?: { spoolDir: string | undefined }): HookSpool {
  const own = join(dataDir, "spool");
  const paths = { consumed: join(own, "consumed"), rejected: join(own, "rejected") };
  return installation?.spoolDir === undefined
    ? { events: join(own, "new"), ...paths }
    : { events: installation.spoolDir, ...paths, legacy: join(own, "new") };
}

/** Creates the daemon's folders, and the events folder unless the installers made it (0700: events carry account details). */
export function ensureSpool(spool: HookSpool): void {
  for (const dir of [spool.consumed, spool.rejected]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(spool.events)) mkdirSync(spool.events, { recursive: true, mode: 0o700 });
}

/** Every event file in the spool, consumed or not, in the order the events happened. */
export function spoolFileNames(spool: HookSpool): string[] {
  try {
    return readdirSync(spool.events)
      .filter((name) => name.endsWith(WARNING_SUFFIX) || adapterOfFile(name) !== undefined)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The events not consumed yet, oldest first (complete or not). */
export function pendingEventFiles(spool: HookSpool): string[] {
  return spoolFileNames(spool).filter((file) => !existsSync(join(spool.consumed, file)));
}

/** Reads one spool file, without following a link or waiting on anything that is not a regular file. */
export function readSpoolFile(spool: HookSpool, file: string): SpoolRead {
  const fd = openSync(join(spool.events, file), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  let bytes: Buffer;
  let modifiedAt: number;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile())
      throw new AppError(
        "spool_file_invalid",
        `spool: ${file} is not a regular file; the event was kept in the spool's rejected/ folder`,
      );
    modifiedAt = stat.mtimeMs;
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  const complete = bytes.subarray(-END.length).equals(END);
  if (!complete) return { complete, body: bytes, modifiedAt };
  return { complete, body: bytes.subarray(0, bytes.length - END.length), modifiedAt };
}

/** The adapter of the panel whose hooks write files named like this, if any. */
function adapterOfFile(file: string) {
  return panelAdapters().find((adapter) => file.endsWith(adapter.hooks.spoolSuffix));
}

/**
 * The event a complete file's body holds: a panel hook's record, read by that panel's adapter, or a pre hook's
 * warning (NAME=value entries ended by NUL bytes). A body that cannot be decoded throws, so the caller keeps it aside.
 */
export function parseSpooledEvent(file: string, body: Buffer): SpooledEvent {
  if (file.endsWith(WARNING_SUFFIX)) {
    const env = hookVariablesOf(body);
    return { source: "warning", file, hook: oneLine(env.WEDOS_PANEL_HOOK ?? ""), env };
  }
  const adapter = adapterOfFile(file);
  if (adapter === undefined) {
    throw new AppError(
      "spool_file_invalid",
      `spool: ${file} is no panel hook's file; it was kept in the spool's rejected/ folder`,
    );
  }
  return { source: adapter.kind, file, ...adapter.hooks.read(body) };
}

/** Reads and parses one complete spool file; throws when it is not complete (yet). */
export function readSpooledEvent(spool: HookSpool, file: string): SpooledEvent {
  const read = readSpoolFile(spool, file);
  if (!read.complete)
    throw new AppError("spool_file_incomplete", `spool: ${file} does not end with the end marker (yet)`);
  return parseSpooledEvent(file, read.body);
}

/** The hook's name as the file name gives it (`<sequence>-<pid>-<hook>.env`), for an event that cannot be read. */
export function hookOfFileName(file: string): string {
  if (file.endsWith(WARNING_SUFFIX)) return oneLine(/^\d+-\d+-(.+?)\.warning$/.exec(file)?.[1] ?? "unknown");
  return oneLine(adapterOfFile(file)?.hooks.hookOfFileName(file) ?? "unknown");
}

/** Notes that an event was consumed, for the hooks that remove old files (idempotent). */
export function noteConsumed(spool: HookSpool, file: string): void {
  if (!existsSync(join(spool.consumed, file))) writeFileSync(join(spool.consumed, file), "", { mode: 0o600 });
}

/** Drops the note of an event the hooks have removed. */
export function forgetConsumed(spool: HookSpool, file: string): void {
  try {
    unlinkSync(join(spool.consumed, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/**
 * Keeps a copy of an unusable event aside with the reason, for an admin; never dropped. The copy is the only place
 * the hook's values are kept as they came; the reason, like everything else, is one bounded line (returned).
 */
export function rejectSpooledEvent(spool: HookSpool, file: string, bytes: Buffer, reason: string): string {
  const line = oneLine(reason, MESSAGE_MAX);
  mkdirSync(spool.rejected, { recursive: true, mode: 0o700 });
  writeFileSync(join(spool.rejected, file), bytes, { mode: 0o600 });
  writeFileSync(join(spool.rejected, `${file}.reason`), `${line}\n`, { mode: 0o600 });
  return line;
}

/** A pre hook's warning as the admin sees it, dated by its file's time. */
export function warningOf(event: Extract<SpooledEvent, { source: "warning" }>, at: number): HookWarning {
  return {
    at: Math.floor(at),
    hook: oneLine(event.hook),
    username: nullable(event.env.username),
    domain: nullable((event.env.from ?? event.env.domain)?.toLowerCase()),
    message: oneLine(event.env.WEDOS_PANEL_WARNING ?? "the hook gave no reason", MESSAGE_MAX),
  };
}

function nullable(value: string | undefined): string | null {
  return value === undefined ? null : oneLine(value);
}

/** The pre hooks' warnings still waiting in the spool (the daemon records them as it reads the spool). */
export function pendingWarnings(spool: HookSpool): HookWarning[] {
  return pendingEventFiles(spool)
    .filter((file) => file.endsWith(WARNING_SUFFIX))
    .flatMap((file) => {
      const read = readSpoolFile(spool, file);
      const event = read.complete ? parseSpooledEvent(file, read.body) : undefined;
      return event?.source === "warning" ? [warningOf(event, read.modifiedAt)] : [];
    });
}
