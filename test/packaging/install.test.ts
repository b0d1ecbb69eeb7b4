import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EmulatedDirectAdmin, type RunningDirectAdminApi } from "../../src/emulators/directadmin/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { databaseFileIn } from "../../src/store/database.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { SERVICE_UID } from "../support/service-account.js";
import {
  applyUmaskTrap,
  buildPackage,
  createSandbox,
  depthFirst,
  directoriesNotMode,
  listing,
  modeOf,
  type BuiltPackage,
} from "./sandbox.js";
import { startReaderUnits } from "./units.js";

// The DirectAdmin package (docs/reference/directadmin.md#packaging-and-installation): the real build, then the real
// install, update and uninstall scripts in a sandbox where WEDOS_PANEL_INSTALL_ROOT stands for "/" and a stand-in
// records the system commands.
let built: BuiltPackage;
beforeAll(() => {
  built = buildPackage();
}, 60_000);
afterAll(() => built.remove());

const ENTRY_FILES = ["admin", "reseller", "user"].flatMap((level) => [`${level}/index.html`, `${level}/index.raw`]);
const LATEST_SCHEMA = MIGRATIONS.at(-1)?.version ?? 0;
const schemaVersion = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  const version = db.pragma("user_version", { simple: true });
  db.close();
  return version;
};
const snapshot = (file: string) => ({ text: readFileSync(file, "utf8"), mode: modeOf(file) });

describe("the package (npm run build)", () => {
  it("is wedos.tar.gz: plugin.conf on top, real entry files, explicit modes, root-owned, one time, sorted, production dependencies only", () => {
    const entries = listing(built.tarball);
    const byPath = new Map(entries.map((entry) => [entry.path.replace(/\/$/, ""), entry]));
    expect(entries.every((entry) => entry.owner === "0/0" && entry.time === entries[0]?.time)).toBe(true);
    expect(entries.filter((entry) => !/^(drwxr-xr-x|-rw-r--r--|-rwxr-xr-x)$/.test(entry.mode))).toEqual([]);
    // Depth first, each directory's entries sorted by name: the same order on every build machine.
    const paths = entries.map((entry) => entry.path.replace(/\/$/, ""));
    expect(paths).toEqual(depthFirst(paths));
    expect(byPath.get("plugin.conf")?.mode).toBe("-rw-r--r--");
    const executables = [
      ...ENTRY_FILES,
      "scripts/install.sh",
      "scripts/update.sh",
      "scripts/uninstall.sh",
      "hooks/user_create_post.sh",
      "build/lib/cli.js",
    ];
    expect(executables.map((path) => [path, byPath.get(path)?.mode])).toEqual(
      executables.map((path) => [path, "-rwxr-xr-x"]),
    );
    for (const path of [
      "hooks/admin_txt.html",
      "images/wedos.css",
      "views/user/index.ejs",
      "build/lib/cli/commands/serve.js",
      "node_modules/express/package.json",
    ]) {
      expect(byPath.has(path), path).toBe(true);
    }
    expect(byPath.has(`native/linux-x64/node-abi${process.versions.modules}/better_sqlite3.node`)).toBe(true);
    expect(
      paths.filter(
        (path) =>
          /^node_modules\/(typescript|vitest|@types|playwright-core)\//.test(path) ||
          /^build\/lib\/.*\.map$/.test(path),
      ),
    ).toEqual([]);
    expect(built.output).toContain(
      `database drivers, NOT PORTABLE: a development build for Node.js ${process.versions.node.split(".")[0]} (ABI ${process.versions.modules})`,
    );
    expect(readFileSync(join(built.unpacked, "platform.conf"), "utf8")).toContain(
      `\ndrivers=linux-x64/node-abi${process.versions.modules}\nportable=no\n`,
    );
    expect(JSON.parse(readFileSync(join(built.unpacked, "package.json"), "utf8"))).not.toHaveProperty(
      "devDependencies",
    );
  });
});

