import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../../src/package-info.js";
import { CPANEL_HOOKS } from "../../../src/panel/cpanel/hooks.js";
import { passableTempDir, SERVICE_UID } from "../../support/service-account.js";
import { buildPackage, depthFirst, listing, type BuiltPackage } from "../../packaging/sandbox.js";

// cPanel's root-only tools, stubbed under WEDOS_PANEL_PREFIX: each logs its arguments and umask; manage_hooks keeps a
// registry the way cPanel does, asking the script for its events (--describe) on "add script".
const STUBS: Record<string, string> = {
  "usr/local/cpanel/bin/manage_hooks": `
case "$1 $2" in
  "add script") "$3" --describe >> "$WEDOS_PANEL_PREFIX/hooks.registry" ;;
  "delete script") [ -f "$WEDOS_PANEL_PREFIX/hooks.registry" ] && grep -v -F "\\"hook\\":\\"$3\\"" "$WEDOS_PANEL_PREFIX/hooks.registry" > "$WEDOS_PANEL_PREFIX/r.tmp"; mv "$WEDOS_PANEL_PREFIX/r.tmp" "$WEDOS_PANEL_PREFIX/hooks.registry" 2>/dev/null ;;
esac`,
  "usr/local/cpanel/scripts/install_plugin": `
mkdir -p "$WEDOS_PANEL_PREFIX/usr/local/cpanel/base/frontend/jupiter/dynamicui"
cp "$1/install.json" "$WEDOS_PANEL_PREFIX/usr/local/cpanel/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf"`,
  "usr/local/cpanel/scripts/uninstall_plugin": `rm -f "$WEDOS_PANEL_PREFIX/usr/local/cpanel/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf"`,
  "usr/local/cpanel/bin/sprite_generator": "",
  "usr/local/cpanel/bin/register_appconfig": `grep '^name=' "$1" | cut -d= -f2 >> "$WEDOS_PANEL_PREFIX/apps.registry"`,
  "usr/local/cpanel/bin/unregister_appconfig": `: > "$WEDOS_PANEL_PREFIX/apps.registry"`,
  "usr/local/cpanel/bin/whmapi1": `cat "$WEDOS_PANEL_PREFIX/apps.registry" 2>/dev/null`,
  "systemctl": "",
};

let built: BuiltPackage;
let unpacked: string;
beforeAll(() => {
  // The package exactly as npm run build makes it, built once for the file (tempDir would remove it after the first test).
  built = buildPackage("cpanel");
  unpacked = join(built.unpacked, "wedos-panel");
}, 60_000);
afterAll(() => built.remove());

describe("the cPanel package (npm run build)", () => {
  it("is wedos-panel-cpanel.tar.gz: one directory, explicit modes, root-owned, one time, sorted, production dependencies only", () => {
    const entries = listing(built.tarball);
    const paths = entries.map((entry) => entry.path.replace(/\/$/, ""));
    const mode = new Map(entries.map((entry) => [entry.path.replace(/\/$/, ""), entry.mode]));
    expect(paths.every((path) => path === "wedos-panel" || path.startsWith("wedos-panel/"))).toBe(true);
    expect(entries.every((entry) => entry.owner === "0/0" && entry.time === entries[0]?.time)).toBe(true);
    expect(entries.filter((entry) => !/^(drwxr-xr-x|-rw-r--r--|-rwxr-xr-x)$/.test(entry.mode))).toEqual([]);
    expect(paths).toEqual(depthFirst(paths));
    const programs = ["cpanel/hooks/wedos-panel-hook", "cpanel/plugin/index.live.pl", "cpanel/whm/index.cgi", "build/lib/cli.js"];
    expect(programs.map((path) => [path, mode.get(`wedos-panel/${path}`)])).toEqual(programs.map((path) => [path, "-rwxr-xr-x"]));
    // The repository's symbolic links are files in the package; the native driver is there, its compiler output not.
    expect(mode.get("wedos-panel/cpanel/whm/wedos-panel.svg")).toBe("-rw-r--r--");
    expect(mode.has("wedos-panel/node_modules/better-sqlite3/build/Release/better_sqlite3.node")).toBe(true);
    expect(paths.filter((path) => /\/build\/Release\/obj|^wedos-panel\/node_modules\/(typescript|vitest|@types|playwright-core)\/|^wedos-panel\/build\/lib\/.*\.map$/.test(path))).toEqual([]);
    expect(readFileSync(join(unpacked, "platform.conf"), "utf8")).toContain(`\nnode_abi=${process.versions.modules}\n`);
    expect(JSON.parse(readFileSync(join(unpacked, "package.json"), "utf8"))).not.toHaveProperty("devDependencies");
    expect(built.output).toContain("wedos-panel-cpanel.tar.gz: cpanel package");
    expect(built.output).not.toContain("wedos.tar.gz:");
  });
});

