import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fixtureTree } from "../../src/emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../../src/panel/directadmin/layout.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { requireRootAndFreeServiceUid, SERVICE_UID, systemStub } from "../support/service-account.js";
import { tempDir } from "../support/temp-dir.js";

/** A package built by the real `npm run build` script, into a directory the caller removes with `remove()`. */
export interface BuiltPackage {
  tarball: string;
  /** The tarball unpacked once with tar, copied into each sandbox (unpacking 2,000 files each time is slow). */
  unpacked: string;
  /** What the build printed. */
  output: string;
  remove(): void;
}

/** The file each panel's package is written to. */
const PACKAGE_FILES = { directadmin: "wedos.tar.gz", cpanel: "wedos-panel-cpanel.tar.gz" } as const;

export function buildPackage(panel: keyof typeof PACKAGE_FILES = "directadmin"): BuiltPackage {
  return buildPackages([panel])[panel];
}

/**
 * Both packages from one build. The database driver is node_modules' own build for this Node.js (the build's
 * --unportable-native): the portable drivers need root and debootstrap, and `npm run test:matrix` tests those.
 */
export function buildPackages<P extends keyof typeof PACKAGE_FILES>(panels: readonly P[]): Record<P, BuiltPackage> {
  const dir = mkdtempSync(join(tmpdir(), "wedos-panel-package-"));
  const only = panels.length === 1 ? ["--only", panels[0] as string] : [];
  const output = execFileSync(
    process.execPath,
    [
      join(PACKAGE_ROOT, "build", "package.mjs"),
      "--out",
      join(dir, "dist"),
      "--stage",
      join(dir, "stage"),
      "--unportable-native",
      ...only,
    ],
    { encoding: "utf8" },
  );
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const built = {} as Record<P, BuiltPackage>;
  for (const panel of panels) {
    const tarball = join(dir, "dist", PACKAGE_FILES[panel]);
    const unpacked = join(dir, `unpacked-${panel}`);
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", tarball, "-C", unpacked]);
    built[panel] = { tarball, unpacked, output, remove };
  }
  return built;
}

/** `tar -tv` of the package: mode string, owner/group, modification time, path per entry. */
export function listing(tarball: string): Array<{ mode: string; owner: string; time: string; path: string }> {
  return execFileSync("tar", ["--numeric-owner", "-tvzf", tarball], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => {
      const [mode = "", owner = "", , date, time, ...path] = line.split(/\s+/);
      return { mode, owner, time: `${date} ${time}`, path: path.join(" ") };
    });
}

/** The paths in the order the archive must have them: depth first, each directory's entries by name. */
export function depthFirst(paths: readonly string[]): string[] {
  const byComponents = (a: string, b: string) => {
    const [x, y] = [a.split("/"), b.split("/")];
    for (let i = 0; i < Math.min(x.length, y.length); i++)
      if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
    return x.length - y.length;
  };
  return [...paths].sort(byComponents);
}

/** What an install script did. */
export interface ScriptRun {
  status: number | null;
  stdout: string;
}

/**
 * A machine for the install scripts: a DirectAdmin tree under `root` (which stands for "/" through
 * WEDOS_PANEL_INSTALL_ROOT) with the package unpacked into usr/local/directadmin/plugins/<folder>, an admin's own
 * custom hook the scripts must leave alone, and a recording stand-in (WEDOS_PANEL_INSTALL_EXEC) for every command
 * that would change the real system: it logs the call, keeps a service account as a marker file, and succeeds for
 * the rest — except that whatever account the scripts name is, for chown, setpriv and id, the free uid SERVICE_UID
 * (as root, the tests really hand files to it and act as it). With `numericAccount`, install.sh names that uid
 * itself (--service-user), so the installed hooks and command can act as it too.
 */