describe("scripts/install.sh", () => {
  it("creates the service account, configuration, data directory and systemd unit, starts the daemon and marks the plugin installed", () => {
    const box = createSandbox(built);
    applyUmaskTrap(box.pluginDir);
    const custom = snapshot(box.customHook);
    const run = box.run("install.sh");

    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^<pre>\nwedos-panel 0\.\d+\.\d+ installed in /);
    expect(run.stdout.trimEnd().endsWith("</pre>")).toBe(true);
    expect(directoriesNotMode(box.pluginDir, 0o755)).toEqual([]);
    expect(
      ENTRY_FILES.map((file) => [
        file,
        modeOf(join(box.pluginDir, file)),
        statSync(join(box.pluginDir, file)).isFile(),
      ]),
    ).toEqual(ENTRY_FILES.map((file) => [file, 0o755, true]));
    expect(readFileSync(join(box.pluginDir, "plugin.conf"), "utf8")).toMatch(/^active=yes$[\s\S]*^installed=yes$/m);
    expect([
      modeOf(join(box.root, "etc", "wedos-panel")),
      modeOf(box.configFile),
      modeOf(box.dataDir),
      modeOf(join(box.dataDir, "spool", "consumed")),
    ]).toEqual([0o700, 0o600, 0o700, 0o700]);
    // The hooks' spool: root's, the service account's group, setgid (docs/decisions/0020).
    expect([statSync(box.spoolDir).uid, statSync(box.spoolDir).mode & 0o7777]).toEqual([0, 0o2750]);
    expect(JSON.parse(readFileSync(box.configFile, "utf8"))).toEqual({});
    expect(readFileSync(join(box.pluginDir, "install.conf"), "utf8")).toBe(
      `spool_dir=${box.spoolDir}\ndata_dir=${box.dataDir}\nservice_user=wedos-panel\nconfig_file=${box.configFile}\nreader_socket=${join(box.root, "run", "wedos-panel-reader", "reader.sock")}\n`,
    );
    expect(modeOf(join(box.pluginDir, "install.conf"))).toBe(0o644);
    expect(schemaVersion(databaseFileIn(box.dataDir))).toBe(LATEST_SCHEMA);

    const unit = readFileSync(box.unitFile, "utf8");
    expect(modeOf(box.unitFile)).toBe(0o644);
    for (const line of [
      "User=wedos-panel",
      `ExecStart=${join(dirname(process.execPath), "node")} --max-semi-space-size=1 --heap-growing-percent=10 --expose-gc ${box.pluginDir}/build/lib/cli.js serve`,
      `Environment=WEDOS_PANEL_CONFIG=${box.configFile}`,
      "RuntimeDirectory=wedos-panel",
      "RuntimeDirectoryMode=0755",
      "RuntimeDirectoryPreserve=yes",
      `ReadWritePaths=${box.dataDir} ${join(box.root, "etc", "wedos-panel")}`,
      "CapabilityBoundingSet=",
      "AmbientCapabilities=",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "WantedBy=multi-user.target",
    ]) {
      expect(unit.split("\n"), line).toContain(line);
    }

    const calls = box.calls();
    expect(calls).toContain(
      `useradd --system --user-group --no-create-home --home-dir ${box.dataDir} --shell /usr/sbin/nologin --comment wedos-panel daemon wedos-panel`,
    );
    // Root hands over only the two directories it chose; what is inside them is made as the service account.
    expect(calls.filter((call) => call.startsWith("chown "))).toEqual([
      `chown wedos-panel:wedos-panel ${join(box.root, "etc", "wedos-panel")}`,
      `chown wedos-panel:wedos-panel ${box.dataDir}`,
    ]);
    const asService = "setpriv --reuid=wedos-panel --regid=wedos-panel --clear-groups --";
    expect(calls).toContain(
      `${asService} mkdir -p -m 0700 ${join(box.dataDir, "spool")} ${join(box.dataDir, "spool", "consumed")} ${join(box.dataDir, "spool", "rejected")}`,
    );
    expect(calls).toContain(`chgrp wedos-panel ${box.spoolDir}`);
    expect(
      calls.filter(
        (call) => call.startsWith("systemctl ") || call.includes(" --version") || call.includes(" status --json"),
      ),
    ).toEqual([
      expect.stringMatching(
        /^setpriv --reuid=wedos-panel --regid=wedos-panel --clear-groups -- env \S+node \S+\/build\/lib\/cli\.js --version$/,
      ),
      "systemctl daemon-reload",
      "systemctl stop wedos-panel.service wedos-panel-reader.service",
      expect.stringMatching(
        /^setpriv --reuid=wedos-panel --regid=wedos-panel --clear-groups -- env WEDOS_PANEL_CONFIG=\S+ \S+node \S+\/build\/lib\/cli\.js status --json$/,
      ),
      "systemctl enable wedos-panel-reader.socket wedos-panel.service",
      "systemctl restart wedos-panel-reader.socket",
      "systemctl restart wedos-panel.service",
    ]);

    const link = join(box.root, "usr", "local", "bin", "wedos-panel");
    expect(readlinkSync(link)).toBe(join(box.pluginDir, "build", "lib", "cli.js"));
    // As the service account (the sandbox's account is a bare uid; test/packaging/root-boundary.test.ts runs it as root).
    const status = execFileSync(
      "setpriv",
      [`--reuid=${SERVICE_UID}`, `--regid=${SERVICE_UID}`, "--clear-groups", "--", link, "status", "--json"],
      { encoding: "utf8", env: { PATH: process.env.PATH, WEDOS_PANEL_CONFIG: box.configFile } },
    );
    expect(JSON.parse(status)).toMatchObject({ domains: [] });
    expect(snapshot(box.customHook)).toEqual(custom);
  });

  it("can run again: the admin's configuration is kept byte for byte, the account is not created twice", () => {
    const box = createSandbox(built);
    expect(box.run("install.sh").status).toBe(0);
    const edited = `${JSON.stringify({ wapi: { login: "admin@example.test" } }, null, 2)}\n`;
    writeFileSync(box.configFile, edited);

    const again = box.run("install.sh");

    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toContain(`configuration ${box.configFile}: kept as it was`);
    expect(again.stdout).toContain("service account wedos-panel: exists");
    expect(snapshot(box.configFile)).toEqual({ text: edited, mode: 0o600 });
    expect(box.calls().filter((call) => call.startsWith("useradd"))).toHaveLength(1);
    expect(box.calls().filter((call) => call === "systemctl restart wedos-panel.service")).toHaveLength(2);
  });

  it("refuses a plugin folder not named after plugin.conf's id, and says how to upload it", () => {
    const box = createSandbox(built, "wedos-1");
    const run = box.run("install.sh");

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `this plugin must be in a directory named "wedos" (its id in plugin.conf), but it is in ${box.pluginDir}`,
    );
    expect(run.stdout).toContain("upload the package as wedos.tar.gz");
    expect(box.calls()).toEqual([]);
    expect(existsSync(box.configFile)).toBe(false);
    expect(readFileSync(join(box.pluginDir, "plugin.conf"), "utf8")).toContain("installed=no");
  });

  it("refuses Node.js older than 20.18 and says what to install", () => {
    const box = createSandbox(built);
    const oldNode = box.tool("node", "#!/bin/sh\necho v18.19.0\n");
    const run = box.run("install.sh", { path: [oldNode] });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `Node.js v18.19.0 (${oldNode}/node) is too old: wedos-panel needs Node.js 20.18 or newer.`,
    );
    expect(run.stdout).toContain("then install the plugin again");
    expect(box.calls()).toEqual([]);
    expect(existsSync(box.dataDir)).toBe(false);
  });

  it("refuses to install where no database driver loads, saying what was tried and what to do", () => {
    const box = createSandbox(built);
    writeFileSync(
      join(box.pluginDir, "native", "linux-x64", `node-abi${process.versions.modules}`, "better_sqlite3.node"),
      "not a driver",
    );
    // Forced to the native driver, so node:sqlite (Node.js 22.13+) cannot stand in whatever Node.js runs this.
    const run = box.run("install.sh", { env: { WEDOS_PANEL_SQLITE_DRIVER: "native" } });

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `wedos-panel: no database driver: wedos-panel driver: no SQLite driver loads with Node.js ${process.version}`,
    );
    expect(run.stdout).toContain(
      `the package's portable build native/linux-x64/node-abi${process.versions.modules}/better_sqlite3.node: does not load:`,
    );
    expect(run.stdout).toContain(
      "Fix: run wedos-panel with Node.js 20, 22 or 24 on Linux x86_64 with glibc 2.28 or newer",
    );
    expect(box.calls()).toEqual([]);
  });
});

