import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { z } from "zod";
import { AppError } from "../errors.js";
import { Secret } from "../util/secret.js";
import { installRecordFile, InstallRecordError, readInstallRecord, type InstallRecord } from "./install-record.js";
import { configSchema, type ParsedConfig } from "./schema.js";

export const DEFAULT_CONFIG_PATH = "/etc/wedos-panel/config.json";

/** The configuration the rest of the code sees: parsed, defaults applied, the password resolved and wrapped. */
export interface Config extends Omit<ParsedConfig, "wapi" | "pages"> {
  pages: ParsedConfig["pages"] & { proofDir: string };
  /** The file the configuration came from, when one was read. */
  configFile: string | undefined;
  /** The file the configuration is read from (WEDOS_PANEL_CONFIG or the default), whether or not it exists yet. */
  configPath: string;
  /**
   * The installation record (install.conf) the installers wrote, if any. It names the configuration file (unless
   * WEDOS_PANEL_CONFIG does) and the data directory: dataDir in the file or the environment then counts for nothing,
   * because the hooks and root's commands find the data where the record says.
   */
  installation: InstallRecord | undefined;
  /** A dataDir the file or the environment gives that the installation record overrides (doctor says so). */
  ignoredDataDir: string | undefined;
  /** The installation record's `reader_socket`: the panel is read through the panel reader there; undefined: read directly. */
  readerSocket: string | undefined;
  wapi: Omit<ParsedConfig["wapi"], "password" | "passwordFile"> & {
    password: Secret | undefined;
    /** Where the password came from, for `doctor`: never the value itself. */
    passwordSource: string | undefined;
    /** The password file (resolved), when the password comes from one. */
    passwordFile: string | undefined;
    /** The WAPI settings an environment variable fixes: a value saved in the file would not take effect. */
    setByEnvironment: ReadonlyArray<WapiEnvironmentSetting>;
  };
}

/** The WAPI settings that environment variables can override, and their variables. */
export const WAPI_ENVIRONMENT = {
  url: "WEDOS_WAPI_URL",
  login: "WEDOS_WAPI_LOGIN",
  password: "WEDOS_WAPI_PASSWORD",
  passwordFile: "WEDOS_WAPI_PASSWORD_FILE",
} as const;
export type WapiEnvironmentSetting = keyof typeof WAPI_ENVIRONMENT;

/** Overrides store.driver (docs/decisions/0009). */
export const SQLITE_DRIVER_VARIABLE = "WEDOS_PANEL_SQLITE_DRIVER";

export class ConfigError extends AppError {
  readonly problems: string[];

