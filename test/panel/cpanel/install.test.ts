import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../../src/package-info.js";
import { CPANEL_HOOKS } from "../../../src/panel/cpanel/hooks.js";
import { cpanelServer } from "../../packaging/cpanel-sandbox.js";
import { SERVICE_UID } from "../../support/service-account.js";
import { buildPackage, depthFirst, listing, type BuiltPackage } from "../../packaging/sandbox.js";

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
    const programs = [
      "cpanel/hooks/wedos-panel-hook",
      "cpanel/plugin/index.live.pl",
      "cpanel/whm/index.cgi",
      "build/lib/cli.js",
    ];
    expect(programs.map((path) => [path, mode.get(`wedos-panel/${path}`)])).toEqual(
      programs.map((path) => [path, "-rwxr-xr-x"]),
    );
    // The repository's symbolic links are files in the package; the native driver is there, its compiler output not.
    expect(mode.get("wedos-panel/cpanel/whm/wedos-panel.svg")).toBe("-rw-r--r--");
    expect(mode.has(`wedos-panel/native/linux-x64/node-abi${process.versions.modules}/better_sqlite3.node`)).toBe(true);
    expect(
      paths.filter((path) =>
        /\/build\/Release\/obj|^wedos-panel\/node_modules\/(typescript|vitest|@types|playwright-core)\/|^wedos-panel\/build\/lib\/.*\.map$/.test(
          path,
        ),
      ),
    ).toEqual([]);
    expect(readFileSync(join(unpacked, "platform.conf"), "utf8")).toContain(
      `\ndrivers=linux-x64/node-abi${process.versions.modules}\n`,
    );
    expect(JSON.parse(readFileSync(join(unpacked, "package.json"), "utf8"))).not.toHaveProperty("devDependencies");
    expect(built.output).toContain("wedos-panel-cpanel.tar.gz: cpanel package");
    expect(built.output).not.toContain("wedos.tar.gz:");
  });
});