describe("scripts/update.sh and scripts/uninstall.sh", () => {
  it("update.sh keeps the data and configuration, migrates the database and restarts the daemon", () => {
    const box = createSandbox(built);
    expect(box.run("install.sh").status).toBe(0);
    const config = snapshot(box.configFile);
    // A database one schema version behind, holding a row that must survive.
    const dbFile = databaseFileIn(box.dataDir);
    rmSync(dbFile);
    const old = new BetterSqlite3(dbFile);
    for (const migration of MIGRATIONS.filter((m) => m.version < LATEST_SCHEMA)) old.exec(migration.sql);
    old.pragma(`user_version = ${LATEST_SCHEMA - 1}`);
    old.prepare("INSERT INTO wapi_budget (hour_start, used) VALUES (3600000, 7)").run();
    old.close();
    chownSync(dbFile, SERVICE_UID, SERVICE_UID); // the service account's, as the daemon left it
    box.unpack(); // the new version over the old one: plugin.conf says installed=no again
    const before = box.calls().length;

    const run = box.run("update.sh");

    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/wedos-panel 0\.\d+\.\d+ updated in /);
    expect(readFileSync(join(box.pluginDir, "plugin.conf"), "utf8")).toMatch(/^installed=yes$/m);
    expect(snapshot(box.configFile)).toEqual(config);
    expect(schemaVersion(dbFile)).toBe(LATEST_SCHEMA);
    const db = new BetterSqlite3(dbFile, { readonly: true });
    expect(db.prepare("SELECT used FROM wapi_budget WHERE hour_start = 3600000").get()).toEqual({ used: 7 });
    db.close();
    const calls = box.calls().slice(before);
    expect(calls.filter((call) => call.startsWith("useradd"))).toEqual([]);
    expect(calls.indexOf("systemctl stop wedos-panel.service wedos-panel-reader.service")).toBeLessThan(
      calls.findIndex((call) => call.includes(" status --json")),
    );
    expect(calls.at(-1)).toBe("systemctl restart wedos-panel.service");
  });

  it("uninstall.sh removes the unit and the command, keeps data and configuration, and purges them when asked", () => {
    const box = createSandbox(built);
    const custom = snapshot(box.customHook);
    expect(box.run("install.sh").status).toBe(0);

    const kept = box.run("uninstall.sh");

    expect(kept.status, kept.stdout).toBe(0);
    expect(box.calls()).toContain(
      "systemctl disable --now wedos-panel.service wedos-panel-reader.socket wedos-panel-reader.service",
    );
    expect(
      ["wedos-panel.service", "wedos-panel-reader.socket", "wedos-panel-reader.service"].filter((unit) =>
        existsSync(join(box.root, "etc", "systemd", "system", unit)),
      ),
    ).toEqual([]);
    expect(existsSync(join(box.root, "usr", "local", "bin", "wedos-panel"))).toBe(false);
    expect([existsSync(box.configFile), existsSync(databaseFileIn(box.dataDir))]).toEqual([true, true]);
    expect(kept.stdout).toContain(
      `Kept, for a later install: the data ${box.dataDir}, the hooks' spool ${box.spoolDir}, the configuration ${join(box.root, "etc", "wedos-panel")} and the account wedos-panel.`,
    );
    expect(kept.stdout).toContain("WEDOS_PANEL_PURGE=1");
    expect(box.calls().filter((call) => call.startsWith("userdel"))).toEqual([]);

    const purged = box.run("uninstall.sh", { env: { WEDOS_PANEL_PURGE: "1" } });

    expect(purged.status, purged.stdout).toBe(0);
    expect([existsSync(box.dataDir), existsSync(join(box.root, "etc", "wedos-panel"))]).toEqual([false, false]);
    expect(purged.stdout).toContain(`removed ${box.dataDir}`);
    expect(box.calls()).toContain("userdel wedos-panel");
    expect(snapshot(box.customHook)).toEqual(custom);
  });
});