function server() {
  const prefix = passableTempDir("wedos-panel-cpanel-root-");
  for (const [path, body] of Object.entries(STUBS)) {
    const file = join(prefix, path);
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, `#!/bin/sh\necho "${path.split("/").at(-1)} $* (umask $(umask))" >> "$WEDOS_PANEL_PREFIX/calls.log"\n${body}\nexit 0\n`);
    chmodSync(file, 0o755);
  }
  const env = { PATH: "/usr/bin:/bin", WEDOS_PANEL_PREFIX: prefix, WEDOS_PANEL_NODE: process.execPath, WEDOS_PANEL_SYSTEMCTL: join(prefix, "systemctl") };
  // The service account is a free uid (with a prefix the installer creates no account).
  const args = (script: string) => (script === "install.sh" ? ["--service-user", String(SERVICE_UID)] : []);
  const run = (script: string, extra: Record<string, string> = {}) => spawnSync("sh", [join(unpacked, "cpanel", script), ...args(script)], { env: { ...env, ...extra }, encoding: "utf8" });
  const read = (path: string) => readFileSync(join(prefix, path), "utf8");
  const registered = () => read("hooks.registry").split("\n").filter((line) => line.includes('"category"')).map((line) => JSON.parse(line.replace(/^[[,]\s*/, "").replace(/[,\s\]]*$/, "")) as unknown);
  const mode = (path: string) => statSync(join(prefix, path)).mode & 0o7777;
  return { prefix, run, read, registered, mode, calls: () => read("calls.log").trim().split("\n") };
}