export interface Sandbox {
  root: string;
  layout: DirectAdminLayout;
  pluginDir: string;
  configFile: string;
  dataDir: string;
  /** The hooks' spool install.sh makes (root's). */
  spoolDir: string;
  unitFile: string;
  customHook: string;
  /** Unpacks the package over the plugin directory, as DirectAdmin does on an update. */
  unpack(): void;
  /** Runs scripts/<name> as DirectAdmin does (executed, as root, from the plugin directory). */
  run(
    name: "install.sh" | "update.sh" | "uninstall.sh",
    options?: { env?: Record<string, string>; path?: string[]; args?: string[] },
  ): ScriptRun;
  /** Every command the scripts handed to the stand-in, one line each. */
  calls(): string[];
  /** A directory of tools (put first on PATH with `run(…, { path })`). */
  tool(name: string, script: string): string;
}

export function createSandbox(
  built: BuiltPackage,
  folder = "wedos",
  options: { numericAccount?: boolean } = {},
): Sandbox {
  requireRootAndFreeServiceUid();
  const base = tempDir("wedos-panel-install-");
  chmodSync(base, 0o755); // as / is (and `root` below): the service account passes through to its data directory
  const root = join(base, "root");
  const tools = join(base, "tools");
  mkdirSync(tools);
  const layout = fixtureTree(root);
  for (const dir of [root, join(root, "var")]) chmodSync(dir, 0o755); // as on a server (the tree makes var/ with named's 0750)
  const pluginDir = join(layout.root, "plugins", folder);
  const customHook = join(layout.root, "scripts", "custom", "user_create_post.sh");
  mkdirSync(dirname(customHook), { recursive: true });
  writeFileSync(customHook, "#!/bin/sh\necho the admin's own hook\n", { mode: 0o755 });
  const log = join(base, "calls.log");
  writeFileSync(log, "");
  const stub = join(tools, "system");
  writeFileSync(stub, systemStub(log, join(base, "account")), { mode: 0o755 });
  const unpack = () => execFileSync("tar", ["-xzf", built.tarball, "-C", pluginDir]);
  mkdirSync(dirname(pluginDir), { recursive: true });
  execFileSync("cp", ["-a", built.unpacked, pluginDir]); // modes as tar left them
  return {
    root,
    layout,
    pluginDir,
    configFile: join(root, "etc", "wedos-panel", "config.json"),
    dataDir: join(root, "var", "lib", "wedos-panel"),
    spoolDir: join(root, "var", "spool", "wedos-panel"),
    unitFile: join(root, "etc", "systemd", "system", "wedos-panel.service"),
    customHook,
    unpack,
    run: (name, run = {}) => {
      const path = [...(run.path ?? []), dirname(process.execPath), "/usr/bin", "/bin"].join(":");
      const env = { PATH: path, WEDOS_PANEL_INSTALL_ROOT: root, WEDOS_PANEL_INSTALL_EXEC: stub, ...run.env };
      const args = [
        ...(name === "install.sh" && options.numericAccount === true ? ["--service-user", String(SERVICE_UID)] : []),
        ...(run.args ?? []),
      ];
      const result = spawnSync(join(pluginDir, "scripts", name), args, { cwd: pluginDir, env, encoding: "utf8" });
      return { status: result.status, stdout: result.stdout + result.stderr };
    },
    calls: () =>
      readFileSync(log, "utf8")
        .split("\n")
        .filter((line) => line !== ""),
    tool: (name, script) => {
      const dir = join(tools, name);
      mkdirSync(dir);
      writeFileSync(join(dir, name), script, { mode: 0o755 });
      return dir;
    },
  };
}

/** Mode bits (e.g. 0o755) of a path. */
export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/** Every directory under `dir` (itself included) whose mode is not `mode`. */
export function directoriesNotMode(dir: string, mode: number): string[] {
  const wrong = modeOf(dir) === mode ? [] : [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) wrong.push(...directoriesNotMode(join(dir, entry.name), mode));
  }
  return wrong;
}

/** Simulates an unpack under umask 077 (the trap DirectAdmin answers with 404): the folder and one level 0700. */
export function applyUmaskTrap(pluginDir: string): void {
  chmodSync(pluginDir, 0o700);
  chmodSync(join(pluginDir, "user"), 0o700);
  chmodSync(join(pluginDir, "user", "index.html"), 0o700);
}