  constructor(source: string, problems: string[]) {
    super("config_invalid", `configuration is invalid (${source}):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Loads the configuration once: the JSON file (WEDOS_PANEL_CONFIG, else the installation record's, else
 * /etc/wedos-panel/config.json), then the environment overrides, then validation. Every problem is reported at once,
 * each with what to do.
 */
export function loadConfig(env: Env = process.env): Config {
  let installation: InstallRecord | undefined;
  const recordFile = installRecordFile(env);
  try {
    installation = readInstallRecord(recordFile);
  } catch (error) {
    if (error instanceof InstallRecordError) throw new ConfigError(recordFile, [error.message]);
    throw error;
  }
  const explicitPath = nonEmpty(env.WEDOS_PANEL_CONFIG);
  const path = resolve(explicitPath ?? installation?.configFile ?? DEFAULT_CONFIG_PATH);
  const problems: string[] = [];

  const fromFile = readConfigFile(path, explicitPath !== undefined, problems);
  const merged = applyEnvOverrides(fromFile.data, env);
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) problems.push(...describeIssues(parsed.error));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(fromFile.exists ? path : "environment", problems);

  const { password, passwordFile, ...wapi } = parsed.data.wapi;
  const secret = resolvePassword({
    password,
    passwordFile,
    env,
    configPath: path,
    configHasPassword: fromFile.hasPassword,
  });
  if (secret.problem !== undefined) throw new ConfigError(fromFile.exists ? path : "environment", [secret.problem]);

  const setByEnvironment = (Object.keys(WAPI_ENVIRONMENT) as WapiEnvironmentSetting[]).filter(
    (key) => nonEmpty(env[WAPI_ENVIRONMENT[key]]) !== undefined,
  );
  const configuredDataDir = resolve(parsed.data.dataDir);
  return {
    ...parsed.data,
    dataDir: installation?.dataDir ?? configuredDataDir,
    configFile: fromFile.exists ? path : undefined,
    configPath: path,
    pages: { ...parsed.data.pages, proofDir: parsed.data.pages.proofDir ?? defaultProofDir(parsed.data.daemon.listen) },
    installation,
    ignoredDataDir:
      installation !== undefined && merged.dataDir !== undefined && configuredDataDir !== installation.dataDir
        ? configuredDataDir
        : undefined,
    readerSocket: installation?.readerSocket,
    wapi: {
      ...wapi,
      password: secret.value,
      passwordSource: secret.source,
      passwordFile: passwordFile === undefined ? undefined : resolve(passwordFile),
      setByEnvironment,
    },
  };
}

/**
 * Reads the configuration file as JSON without validating it; a missing file is `exists: false` (a problem only
 * when `required`). Problems are appended to `problems`, each naming the file and what to do.
 */
export function readConfigFile(
  path: string,
  required: boolean,
  problems: string[],
): { exists: boolean; data: Record<string, unknown>; hasPassword: boolean } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    if (!missing || required) {
      problems.push(
        missing
          ? `${path}: file not found; create it or point WEDOS_PANEL_CONFIG at the right file`
          : `${path}: cannot be read (${(error as Error).message}); check its owner and permissions`,
      );
    }
    return { exists: false, data: {}, hasPassword: false };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    problems.push(`${path}: not valid JSON (${(error as Error).message}); fix the syntax`);
    return { exists: true, data: {}, hasPassword: false };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    problems.push(`${path}: must contain a JSON object like {"wapi": {"login": "..."}}`);
    return { exists: true, data: {}, hasPassword: false };
  }
  const wapi = (data as { wapi?: { password?: unknown } }).wapi;
  return { exists: true, data: data as Record<string, unknown>, hasPassword: wapi?.password !== undefined };
}

function applyEnvOverrides(fileData: Record<string, unknown>, env: Env): Record<string, unknown> {
  const wapi = { ...((fileData.wapi as Record<string, unknown> | undefined) ?? {}) };
  for (const [key, variable] of Object.entries(WAPI_ENVIRONMENT)) {
    const value = nonEmpty(env[variable]);
    if (value === undefined) continue;
    // A password given in the environment replaces one from a file, and the other way round.
    if (key === "password") delete wapi.passwordFile;
    if (key === "passwordFile") delete wapi.password;
    wapi[key] = value;
  }
  const dataDir = nonEmpty(env.WEDOS_PANEL_DATA_DIR);
  const dns = { ...((fileData.dns as Record<string, unknown> | undefined) ?? {}) };
  const zoneDir = nonEmpty(env.WEDOS_PANEL_ZONE_DIR);
  if (zoneDir !== undefined) dns.zoneDir = zoneDir;
  const directadmin = { ...((fileData.directadmin as Record<string, unknown> | undefined) ?? {}) };
  const daRoot = nonEmpty(env.WEDOS_PANEL_DA_ROOT);
  if (daRoot !== undefined) directadmin.root = daRoot;
  const daApiUrl = nonEmpty(env.WEDOS_PANEL_DA_API_URL);
  if (daApiUrl !== undefined) directadmin.apiUrl = daApiUrl;
  const panel = nonEmpty(env.WEDOS_PANEL_KIND);
  const store = { ...((fileData.store as Record<string, unknown> | undefined) ?? {}) };
  const sqliteDriver = nonEmpty(env[SQLITE_DRIVER_VARIABLE]);
  if (sqliteDriver !== undefined) store.driver = sqliteDriver.trim();
  return {
    ...fileData,
    wapi,
    dns,
    directadmin,
    store,
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(panel === undefined ? {} : { panel }),
  };
}

function resolvePassword(input: {
  password: string | undefined;
  passwordFile: string | undefined;
  env: Env;
  configPath: string;
  configHasPassword: boolean;
}): { value?: Secret; source?: string; problem?: string } {
  if (input.password !== undefined) {
    const fromEnv = nonEmpty(input.env.WEDOS_WAPI_PASSWORD) !== undefined;
    if (!fromEnv && input.configHasPassword) {
      const problem = checkPrivateMode(input.configPath, "the configuration file holds the WAPI password, so it");
      if (problem !== undefined) return { problem };
    }
    return { value: new Secret(input.password), source: fromEnv ? "WEDOS_WAPI_PASSWORD" : input.configPath };
  }
  if (input.passwordFile === undefined) return {};
  const file = resolve(input.passwordFile);
  const problem = checkPrivateMode(file, "the WAPI password file");
  if (problem !== undefined) return { problem };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return { problem: `${file}: the WAPI password file cannot be read (${(error as Error).message})` };
  }
  const value = text.replace(/\r?\n$/, "");
  if (value.length === 0)
    return { problem: `${file}: the WAPI password file is empty; write the WAPI password into it` };
  return { value: new Secret(value), source: file };
}

/** A file holding a secret must be readable by its owner only (mode 0600 or 0400). */
function checkPrivateMode(file: string, what: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch (error) {
    return `${file}: ${what} cannot be read (${(error as Error).message})`;
  }
  if ((mode & 0o077) === 0) return undefined;
  return `${file}: ${what} must be readable by its owner only, but its mode is ${mode.toString(8).padStart(4, "0")}; run: chmod 600 ${file}`;
}

/** `proof` beside the daemon's socket; for a host:port listener, where the default socket would be. */
export function defaultProofDir(listen: string): string {
  return listen.includes("/") ? join(dirname(resolve(listen)), "proof") : "/run/wedos-panel/proof";
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    return `${path}: ${issue.message}`;
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
