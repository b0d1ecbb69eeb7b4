import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { cpanelServer } from "./cpanel-sandbox.js";
import { buildPackage, createSandbox, type BuiltPackage } from "./sandbox.js";
import { readUnit, unitEnvironment, type Unit } from "./units.js";

// The systemd units as the two installers write them (the real packages, installed in sandboxes), checked for what
// they grant and measured with systemd-analyze (docs/decisions/0011, README "Installing").
const PANELS = ["DirectAdmin", "cPanel & WHM"] as const;
type PanelName = (typeof PANELS)[number];
interface Installed {
  /** The sandbox's "/", the installed package and data directory, as the units name them. */
  root: string;
  packageDir: string;
  dataDir: string;
  /** The units and install.conf, kept for the whole file (the sandboxes are removed after the first test). */
  kept: string;
}

const kept = mkdtempSync(join(tmpdir(), "wedos-panel-units-"));
const installed = new Map<PanelName, Installed>();
beforeAll(() => {
  const install = (panel: PanelName, pkg: BuiltPackage) => {
    try {
      const target = panel === "DirectAdmin" ? daInstall(pkg) : cpanelInstall(pkg);
      const keep = join(kept, panel === "DirectAdmin" ? "directadmin" : "cpanel");
      cpSync(join(target.root, "etc/systemd/system"), keep, { recursive: true });
      cpSync(join(target.packageDir, "install.conf"), join(keep, "install.conf"));
      installed.set(panel, { ...target, kept: keep });
    } finally {
      pkg.remove();
    }
  };
  install("DirectAdmin", buildPackage("directadmin"));
  install("cPanel & WHM", buildPackage("cpanel"));
}, 240_000);
afterAll(() => rmSync(kept, { recursive: true, force: true }));

function daInstall(pkg: BuiltPackage) {
  const box = createSandbox(pkg);
  const run = box.run("install.sh");
  if (run.status !== 0) throw new Error(`the DirectAdmin install failed:\n${run.stdout}`);
  return { root: box.root, packageDir: box.pluginDir, dataDir: box.dataDir };
}

function cpanelInstall(pkg: BuiltPackage) {
  const server = cpanelServer(join(pkg.unpacked, "wedos-panel"));
  const run = server.run("install.sh");
  if (run.status !== 0) throw new Error(`the cPanel install failed:\n${run.stdout}${run.stderr}`);
  return {
    root: server.prefix,
    packageDir: join(server.prefix, "usr/local/cpanel/3rdparty/wedos-panel"),
    dataDir: join(server.prefix, "var/lib/wedos-panel"),
  };
}

const units = (panel: PanelName) => {
  const dir = (installed.get(panel) as Installed).kept;
  return {
    daemon: readUnit(join(dir, "wedos-panel.service")),
    reader: readUnit(join(dir, "wedos-panel-reader.service")),
    socket: readUnit(join(dir, "wedos-panel-reader.socket")),
    installConf: readFileSync(join(dir, "install.conf"), "utf8"),
  };
};

/** The options both services carry (systemd-analyze counts each). */
const SHARED = {
  NoNewPrivileges: "yes",
  ProtectSystem: "strict",
  ProtectHome: "yes",
  PrivateTmp: "yes",
  PrivateDevices: "yes",
  ProtectProc: "invisible",
  ProcSubset: "pid",
  RemoveIPC: "yes",
  RestrictNamespaces: "yes",
  RestrictSUIDSGID: "yes",
  LockPersonality: "yes",
  SystemCallArchitectures: "native",
  SystemCallErrorNumber: "EPERM",
};
const expectShared = (unit: Unit) => {
  for (const [key, value] of Object.entries(SHARED)) expect([key, unit.value(key)]).toEqual([key, value]);
  expect(unit.values("SystemCallFilter")).toEqual(["@system-service", "~@privileged @resources"]);
  expect(unit.values("PrivateUsers")).toEqual([]);
};

