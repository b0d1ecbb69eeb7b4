import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Secret } from "../util/secret.js";
import { ConfigError, readConfigFile, type Config } from "./load.js";
import { configSchema } from "./schema.js";

/** The password file's name when the configuration names none: beside the configuration file. */
export const DEFAULT_PASSWORD_FILE_NAME = "wapi-password";

/** What the admin's settings page changes; `password` undefined keeps the current one. */
export interface WapiSettingsChange {
  url: string;
  login: string;
  password: Secret | undefined;
}

/** Where the saved settings now are, for the running daemon to use at once. */
export interface SavedWapiSettings {
  /** The password file written, when a new password was given. */
  passwordFile: string | undefined;
  /** The configuration file written. */
  configFile: string;
}

/**
 * Saves the WAPI address, login and (when given) password so that the next start reads them. The configuration
 * file keeps every other key; the password goes to its own file (mode 0600) — `wapi.passwordFile`, else
 * `wapi-password` beside the configuration file — and never into config.json (an inline `wapi.password` is removed
 * when a new password is saved). Settings fixed by environment variables are left out: the file is not where they
 * come from. Both files are written atomically (a temporary file in the same directory, flushed, then renamed), so
 * a crash leaves the old file or the new one, never half of one. The configuration file keeps its mode and owner;
 * a new one gets 0644 (the page entry scripts read `daemon.listen` from it, and it holds no secret).
 */
export function saveWapiSettings(config: Config, change: WapiSettingsChange): SavedWapiSettings {
  const path = config.configPath;
  const problems: string[] = [];
  const file = readConfigFile(path, false, problems);
  if (problems.length > 0) throw new ConfigError(path, problems);

  const fixed = new Set(config.wapi.setByEnvironment);
  const wapi: Record<string, unknown> = { ...(isObject(file.data.wapi) ? file.data.wapi : {}) };
  if (!fixed.has("url")) wapi.url = change.url;
  if (!fixed.has("login")) wapi.login = change.login;
  let passwordFile: string | undefined;
  if (change.password !== undefined) {
    if (fixed.has("password"))
      throw new ConfigError(path, [
        `wapi.password: the password is set by WEDOS_WAPI_PASSWORD in the daemon's environment; change it there`,
      ]);
    passwordFile = config.wapi.passwordFile ?? join(dirname(path), DEFAULT_PASSWORD_FILE_NAME);
    delete wapi.password;
    if (!fixed.has("passwordFile")) wapi.passwordFile = passwordFile;
  }
  const updated = { ...file.data, wapi };
  const parsed = configSchema.safeParse(updated);
  if (!parsed.success)
    throw new ConfigError(
      path,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`),
    );

  if (passwordFile !== undefined && change.password !== undefined)
    writeFileAtomically(passwordFile, `${change.password.reveal()}\n`, 0o600);
  writeFileAtomically(path, `${JSON.stringify(updated, null, 2)}\n`, file.exists ? undefined : 0o644);
  return { passwordFile, configFile: path };
}

/**
 * Replaces `path` with `content` atomically. `mode` undefined keeps the existing file's mode and owner (a file
 * that does not exist yet is refused: the caller must say which mode a new file gets). A secret file gets its mode
 * before the first byte is written, so it is never readable by others, not even for an instant.
 */
export function writeFileAtomically(path: string, content: string, mode: number | undefined): void {
  const target = resolve(path);
  const existing = statOrUndefined(target);
  const fileMode = mode ?? (existing === undefined ? undefined : existing.mode & 0o7777);
  if (fileMode === undefined) throw new Error(`writeFileAtomically: ${target} does not exist and no mode was given`);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temporary, "wx", 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  try {
    // A root daemon rewriting a file owned by someone else gives it back to its owner.
    if (existing !== undefined && process.getuid?.() === 0) chownSync(temporary, existing.uid, existing.gid);
    // Set after creation: the mode given to open() is reduced by the umask.
    chmodSync(temporary, fileMode);
    renameSync(temporary, target);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  const dir = openSync(dirname(target), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

function statOrUndefined(path: string): { mode: number; uid: number; gid: number } | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