describe("cpanel/install.sh and uninstall.sh, with cPanel's tools stubbed", () => {
  it("installs the package and registers exactly the hook's events, the Jupiter plugin and the WHM page", () => {
    const s = cpanelServer(unpacked);
    const install = s.run("install.sh");
    expect(install.stderr).toBe("");
    expect(install.status).toBe(0);
    const hook = join(s.prefix, "usr/local/cpanel/3rdparty/bin/wedos-panel-hook");
    const app = join(s.prefix, "usr/local/cpanel/3rdparty/wedos-panel");
    const data = join(s.prefix, "var/lib/wedos-panel");
    expect(s.registered()).toEqual(CPANEL_HOOKS.map((entry) => ({ ...entry, hook, exectype: "script" })));
    const asService = "setpriv --reuid=wedos-panel --regid=wedos-panel --clear-groups --";
    expect(s.calls()).toEqual([
      // The daemon's own account, as on DirectAdmin (scripts/installation.sh), before the hook is registered: root
      // hands over the two directories it chose, and everything inside them is made as the account.
      "getent passwd wedos-panel (umask 0022)",
      `useradd --system --user-group --no-create-home --home-dir ${data} --shell /usr/sbin/nologin --comment wedos-panel daemon wedos-panel (umask 0022)`,
      `chown wedos-panel:wedos-panel ${s.prefix}/etc/wedos-panel (umask 0022)`,
      `${asService} sh -c umask 077 && printf "$2" > "$1.new" && mv "$1.new" "$1" wedos-panel ${s.prefix}/etc/wedos-panel/config.json {\\n  "panel": "cpanel"\\n}\\n (umask 0022)`,
      `chown wedos-panel:wedos-panel ${data} (umask 0022)`,
      `${asService} mkdir -p -m 0700 ${["/spool", "/spool/consumed", "/spool/rejected"].map((sub) => data + sub).join(" ")} (umask 0022)`,
      `chgrp wedos-panel ${s.prefix}/var/spool/wedos-panel (umask 0022)`,
      `manage_hooks delete script ${hook} (umask 0022)`,
      `manage_hooks add script ${hook} (umask 0022)`,
      `install_plugin ${s.prefix}/usr/local/cpanel/3rdparty/wedos-panel/cpanel/plugin --theme=jupiter (umask 0022)`,
      "sprite_generator --application=cpanel --theme=jupiter (umask 0022)",
      `register_appconfig ${s.prefix}/var/cpanel/apps/wedos-panel.conf (umask 0022)`,
      "whmapi1 get_appconfig_application_list (umask 0022)",
      `${asService} env ${process.execPath} ${app}/build/lib/cli.js --version (umask 0022)`,
      "systemctl daemon-reload (umask 0022)",
      "systemctl stop wedos-panel.service wedos-panel-reader.service (umask 0022)",
      `${asService} env WEDOS_PANEL_CONFIG=${s.prefix}/etc/wedos-panel/config.json ${process.execPath} ${app}/build/lib/cli.js status --json (umask 0022)`,
      "systemctl enable wedos-panel-reader.socket wedos-panel.service (umask 0022)",
      "systemctl restart wedos-panel-reader.socket (umask 0022)",
      "systemctl restart wedos-panel.service (umask 0022)",
    ]);
    // Files where cPanel looks for them, with the modes it requires.
    expect(s.mode("usr/local/cpanel/3rdparty/bin/wedos-panel-hook")).toBe(0o755);
    expect(s.mode("usr/local/cpanel/base/frontend/jupiter/wedos_panel/index.live.pl")).toBe(0o755);
    expect(s.mode("usr/local/cpanel/base/frontend/jupiter/dynamicui/dynamicui_wedos_panel.conf")).toBe(0o644);
    expect(s.mode("usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel/index.cgi")).toBe(0o755);
    // The pages link their style sheet relative to the entry (src/web/urls.ts).
    for (const dir of [
      "usr/local/cpanel/base/frontend/jupiter/wedos_panel",
      "usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel",
    ]) {
      expect(s.read(`${dir}/wedos.css`)).toBe(readFileSync(join(PACKAGE_ROOT, "images/wedos.css"), "utf8"));
      expect(s.mode(`${dir}/wedos.css`)).toBe(0o644);
      for (const script of ["progress.js", "copy.js", "policy-form.js"])
        expect(s.read(`${dir}/${script}`)).toBe(readFileSync(join(PACKAGE_ROOT, `images/${script}`), "utf8"));
    }
    // The entries run with cPanel's own perl: the first line names it, the rest is the package's script.
    const script = readFileSync(join(PACKAGE_ROOT, "cpanel/plugin/index.live.pl"), "utf8");
    for (const entry of [
      "usr/local/cpanel/base/frontend/jupiter/wedos_panel/index.live.pl",
      "usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel/index.cgi",
    ]) {
      expect(s.read(entry)).toBe(
        `#!${s.prefix}/usr/local/cpanel/3rdparty/bin/perl\n${script.slice(script.indexOf("\n") + 1)}`,
      );
    }
    expect(s.mode("var/cpanel/apps/wedos-panel.conf")).toBe(0o600);
    expect(s.read("var/cpanel/apps/wedos-panel.conf")).toContain("acls=all\n");
    expect(existsSync(join(s.prefix, "usr/local/cpanel/whostmgr/docroot/addon_plugins/wedos-panel.svg"))).toBe(true);
    // The configuration is started for cPanel, private; the daemon runs the installed package with this node, under
    // its own account, its database made; the reader's socket is recorded for it.
    expect(JSON.parse(s.read("etc/wedos-panel/config.json"))).toEqual({ panel: "cpanel" });
    expect([
      s.mode("etc/wedos-panel"),
      s.mode("etc/wedos-panel/config.json"),
      s.mode("var/lib/wedos-panel"),
      s.mode("var/lib/wedos-panel/spool/consumed"),
      s.mode("var/spool/wedos-panel"),
    ]).toEqual([0o700, 0o600, 0o700, 0o700, 0o2750]);
    expect(existsSync(join(data, "wedos-panel.sqlite"))).toBe(true);
    const unit = s.read("etc/systemd/system/wedos-panel.service").split("\n");
    for (const line of [
      `ExecStart=${process.execPath} --max-semi-space-size=1 --heap-growing-percent=10 --expose-gc ${app}/build/lib/cli.js serve`,
      "User=wedos-panel",
      "CapabilityBoundingSet=",
      "RuntimeDirectory=wedos-panel",
      `ReadWritePaths=${data} ${s.prefix}/etc/wedos-panel`,
    ])
      expect(unit, line).toContain(line);
    expect(s.read("etc/systemd/system/wedos-panel-reader.service")).toContain("Environment=WEDOS_PANEL_KIND=cpanel\n");
    expect(s.read("usr/local/cpanel/3rdparty/wedos-panel/install.conf")).toBe(
      `spool_dir=${s.prefix}/var/spool/wedos-panel\ndata_dir=${data}\nservice_user=wedos-panel\nconfig_file=${s.prefix}/etc/wedos-panel/config.json\nreader_socket=${s.prefix}/run/wedos-panel-reader/reader.sock\n`,
    );
    // The command works from the installed copy (its dependencies, the database driver included, came in the
    // package) for the service account (root's run becomes that account, which this sandbox has only as a number).
    const version = spawnSync(
      "setpriv",
      [
        `--reuid=${SERVICE_UID}`,
        `--regid=${SERVICE_UID}`,
        "--clear-groups",
        join(s.prefix, "usr/local/bin/wedos-panel"),
        "--version",
      ],
      { encoding: "utf8" },
    );
    expect(version.stdout).toBe("wedos-panel 0.1.0\n");
  });

  it("installing again upgrades in place: no duplicate registration, the configuration kept", () => {
    const s = cpanelServer(unpacked);
    expect(s.run("install.sh").status).toBe(0);
    writeFileSync(
      join(s.prefix, "etc/wedos-panel/config.json"),
      JSON.stringify({
        panel: "cpanel",
        dataDir: join(s.prefix, "var/lib/wedos-panel"),
        wapi: { login: "a@example.test" },
      }),
    );
    expect(s.run("install.sh").status).toBe(0);
    expect(s.registered()).toHaveLength(CPANEL_HOOKS.length);
    expect(s.read("apps.registry").trim().split("\n")).toEqual(["wedos_panel", "wedos_panel"]);
    expect(JSON.parse(s.read("etc/wedos-panel/config.json"))).toMatchObject({ wapi: { login: "a@example.test" } });
  });

  it("uninstall.sh removes the registrations and files through cPanel's tools, and keeps data and configuration", () => {
    const s = cpanelServer(unpacked);
    expect(s.run("install.sh").status).toBe(0);
    mkdirSync(join(s.prefix, "var/lib/wedos-panel"), { recursive: true });
    const removed = s.run("uninstall.sh");
    expect(removed.status).toBe(0);
    expect(s.registered()).toEqual([]);
    expect(s.calls().slice(s.calls().indexOf("systemctl restart wedos-panel.service (umask 0022)") + 1)).toEqual([
      "systemctl disable --now wedos-panel.service wedos-panel-reader.socket wedos-panel-reader.service (umask 0022)",
      "systemctl daemon-reload (umask 0022)",
      `manage_hooks delete script ${s.prefix}/usr/local/cpanel/3rdparty/bin/wedos-panel-hook (umask 0022)`,
      `uninstall_plugin ${s.prefix}/usr/local/cpanel/3rdparty/wedos-panel/cpanel/plugin --theme=jupiter (umask 0022)`,
      "sprite_generator --application=cpanel --theme=jupiter (umask 0022)",
      `unregister_appconfig ${s.prefix}/var/cpanel/apps/wedos-panel.conf (umask 0022)`,
    ]);
    for (const path of [
      "usr/local/cpanel/3rdparty/wedos-panel",
      "usr/local/cpanel/3rdparty/bin/wedos-panel-hook",
      "usr/local/cpanel/base/frontend/jupiter/wedos_panel",
      "usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel",
      "var/cpanel/apps/wedos-panel.conf",
      "etc/systemd/system/wedos-panel.service",
      "etc/systemd/system/wedos-panel-reader.service",
      "etc/systemd/system/wedos-panel-reader.socket",
      "usr/local/bin/wedos-panel",
    ]) {
      expect(existsSync(join(s.prefix, path)), path).toBe(false);
    }
    expect(existsSync(join(s.prefix, "etc/wedos-panel/config.json"))).toBe(true);
    expect(existsSync(join(s.prefix, "var/lib/wedos-panel"))).toBe(true);
  });

  it("installs entries that cPanel's perl runs: with no daemon they answer the short page", () => {
    const s = cpanelServer(unpacked);
    expect(s.run("install.sh").status).toBe(0);
    const before = s.calls().length;
    const entry = join(s.prefix, "usr/local/cpanel/whostmgr/docroot/cgi/wedos-panel/index.cgi");
    const config = join(s.prefix, "entry-config.json");
    writeFileSync(config, JSON.stringify({ daemon: { listen: join(s.prefix, "no.sock") } }));
    const run = spawnSync(entry, [], {
      env: { WEDOS_PANEL_CONFIG: config, REQUEST_METHOD: "GET", REMOTE_USER: "root", WEDOS_PANEL_PREFIX: s.prefix },
      encoding: "utf8",
    });
    expect(run.stdout).toMatch(/^Status: 503 Service Unavailable\r\n/);
    expect(run.stdout).toContain("WEDOS DNS is temporarily unavailable.");
    expect(s.calls().slice(before)).toEqual([`perl ${entry} (umask 0022)`]);
  });

  it("refuses a server without cPanel's perl before touching anything, saying what to do", () => {
    const s = cpanelServer(unpacked);
    rmSync(join(s.prefix, "usr/local/cpanel/3rdparty/bin/perl"));
    const install = s.run("install.sh");
    expect(install.status).toBe(1);
    expect(install.stderr).toBe(
      `wedos-panel install: cPanel's perl (${s.prefix}/usr/local/cpanel/3rdparty/bin/perl), which runs the plugin's pages, is missing; repair cPanel with /usr/local/cpanel/scripts/upcp --force, then install again\n`,
    );
    expect(existsSync(join(s.prefix, "usr/local/cpanel/3rdparty/wedos-panel"))).toBe(false);
  });

  it("refuses a Node.js older than 20 before touching anything, saying what to do", () => {
    const s = cpanelServer(unpacked);
    const oldNode = join(s.prefix, "node18");
    writeFileSync(oldNode, '#!/bin/sh\nif [ "$1" = --version ]; then echo v18.19.0; exit 0; fi\nexit 1\n');
    chmodSync(oldNode, 0o755);
    const install = s.run("install.sh", { WEDOS_PANEL_NODE: oldNode });
    expect(install.status).toBe(1);
    expect(install.stderr).toBe(
      `wedos-panel install: Node.js 20 or newer is required, ${oldNode} is v18.19.0; install a newer one or set WEDOS_PANEL_NODE\n`,
    );
    expect(existsSync(join(s.prefix, "calls.log"))).toBe(false);
    expect(existsSync(join(s.prefix, "usr/local/cpanel/3rdparty/wedos-panel"))).toBe(false);
  });

  it("ships a Jupiter install.json (a group and a link to the installed page) and an AppConfig with every required key", () => {
    const items = JSON.parse(readFileSync(join(unpacked, "cpanel/plugin/install.json"), "utf8")) as Array<
      Record<string, unknown>
    >;
    const group = items.find((item) => item.type === "group");
    const link = items.find((item) => item.type === "link");
    expect(group).toMatchObject({ id: "wedos_panel_group", name: "WEDOS" });
    expect(link).toMatchObject({ id: "wedos_panel", group_id: group?.id, uri: "wedos_panel/index.live.pl" });
    for (const item of items) expect(existsSync(join(unpacked, "cpanel/plugin", item.icon as string))).toBe(true);
    const conf = new Map(
      readFileSync(join(unpacked, "cpanel/whm/wedos-panel.conf"), "utf8")
        .trim()
        .split("\n")
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(Object.fromEntries(conf)).toMatchObject({
      name: "wedos_panel",
      service: "whostmgr",
      url: "/cgi/wedos-panel/index.cgi",
      entryurl: "wedos-panel/index.cgi",
      acls: "all",
      icon: "wedos-panel.svg",
    });
    expect(existsSync(join(unpacked, "cpanel/whm", conf.get("icon") as string))).toBe(true);
  });
});