describe("the installed plugin in an emulated DirectAdmin", () => {
  let daemon: ChildProcess | undefined;
  let reader: Awaited<ReturnType<typeof startReaderUnits>> | undefined;
  let sim: RunningSimulator | undefined;
  let api: RunningDirectAdminApi | undefined;
  afterEach(async () => {
    for (const child of [daemon, reader?.child]) {
      if (child === undefined || child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await sim?.close();
    await api?.close();
  });

  it(
    "provisions a new account: the installed hooks spool, the unit's daemon ingests, the zone reaches WEDOS, the page shows it, the pre hook checks",
    { timeout: 60_000 },
    async () => {
      sim = await startSimulator({
        login: "install@example.test",
        password: "install-pass-1",
        wgpActivationDelaySeconds: 0,
      });
      // A real service account (a free uid): the hooks, the command and the daemon act as it, as on a server.
      const box = createSandbox(built, "wedos", { numericAccount: true });
      expect(box.run("install.sh").status).toBe(0);
      const da = new EmulatedDirectAdmin({
        layout: box.layout,
        pluginDir: box.pluginDir,
        hookEnv: { WEDOS_PANEL_CONFIG: box.configFile },
      });
      api = await da.startApi();
      // What the admin does after installing: the WAPI credentials; here also the sandbox's DirectAdmin and socket.
      const socket = join(box.root, "run", "wedos-panel", "daemon.sock");
      const config = JSON.parse(readFileSync(box.configFile, "utf8")) as Record<string, unknown>;
      writeFileSync(
        box.configFile,
        JSON.stringify(
          {
            ...config,
            wapi: { url: sim.url, login: "install@example.test", password: "install-pass-1" },
            // The emulator runs every page as this test's own user: its session tells the visitor (ADR 0012).
            directadmin: {
              root: box.layout.root,
              virtualDir: box.layout.virtualDir,
              apiUrl: api.url,
              identity: "session",
            },
            dns: { zoneDir: box.layout.zoneDir, propagationCheck: false },
            daemon: { listen: socket },
          },
          null,
          2,
        ),
      );

      // The panel reader and the daemon exactly as their units start them: the reader's socket for the service account
      // alone; the daemon as its user, with its ambient capabilities (none), finding the reader in install.conf.
      reader = await startReaderUnits(join(box.root, "etc", "systemd", "system"));
      const unit = readFileSync(box.unitFile, "utf8");
      const [command = "", ...args] = (/^ExecStart=(.+)$/m.exec(unit)?.[1] ?? "").split(" ");
      const configVariable = /^Environment=WEDOS_PANEL_CONFIG=(.+)$/m.exec(unit)?.[1] ?? "";
      const user = /^User=(.+)$/m.exec(unit)?.[1] ?? "";
      const capabilities = (/^AmbientCapabilities=(.+)$/m.exec(unit)?.[1] ?? "")
        .split(" ")
        .filter(Boolean)
        .map((name) => `+${name.replace(/^CAP_/, "").toLowerCase()}`)
        .join(",");
      expect(user).toBe(String(SERVICE_UID));
      mkdirSync(dirname(socket), { recursive: true, mode: 0o755 });
      chownSync(dirname(socket), SERVICE_UID, SERVICE_UID);
      const asUnit = [
        "--reuid",
        user,
        "--regid",
        user,
        "--clear-groups",
        ...(capabilities === "" ? [] : [`--inh-caps=${capabilities}`, `--ambient-caps=${capabilities}`]),
        "--",
      ];
      let log = "";
      daemon = spawn("setpriv", [...asUnit, command, ...args], {
        env: { PATH: process.env.PATH ?? "", WEDOS_PANEL_CONFIG: configVariable },
        stdio: ["ignore", "ignore", "pipe"],
      });
      daemon.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
      await waitFor(
        () => existsSync(socket),
        () => `the daemon did not listen on ${socket}:\n${log}`,
      );

      const runs = await da.createUser({
        username: "alice",
        domain: "alice.test",
        package: "default",
        ip: "192.0.2.10",
        email: "alice@example.test",
        creator: "admin",
        password: "Secret-Password-1",
      });
      expect(runs.map((run) => [run.hook, run.exitCode, run.output.trim()])).toEqual(
        runs.map((run) => [run.hook, 0, "WEDOS DNS: queued"]),
      );

      const www = () =>
        [...(sim?.simulator.publishedZones() ?? [])]
          .find((zone) => zone.name === "alice.test")
          ?.rows.find((row) => row.name === "www" && row.type === "A");
      await waitFor(
        () => www() !== undefined,
        () => `alice.test's records never reached WEDOS; the daemon said:\n${log}\nthe reader said:\n${reader?.log()}`,
      );
      expect(reader.log()).toContain("panel-reader: answering for directadmin on fd 3");
      expect(www()?.rdata).toBe("192.0.2.10");
      const page = await da.runPage({
        level: "user",
        session: da.login("alice"),
        env: { WEDOS_PANEL_CONFIG: box.configFile },
      });
      expect(page.stdout).toContain("alice.test");
      expect(page.stdout).not.toContain("temporarily unavailable");

      // The installed pre hook finds the installed command: with a quota of one zone, alice's second domain is refused.
      const env = { PATH: process.env.PATH ?? "", WEDOS_PANEL_CONFIG: box.configFile };
      execFileSync(
        join(box.root, "usr", "local", "bin", "wedos-panel"),
        ["policy", "set", "default", "--zone-quota", "1"],
        { env },
      );
      const pre = spawnSync(join(box.pluginDir, "hooks", "domain_create_pre.sh"), [], {
        env: { ...env, username: "alice", domain: "alice-shop.test", creator: "admin" },
        encoding: "utf8",
      });
      expect([pre.status, pre.stdout]).toEqual([
        1,
        expect.stringContaining("WEDOS DNS: the package default includes WEDOS DNS for 1 domain(s)"),
      ]);
    },
  );
});

/** Polls `condition` every 50 ms for at most 30 s. */
async function waitFor(condition: () => boolean, failure: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
