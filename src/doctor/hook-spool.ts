import { lstatSync } from "node:fs";
import type { InstallRecord } from "../config/install-record.js";
import type { CheckResult } from "./checks.js";

const CHECK = "hooks' spool";

/**
 * The hooks' spool on an installed server (docs/decisions/0020): root's, so root's hooks never write where the
 * service account could plant a link; group the service account's and readable by it, so the daemon (this process,
 * after the switch to the account) reads the events; writable by root alone.
 */
export function checkHookSpool(record: InstallRecord): CheckResult {
  const dir = record.spoolDir;
  if (dir === undefined) {
    return {
      check: CHECK,
      status: "fail",
      message: `${record.file} names no spool_dir (it was written by an earlier version), so the hooks queue nothing; install the plugin again (update.sh) to create the spool and record it`,
    };
  }
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (error) {
    return {
      check: CHECK,
      status: "fail",
      message: `${dir} cannot be read (${(error as Error).message}), so the hooks queue nothing; install the plugin again, which creates it`,
    };
  }
  const fix = `run: chown root:${process.getgid?.() ?? record.serviceUser} ${dir} && chmod 2750 ${dir}`;
  if (stat.isSymbolicLink() || !stat.isDirectory())
    return {
      check: CHECK,
      status: "fail",
      message: `${dir} is not a directory but a link or a file; move it away and install the plugin again, which creates it`,
    };
  if (stat.uid !== 0)
    return {
      check: CHECK,
      status: "fail",
      message: `${dir} belongs to uid ${stat.uid}, not root: the hooks, run as root, must not write where another account can plant a link; ${fix}`,
    };
  if ((stat.mode & 0o022) !== 0)
    return {
      check: CHECK,
      status: "fail",
      message: `${dir} is writable by others than root (mode ${(stat.mode & 0o7777).toString(8)}): the service account could plant a link where root's hooks write; ${fix}`,
    };
  if (stat.gid !== process.getgid?.() || (stat.mode & 0o050) !== 0o050) {
    return {
      check: CHECK,
      status: "fail",
      message: `the daemon cannot read ${dir} (group ${stat.gid}, mode ${(stat.mode & 0o7777).toString(8)}), so hook events wait there unread; ${fix}`,
    };
  }
  return { check: CHECK, status: "ok", message: `${dir}: root's, readable by the service account's group` };
}