describe("cpanel/install.sh and uninstall.sh, with cPanel's tools stubbed", () => {
  it("installs the package and registers exactly the hook's events, the Jupiter plugin and the WHM page", () => {
    const s = server();
    const install = s.run("install.sh");
    expect(install.stderr).toBe("");
    expect(install.status).toBe(0);
    const hook = join(s.prefix, "usr/local/cpanel/3rdparty/bin/wedos-panel-hook");
    expect(s.registered()).toEqual(CPANEL_HOOKS.map((entry) => ({ ...entry, hook, exectype: "script" })));
    expect(s.calls()).toEqual([
      `manage_hooks delete script ${hook} (umask 0022)`,
      `manage_hooks add script ${hook} (umask 0022)`,
      `install_plugin ${s.prefix}/usr/local/cpanel/3rdparty/wedos-panel/cpanel/plugin --theme=jupiter (umask 0022)`,
      "sprite_generator --application=cpanel --theme=jupiter (umask 0022)",
      `register_appconfig ${s.prefix}/var/cpanel/apps/wedos-panel.conf (umask 0022)`,
      "whmapi1 get_appconfig_application_list (umask 0022)",
      "systemctl daemon-reload (umask 0022)",
      "systemctl enable wedos-panel.service (umask 0022)",
      "systemctl restart wedos-panel.service (umask 0022)",
    ]);
    // Files where cPanel looks for them, with the modes it requires.
    expect(s.mode("usr/local/cpanel/3rdparty/bin/wedos-panel-hook")).toBe(0o755);
    expect(s.mode("usr/local/cpanel/base/frontend/jupiter/wedos_panel/index.live.pl")).toBe(0o755);
    expect(s.mode("usr/local/cpanel/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf")).toBe(0o644);
    expect(s.mode("usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel/index.cgi")).toBe(0o755);
    // The pages link their style sheet relative to the entry (src/web/urls.ts).
    for (const dir of ["usr/local/cpanel/base/frontend/jupiter/wedos_panel", "usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel"]) {
      expect(s.read(`${dir}/wedos.css`)).toBe(readFileSync(join(PACKAGE_ROOT, "images/wedos.css"), "utf8"));
      expect(s.mode(`${dir}/wedos.css`)).toBe(0o644);
      expect(s.read(`${dir}/progress.js`)).toBe(readFileSync(join(PACKAGE_ROOT, "images/progress.js"), "utf8"));
    }
    expect(s.read("usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel/index.cgi")).toBe(readFileSync(join(PACKAGE_ROOT, "cpanel/plugin/index.live.pl"), "utf8"));
    expect(s.mode("var/cpanel/apps/wedos-panel.conf")).toBe(0o600);
    expect(s.read("var/cpanel/apps/wedos-panel.conf")).toContain("acls=all\n");
    expect(existsSync(join(s.prefix, "usr/local/cpanel/whostmgr/docroot/addon_plugins/wedos-panel.svg"))).toBe(true);
    // The configuration is started for cPanel, private; the daemon runs the installed package with this node.
    expect(JSON.parse(s.read("etc/wedos-panel/config.json"))).toEqual({ panel: "cpanel" });
    expect(s.mode("etc/wedos-panel/config.json")).toBe(0o600);
    expect(s.read("etc/systemd/system/wedos-panel.service")).toContain(`ExecStart=${process.execPath} ${s.prefix}/usr/local/cpanel/3rdparty/wedos-panel/build/lib/cli.js serve\n`);
    // The command works from the installed copy (its dependencies, better-sqlite3 included, came in the package).
    const version = spawnSync(join(s.prefix, "usr/local/bin/wedos-panel"), ["--version"], { encoding: "utf8" });
    expect(version.stdout).toBe("wedos-panel 0.1.0\n");
  });

  it("installing again upgrades in place: no duplicate registration, the configuration kept", () => {
    const s = server();
    expect(s.run("install.sh").status).toBe(0);
    writeFileSync(join(s.prefix, "etc/wedos-panel/config.json"), '{"panel":"cpanel","wapi":{"login":"a@example.test"}}');
    expect(s.run("install.sh").status).toBe(0);
    expect(s.registered()).toHaveLength(CPANEL_HOOKS.length);
    expect(s.read("apps.registry").trim().split("\n")).toEqual(["wedos_panel", "wedos_panel"]);
    expect(JSON.parse(s.read("etc/wedos-panel/config.json"))).toMatchObject({ wapi: { login: "a@example.test" } });
  });

  it("uninstall.sh removes the registrations and files through cPanel's tools, and keeps data and configuration", () => {
    const s = server();
    expect(s.run("install.sh").status).toBe(0);
    mkdirSync(join(s.prefix, "var/lib/wedos-panel"), { recursive: true });
    const removed = s.run("uninstall.sh");
    expect(removed.status).toBe(0);
    expect(s.registered()).toEqual([]);
    expect(s.calls().slice(9)).toEqual([
      "systemctl disable --now wedos-panel.service (umask 0022)",
      "systemctl daemon-reload (umask 0022)",
      `manage_hooks delete script ${s.prefix}/usr/local/cpanel/3rdparty/bin/wedos-panel-hook (umask 0022)`,
      `uninstall_plugin ${s.prefix}/usr/local/cpanel/3rdparty/wedos-panel/cpanel/plugin --theme=jupiter (umask 0022)`,
      "sprite_generator --application=cpanel --theme=jupiter (umask 0022)",
      `unregister_appconfig ${s.prefix}/var/cpanel/apps/wedos-panel.conf (umask 0022)`,
    ]);
    for (const path of ["usr/local/cpanel/3rdparty/wedos-panel", "usr/local/cpanel/3rdparty/bin/wedos-panel-hook", "usr/local/cpanel/base/frontend/jupiter/wedos_panel", "usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel", "var/cpanel/apps/wedos-panel.conf", "etc/systemd/system/wedos-panel.service", "usr/local/bin/wedos-panel"]) {
      expect(existsSync(join(s.prefix, path)), path).toBe(false);
    }
    expect(existsSync(join(s.prefix, "etc/wedos-panel/config.json"))).toBe(true);
    expect(existsSync(join(s.prefix, "var/lib/wedos-panel"))).toBe(true);
  });

  it("refuses a Node.js older than 20 before touching anything, saying what to do", () => {
    const s = server();
    const oldNode = join(s.prefix, "node18");
    writeFileSync(oldNode, '#!/bin/sh\nif [ "$1" = --version ]; then echo v18.19.0; exit 0; fi\nexit 1\n');
    chmodSync(oldNode, 0o755);
    const install = s.run("install.sh", { WEDOS_PANEL_NODE: oldNode });
    expect(install.status).toBe(1);
    expect(install.stderr).toBe(`wedos-panel install: Node.js 20 or newer is required, ${oldNode} is v18.19.0; install a newer one or set WEDOS_PANEL_NODE\n`);
    expect(existsSync(join(s.prefix, "calls.log"))).toBe(false);
    expect(existsSync(join(s.prefix, "usr/local/cpanel/3rdparty/wedos-panel"))).toBe(false);
  });

  it("ships a Jupiter install.json (a group and a link to the installed page) and an AppConfig with every required key", () => {
    const items = JSON.parse(readFileSync(join(unpacked, "cpanel/plugin/install.json"), "utf8")) as Array<Record<string, unknown>>;
    const group = items.find((item) => item.type === "group");
    const link = items.find((item) => item.type === "link");
    expect(group).toMatchObject({ id: "wedos_panel_group", name: "WEDOS" });
    expect(link).toMatchObject({ id: "wedos_panel", group_id: group?.id, uri: "wedos_panel/index.live.pl" });
    for (const item of items) expect(existsSync(join(unpacked, "cpanel/plugin", item.icon as string))).toBe(true);
    const conf = new Map(readFileSync(join(unpacked, "cpanel/whm/wedos-panel.conf"), "utf8").trim().split("\n").map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
    expect(Object.fromEntries(conf)).toMatchObject({ name: "wedos_panel", service: "whostmgr", url: "/cgi/wedos-panel/index.cgi", entryurl: "wedos-panel/index.cgi", acls: "all", icon: "wedos-panel.svg" });
    expect(existsSync(join(unpacked, "cpanel/whm", conf.get("icon") as string))).toBe(true);
  });
});
