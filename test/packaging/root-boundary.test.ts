import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFileIn } from "../../src/store/database.js";
import { SERVICE_UID } from "../support/service-account.js";
import { buildPackage, createSandbox, type BuiltPackage, type Sandbox } from "./sandbox.js";

// install.sh, update.sh and uninstall.sh run as root; the data directory and /etc/wedos-panel belong to the service
// account. Each attack below is what that account can do to its own files before root's next run
// (docs/decisions/0010-root-acts-as-the-service-account.md). The account is a real, free uid here.
let built: BuiltPackage;
beforeAll(() => {
  built = buildPackage();
}, 60_000);
afterAll(() => built.remove());

const owner = (path: string) => [statSync(path).uid, statSync(path).mode & 0o7777];
/** What the service account does to its own files. */
const asService = (...command: string[]) =>
  execFileSync("setpriv", [`--reuid=${SERVICE_UID}`, `--regid=${SERVICE_UID}`, "--clear-groups", "--", ...command]);

/** A directory only root may write, with one file: what a path planted by the service account aims at. */
function rootsOwn(box: Sandbox, name: string): { dir: string; file: string } {
  const dir = join(box.root, "srv", name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, "keep");
  writeFileSync(file, "root's own\n", { mode: 0o640 });
  return { dir, file };
}

describe("install.sh and update.sh", () => {
  it("never create or hand over a data directory config.json names: the recorded (default) one is used", () => {
    const box = createSandbox(built, "wedos", { numericAccount: true });
    const precious = rootsOwn(box, "wedos-precious");
    // Left by an older version, or written by the service account: its own configuration names root's directory.
    const etc = join(box.root, "etc", "wedos-panel");
    mkdirSync(etc, { recursive: true, mode: 0o700 });
    writeFileSync(box.configFile, JSON.stringify({ dataDir: precious.dir }), { mode: 0o600 });
    for (const path of [etc, box.configFile]) chownSync(path, SERVICE_UID, SERVICE_UID);

    const run = box.run("install.sh");

    expect(run.status, run.stdout).toBe(0);
    expect(owner(precious.dir)).toEqual([0, 0o700]);
    expect(readdirSync(precious.dir)).toEqual(["keep"]);
    expect(readFileSync(join(box.pluginDir, "install.conf"), "utf8")).toContain(`\ndata_dir=${box.dataDir}\n`);
    expect(owner(box.dataDir)).toEqual([SERVICE_UID, 0o700]);
    expect(statSync(databaseFileIn(box.dataDir)).uid).toBe(SERVICE_UID);
    expect(box.calls().filter((call) => call.includes(precious.dir))).toEqual([]);
  });

  it("do not follow a config.json the service account turned into a link to root's file", () => {
    const box = createSandbox(built, "wedos", { numericAccount: true });
    expect(box.run("install.sh").status).toBe(0);
    const shadow = rootsOwn(box, "shadow");
    asService("rm", box.configFile);
    asService("ln", "-s", shadow.file, box.configFile);

    const again = box.run("update.sh");

    // The account broke its own configuration: the update says so, and root's file is as it was.
    expect(again.status).toBe(1);
    expect(again.stdout).toContain(`${box.configFile}: cannot be read (EACCES`);
    expect([...owner(shadow.file), readFileSync(shadow.file, "utf8")]).toEqual([0, 0o640, "root's own\n"]);
    expect(box.calls().filter((call) => call.startsWith("chown ") && call.includes("config.json"))).toEqual([]);
  });

  it("take the data directory the admin names with --data-dir, record it, and keep it on update", () => {
    const box = createSandbox(built, "wedos", { numericAccount: true });
    const chosen = join(box.root, "srv", "wedos-data");

    const run = box.run("install.sh", { args: ["--data-dir", chosen] });

    expect(run.status, run.stdout).toBe(0);
    expect(readFileSync(join(box.pluginDir, "install.conf"), "utf8")).toBe(
      `spool_dir=${box.spoolDir}\ndata_dir=${chosen}\nservice_user=${SERVICE_UID}\nconfig_file=${box.configFile}\nreader_socket=${join(box.root, "run", "wedos-panel-reader", "reader.sock")}\n`,
    );
    expect(owner(chosen)).toEqual([SERVICE_UID, 0o700]);
    expect(existsSync(databaseFileIn(chosen))).toBe(true);
    expect(existsSync(box.dataDir)).toBe(false);

    box.unpack();
    expect(box.run("update.sh").status).toBe(0);
    expect(readFileSync(join(box.pluginDir, "install.conf"), "utf8")).toContain(`\ndata_dir=${chosen}\n`);
  });

  it("refuse a data directory below a directory others may write, or a relative one", () => {
    const box = createSandbox(built, "wedos", { numericAccount: true });
    const open = join(box.root, "shared");
    mkdirSync(open, { mode: 0o777 });
    chmodSync(open, 0o777);

    const run = box.run("install.sh", { args: ["--data-dir", join(open, "wedos")] });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `wedos-panel: ${open}, above ${join(open, "wedos")}, must belong to root and be writable by nobody else; choose another --data-dir`,
    );
    expect(existsSync(join(open, "wedos"))).toBe(false);
    expect(existsSync(join(box.pluginDir, "install.conf"))).toBe(false);
    expect(box.run("install.sh", { args: ["--data-dir", "var/wedos"] }).stdout).toContain(
      "wedos-panel: --data-dir var/wedos: give an absolute path",
    );
  });
});

