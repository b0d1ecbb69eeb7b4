import { lstatSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { AppError } from "../errors.js";
import { PACKAGE_ROOT } from "../package-info.js";

/**
 * The installation record: `install.conf` in the package directory, written by the installers (root, 0644), one
 * `key=value` per line. It is the root-owned place root's tools learn the installation's facts from — never from
 * config.json, which belongs to the service account (docs/decisions/0010). Unknown keys are ignored. Without it (a
 * development checkout, the demo, the tests) the plugin is not installed and acts as it always did.
 */
export interface InstallRecord {
  /** The file it was read from. */
  file: string;
  /** The account root acts as before touching the data directory: a name, or a number (uid, and gid the same). */
  serviceUser: string;
  dataDir: string;
  configFile: string;
  /** Where the panel reader answers (docs/decisions/0011); undefined: this process reads the panel itself. */
  readerSocket: string | undefined;
  /** Where the hooks write their events (root's, docs/decisions/0020); undefined in a record of an older version. */
  spoolDir: string | undefined;
}

export const INSTALL_RECORD_FILE = join(PACKAGE_ROOT, "install.conf");

/** The record this process reads: the package's, or the file `WEDOS_PANEL_INSTALL_CONF` names (tests). */
export function installRecordFile(env: Readonly<Record<string, string | undefined>>): string {
  return env.WEDOS_PANEL_INSTALL_CONF?.trim() || INSTALL_RECORD_FILE;
}

const ACCOUNT = /^(?:[a-z_][a-z0-9_-]*\$?|\d+)$/i;

export class InstallRecordError extends AppError {
  constructor(file: string, problem: string) {
    super(
      "install_record_invalid",
      `${file}: ${problem}; run the plugin's install script again as root (it writes this file)`,
    );
  }
}

/** Reads the installation record; undefined when there is none. Throws when it is there but cannot be trusted. */
export function readInstallRecord(file: string = INSTALL_RECORD_FILE): InstallRecord | undefined {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InstallRecordError(file, `cannot be read (${(error as Error).message})`);
  }
  if (!stat.isFile()) throw new InstallRecordError(file, "is not a regular file");
  if (stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new InstallRecordError(
      file,
      `must belong to root and be writable by root only, but its owner is uid ${stat.uid} and its mode ${(stat.mode & 0o777).toString(8).padStart(4, "0")}`,
    );
  }
  const values = new Map<string, string>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const equals = line.indexOf("=");
    if (equals > 0) values.set(line.slice(0, equals), line.slice(equals + 1));
  }
  const problems: string[] = [];
  const serviceUser = values.get("service_user") ?? "";
  if (!ACCOUNT.test(serviceUser)) problems.push(`service_user="${serviceUser}" is not an account name or number`);
  const path = (key: string) => {
    const value = values.get(key) ?? "";
    if (!isAbsolute(value)) problems.push(`${key}="${value}" is not an absolute path`);
    return value;
  };
  const dataDir = path("data_dir");
  const configFile = path("config_file");
  const readerSocket = values.has("reader_socket") ? path("reader_socket") : undefined;
  const spoolDir = values.has("spool_dir") ? path("spool_dir") : undefined;
  if (problems.length > 0) throw new InstallRecordError(file, problems.join(", "));
  return { file, serviceUser, dataDir, configFile, readerSocket, spoolDir };
}