describe.each(PANELS)("the units the %s installer writes", (panel) => {
  it("the daemon: the service account, no capability at all, writing only its own directories", () => {
    const { daemon } = units(panel);
    const { root, packageDir, dataDir } = installed.get(panel) as Installed;
    expect(daemon.value("User")).toBe("wedos-panel");
    expect([daemon.value("CapabilityBoundingSet"), daemon.value("AmbientCapabilities")]).toEqual(["", ""]);
    expect(daemon.value("ExecStart")).toBe(
      `${process.execPath} --max-semi-space-size=1 --heap-growing-percent=10 --expose-gc ${packageDir}/build/lib/cli.js serve`,
    );
    expect(unitEnvironment(daemon)).toMatchObject({
      MALLOC_ARENA_MAX: "1",
      MALLOC_TRIM_THRESHOLD_: "131072",
      MALLOC_MMAP_THRESHOLD_: "131072",
    });
    expect(daemon.value("ReadWritePaths")).toBe(`${dataDir} ${root}/etc/wedos-panel`);
    expect([daemon.value("RuntimeDirectory"), daemon.value("RuntimeDirectoryMode")]).toEqual(["wedos-panel", "0755"]);
    expect(daemon.value("RestrictAddressFamilies")).toBe("AF_UNIX AF_INET AF_INET6");
    expect(daemon.values("MemoryDenyWriteExecute")).toEqual([]); // V8's JIT and WebAssembly need writable code
    expect(daemon.value("Wants")).toContain("wedos-panel-reader.socket");
    expectShared(daemon);
  });

  it("the reader: a throw-away account that may read, write nothing, reach no network, and see none of the secrets", () => {
    const { reader, socket, installConf } = units(panel);
    const { root, packageDir } = installed.get(panel) as Installed;
    expect(reader.value("DynamicUser")).toBe("yes");
    expect(reader.values("User")).toEqual([]);
    expect([reader.value("CapabilityBoundingSet"), reader.value("AmbientCapabilities")]).toEqual([
      "CAP_DAC_READ_SEARCH",
      "CAP_DAC_READ_SEARCH",
    ]);
    expect(reader.value("ExecStart")).toBe(`${process.execPath} --jitless ${packageDir}/build/lib/cli.js panel-reader`);
    expect([
      reader.value("PrivateNetwork"),
      reader.value("IPAddressDeny"),
      reader.value("RestrictAddressFamilies"),
      reader.value("MemoryDenyWriteExecute"),
    ]).toEqual(["yes", "any", "AF_UNIX", "yes"]);
    expect([
      reader.values("ReadWritePaths"),
      reader.values("RuntimeDirectory"),
      reader.values("StateDirectory"),
    ]).toEqual([[], [], []]);
    const hidden = reader.value("InaccessiblePaths").trim().split(" ");
    for (const path of [
      "/etc/shadow",
      "/etc/gshadow",
      "/etc/ssh",
      "/etc/ssl/private",
      "/etc/wedos-panel",
      "/var/lib/wedos-panel",
      panel === "DirectAdmin" ? "/usr/local/directadmin/conf" : "/var/cpanel/ssl",
      panel === "DirectAdmin" ? "/usr/local/directadmin/data/sessions" : "/var/cpanel/sessions",
    ]) {
      expect(hidden).toContain(`-${root}${path}`);
    }
    // Where it reads comes from its own unit, never from config.json (which the service account can change).
    expect(unitEnvironment(reader)).toEqual(
      panel === "DirectAdmin"
        ? {
            WEDOS_PANEL_KIND: "directadmin",
            WEDOS_PANEL_DA_ROOT: `${root}/usr/local/directadmin`,
            WEDOS_PANEL_DA_VIRTUAL_DIR: `${root}/etc/virtual`,
            WEDOS_PANEL_ZONE_DIR: `${root}/var/named`,
          }
        : {
            WEDOS_PANEL_KIND: "cpanel",
            WEDOS_PANEL_CPANEL_VAR_DIR: `${root}/var/cpanel`,
            WEDOS_PANEL_CPANEL_ETC_DIR: `${root}/etc`,
            WEDOS_PANEL_ZONE_DIR: `${root}/var/named`,
          },
    );
    expectShared(reader);
    // Its socket: systemd's, for the service account alone, and where install.conf tells the daemon to ask.
    expect([socket.value("SocketUser"), socket.value("SocketMode"), socket.value("ListenStream")]).toEqual([
      "wedos-panel",
      "0600",
      `${root}/run/wedos-panel-reader/reader.sock`,
    ]);
    expect(installConf).toContain(`reader_socket=${socket.value("ListenStream")}\n`);
  });
});

/** `systemd-analyze security --offline=true` of a unit file: the overall exposure (0 safest, 10 worst). */
function exposure(file: string): number {
  const output = execFileSync("systemd-analyze", ["security", "--offline=true", "--no-pager", file], {
    encoding: "utf8",
  });
  const figure = /Overall exposure level for \S+: (\d+\.\d)/.exec(output)?.[1];
  if (figure === undefined) throw new Error(`no overall exposure in:\n${output}`);
  return Number(figure);
}

/** The figures README.md shows: "| DirectAdmin | `wedos-panel.service` … | 1.3 OK |". */
function readmeFigures(): Map<string, number> {
  const readme = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
  return new Map(
    [
      ...readme.matchAll(/^\| (DirectAdmin|cPanel & WHM) \| `(wedos-panel(?:-reader)?\.service)`[^|]*\| (\d+\.\d) /gm),
    ].map((match) => [`${match[1]} ${match[2]}`, Number(match[3])]),
  );
}

describe("systemd-analyze security", () => {
  it("puts every service the installers write below 2.0, and no higher than the README says", () => {
    const documented = readmeFigures();
    const measured = new Map<string, number>();
    for (const panel of PANELS) {
      for (const service of ["wedos-panel.service", "wedos-panel-reader.service"])
        measured.set(`${panel} ${service}`, exposure(join((installed.get(panel) as Installed).kept, service)));
    }
    expect([...documented.keys()].sort()).toEqual([...measured.keys()].sort());
    for (const [unit, figure] of measured) {
      expect([unit, figure < 2.0, figure <= (documented.get(unit) ?? 0)]).toEqual([unit, true, true]);
    }
    // The reader, which may read any file, is the most tightly held.
    for (const panel of PANELS)
      expect(measured.get(`${panel} wedos-panel-reader.service`)).toBeLessThan(
        measured.get(`${panel} wedos-panel.service`) ?? 0,
      );
  });
});