describe("uninstall.sh with WEDOS_PANEL_PURGE=1", () => {
  it("removes the data and the configuration as the service account, never what its links or config.json point at", () => {
    const box = createSandbox(built, "wedos", { numericAccount: true });
    expect(box.run("install.sh").status).toBe(0);
    const dir = rootsOwn(box, "wedos-important");
    const shadow = rootsOwn(box, "shadow");
    // The service account's last moves: links to root's things in both its directories, and a configuration that
    // names root's directory (with "wedos" in its name) as the data directory.
    asService("ln", "-s", dir.dir, join(box.dataDir, "to-a-directory"));
    asService("ln", "-s", shadow.file, join(box.dataDir, "spool", "consumed", "to-a-file.env"));
    asService("rm", box.configFile);
    asService("sh", "-c", `printf '{"dataDir": "%s"}' '${dir.dir}' > '${box.configFile}'`);
    asService("ln", "-s", shadow.file, join(box.root, "etc", "wedos-panel", "wapi-password"));

    const purged = box.run("uninstall.sh", { env: { WEDOS_PANEL_PURGE: "1" } });

    expect(purged.status, purged.stdout).toBe(0);
    expect(purged.stdout).toContain(`- removed ${box.dataDir}`);
    expect(purged.stdout).toContain(`- removed ${join(box.root, "etc", "wedos-panel")}`);
    expect(purged.stdout).toContain(`- removed ${box.spoolDir}`);
    expect(existsSync(box.spoolDir)).toBe(false);
    expect([existsSync(box.dataDir), existsSync(join(box.root, "etc", "wedos-panel"))]).toEqual([false, false]);
    expect([readdirSync(dir.dir), owner(dir.dir)]).toEqual([["keep"], [0, 0o700]]);
    expect([...owner(shadow.file), readFileSync(shadow.file, "utf8")]).toEqual([0, 0o640, "root's own\n"]);
    expect(purged.stdout).toContain(`- kept uid ${SERVICE_UID}: it was given to install.sh, not created by it`);
  });

  it("keeps a data directory the service account cannot empty, and says so", () => {
    const box = createSandbox(built, "wedos", { numericAccount: true });
    expect(box.run("install.sh").status).toBe(0);
    const rootsSubdirectory = join(box.dataDir, "left-by-root");
    mkdirSync(rootsSubdirectory, { mode: 0o700 });
    writeFileSync(join(rootsSubdirectory, "file"), "");

    const purged = box.run("uninstall.sh", { env: { WEDOS_PANEL_PURGE: "1" } });

    expect(purged.status, purged.stdout).toBe(0);
    expect(purged.stdout).toMatch(
      new RegExp(
        `- kept ${box.dataDir}: ${SERVICE_UID} could not empty it \\(.*Permission denied.*\\); remove it by hand`,
      ),
    );
    expect(readdirSync(box.dataDir)).toEqual(["left-by-root"]);
    expect(existsSync(join(rootsSubdirectory, "file"))).toBe(true);
  });
});
