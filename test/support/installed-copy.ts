import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { passableTempDir, requireRootAndFreeServiceUid, SERVICE_UID } from "./service-account.js";

/**
 * The plugin as the installers leave it on a DirectAdmin server, without running them: the hooks, plugin.conf and
 * the compiled command in a root-owned plugin directory (node_modules linked to this checkout's), the installation
 * record naming the service account, that account's configuration directory and data directory, and the hooks' spool
 * (root's, group the account's, 2750: docs/decisions/0020).
 * The service account is the free uid SERVICE_UID unless `serviceUser` names another (tests run as root).
 */
export interface InstalledCopy {
  base: string;
  pluginDir: string;
  dataDir: string;
  /** The hooks' spool, root's. */
  spoolDir: string;
  configFile: string;
  record: string;
  /** Writes the installation record; `newline: false` leaves the last line without one, `spoolDir: null` the key. */
  writeRecord(
    values: { serviceUser: string; dataDir?: string; configFile?: string; spoolDir?: string | null },
    options?: { newline?: boolean },
  ): void;
  /** Runs hooks/<hook>.sh as DirectAdmin does: as root, DirectAdmin's variables only. */
  hook(hook: string, env?: Record<string, string>): { status: number | null; stdout: string };
  /** Runs the installed `wedos-panel` command as root. */
  cli(args: string[], env?: Record<string, string>): { status: number | null; stdout: string; stderr: string };
  /** Runs a command as the service account (what it can do to its own files). */
  asService(command: string, ...args: string[]): void;
}

export function installedCopy(options: { serviceUser?: string } = {}): InstalledCopy {
  requireRootAndFreeServiceUid();
  const base = passableTempDir("wedos-panel-installed-");
  const pluginDir = join(base, "plugins", "wedos");
  mkdirSync(pluginDir, { recursive: true, mode: 0o755 });
  for (const part of ["hooks", "plugin.conf", "package.json", join("build", "lib")])
    cpSync(join(PACKAGE_ROOT, part), join(pluginDir, part), { recursive: true });
  symlinkSync(join(PACKAGE_ROOT, "node_modules"), join(pluginDir, "node_modules"));
  const etc = join(base, "etc", "wedos-panel");
  const configFile = join(etc, "config.json");
  const dataDir = join(base, "var", "lib", "wedos-panel");
  for (const dir of [
    etc,
    dataDir,
    join(dataDir, "spool"),
    join(dataDir, "spool", "consumed"),
    join(dataDir, "spool", "rejected"),
  ]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    chownSync(dir, SERVICE_UID, SERVICE_UID);
  }
  const spoolDir = join(base, "var", "spool", "wedos-panel");
  mkdirSync(spoolDir, { recursive: true });
  chownSync(spoolDir, 0, SERVICE_UID);
  chmodSync(spoolDir, 0o2750);
  for (const dir of [join(base, "etc"), join(base, "var"), join(base, "var", "lib"), join(base, "var", "spool")])
    chmodSync(dir, 0o755);
  writeFileSync(configFile, "{}\n", { mode: 0o600 });
  chownSync(configFile, SERVICE_UID, SERVICE_UID);
  const record = join(pluginDir, "install.conf");
  const copy: InstalledCopy = {
    base,
    pluginDir,
    dataDir,
    spoolDir,
    configFile,
    record,
    writeRecord: (values, { newline = true } = {}) => {
      const spool = values.spoolDir === null ? "" : `spool_dir=${values.spoolDir ?? spoolDir}\n`;
      const text = `${spool}data_dir=${values.dataDir ?? dataDir}\nservice_user=${values.serviceUser}\nconfig_file=${values.configFile ?? configFile}`;
      writeFileSync(record, newline ? `${text}\n` : text, { mode: 0o644 });
      chmodSync(record, 0o644);
    },
    hook: (hook, env = {}) => {
      const run = spawnSync(join(pluginDir, "hooks", `${hook}.sh`), [], { env, encoding: "utf8" });
      return { status: run.status, stdout: run.stdout + run.stderr };
    },
    cli: (args, env = {}) => {
      const run = spawnSync(process.execPath, [join(pluginDir, "build", "lib", "cli.js"), ...args], {
        env: { PATH: process.env.PATH ?? "", ...env },
        encoding: "utf8",
      });
      return { status: run.status, stdout: run.stdout, stderr: run.stderr };
    },
    asService: (command, ...args) => {
      execFileSync("setpriv", [
        `--reuid=${SERVICE_UID}`,
        `--regid=${SERVICE_UID}`,
        "--clear-groups",
        "--",
        command,
        ...args,
      ]);
    },
  };
  copy.writeRecord({ serviceUser: options.serviceUser ?? String(SERVICE_UID) });
  return copy;
}

/** A directory only root can enter, holding one file: what an attack through a planted link aims at. */
export function rootOnlyDirectory(base: string): { dir: string; file: string } {
  const dir = join(base, "root-only");
  mkdirSync(dir, { mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, "keep");
  writeFileSync(file, "root's own\n", { mode: 0o644 });
  return { dir, file };
}
