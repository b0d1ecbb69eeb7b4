import { accessSync, constants, lstatSync } from "node:fs";
import { delimiter, join } from "node:path";
import type { Config } from "../config/load.js";
import type { CheckResult } from "./checks.js";
import { checkHookSpool } from "./hook-spool.js";

/**
 * What the installation record (install.conf) promises: root's commands act on the data directory only as the
 * service account (docs/decisions/0010-root-acts-as-the-service-account.md), which needs a data directory of that
 * account's own and a configuration that does not point elsewhere; root's hooks write a spool only root can write
 * (docs/decisions/0020); the installers need setpriv.
 */
export function checkInstallation(config: Config, env: Readonly<Record<string, string | undefined>>): CheckResult[] {
  const record = config.installation;
  if (record === undefined) return []; // a development copy or the demo: nothing was installed
  const results: CheckResult[] = [
    {
      check: "installation",
      status: "ok",
      message: `${record.file}: service account ${record.serviceUser}, data in ${record.dataDir}`,
    },
  ];
  if (config.ignoredDataDir !== undefined) {
    results.push({
      check: "data directory setting",
      status: "warn",
      message: `the configuration sets dataDir ${config.ignoredDataDir}, but this installation keeps its data in ${record.dataDir} (${record.file}), where the hooks write; remove dataDir from ${config.configPath}, or install again with --data-dir ${config.ignoredDataDir} to move there`,
    });
  }
  if (findProgram("setpriv", env.PATH) === undefined) {
    results.push({
      check: "setpriv",
      status: "warn",
      message:
        "setpriv is not installed, so install.sh and update.sh cannot act as the service account and stop; install util-linux (it has setpriv)",
    });
  }
  results.push(dataDirOwner(record.dataDir));
  results.push(checkHookSpool(record));
  return results;
}

/** The data directory must be a real directory of the account this runs as (the service account, after the switch). */
function dataDirOwner(dir: string): CheckResult {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    return {
      check: "data directory owner",
      status: "fail",
      message: `${dir} cannot be read (${(error as Error).message}); install the plugin again, which creates it`,
    };
  }
  const uid = process.getuid?.();
  if (stat.isSymbolicLink() || !stat.isDirectory())
    return {
      check: "data directory owner",
      status: "fail",
      message: `${dir} is not a directory but a link or a file; move it away and install the plugin again, which creates it`,
    };
  if (uid !== undefined && stat.uid !== uid)
    return {
      check: "data directory owner",
      status: "fail",
      message: `${dir} belongs to uid ${stat.uid}, not to the service account (uid ${uid}); run: chown ${uid}: ${dir}`,
    };
  return { check: "data directory owner", status: "ok", message: `${dir} belongs to the service account` };
}

function findProgram(name: string, path: string | undefined): string | undefined {
  for (const dir of [...(path ?? "").split(delimiter), "/usr/bin", "/bin"]) {
    if (dir === "") continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
