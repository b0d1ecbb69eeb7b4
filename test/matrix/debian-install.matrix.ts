import { type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RootOverlay } from "../../build/native/chroot.mjs";
import { debianRoot } from "../../build/native/debian-root.mjs";
import { nodeDistribution } from "../../build/native/node-dist.mjs";
import { requireRootTools } from "../../build/native/requirements.mjs";
import { NODE_VERSIONS } from "../../build/native/targets.mjs";
import { EmulatedDirectAdmin, fixtureTree, type RunningDirectAdminApi } from "../../src/emulators/directadmin/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { packagesDir } from "./packages.js";
import { recorder } from "./recorder.js";
import { asUnitAccount, parseSocketUnit, parseUnit, startOrder, type ServiceUnit, type SocketUnit } from "./units.js";

// The runtime matrix (docs/decisions/0009): the DirectAdmin package as `npm run build` makes it (portable drivers),
// installed by its real scripts/install.sh in a Debian 11 root (glibc 2.31) with each supported Node.js — real useradd,
// chown, setpriv and runuser; only systemctl is a stand-in, as no systemd runs in a chroot, so the matrix starts each
// unit the installer wrote, as its User=, from its ExecStart= (a service started by a socket unit gets that socket as
// --listen, owned and moded as the socket unit says). Then a real hook event reaches the WEDOS simulator (on the host's
// 127.0.0.1: a chroot shares the network), a page is answered through the real entry script run as the account's own
// unix user, and uninstall.sh runs. The chroot is an overlay on the cached root (build/native/).
const PLUGIN = "/usr/local/directadmin/plugins/wedos";
const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const LOGIN = "matrix@example.test";
const PASSWORD = "matrix-pass-1";

let root: string;
let sim: RunningSimulator;
beforeAll(async () => {
  requireRootTools("the matrix");
  root = debianRoot((line) => process.stdout.write(`${line}\n`));
  sim = await startSimulator({ login: LOGIN, password: PASSWORD, wgpActivationDelaySeconds: 0 });
});
afterAll(async () => sim?.close());

// Stands in for systemctl: logs each call, and stops the unit's process the matrix started, as systemd would.
const SYSTEMCTL = `#!/bin/sh
printf '%s\\n' "$*" >> /var/log/matrix-systemctl.log
case $1 in stop | disable | restart | kill) ;; *) exit 0 ;; esac
for unit in "$@"; do
  case $unit in *.service) ;; *) continue ;; esac
  if [ -f "/run/matrix-units/$unit.pid" ]; then kill "$(cat "/run/matrix-units/$unit.pid")" 2> /dev/null; rm -f "/run/matrix-units/$unit.pid"; fi
done
exit 0
`;

describe.each(NODE_VERSIONS)("the DirectAdmin package in Debian 11 with Node.js %s", (version) => {
  it("installs, provisions a new account's zone from a real hook, answers a page as the account, and uninstalls", async () => {
    const started = Date.now();
    const work = mkdtempSync(join(tmpdir(), "wedos-panel-matrix-"));
    const overlay = new RootOverlay(root, join(work, "root"));
    const processes: ChildProcess[] = [];
    let api: RunningDirectAdminApi | undefined;
    let logs = "";
    const run = (argv: string[], what: string) => {
      const result = overlay.run(argv);
      logs += `\n$ ${what} (exit ${result.status})\n${result.stdout}${result.stderr}`;
      return result;
    };
    try {
      // Node.js as a server has it (/usr/local/bin/node), the systemctl stand-in, DirectAdmin's own account.
      overlay.bind(nodeDistribution(version), "/opt/node");
      symlinkSync("/opt/node/bin/node", overlay.path("/usr/local/bin/node"));
      writeFileSync(overlay.path("/usr/local/sbin/systemctl"), SYSTEMCTL, { mode: 0o755 });
      mkdirSync(overlay.path("/run/matrix-units"), { recursive: true });
      expect(
        run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "diradmin"], "useradd diradmin")
          .status,
      ).toBe(0);
      const layout = fixtureTree(overlay.root);
      mkdirSync(overlay.path(PLUGIN), { recursive: true });
      overlay.bind(packagesDir(), "/matrix");
      expect(run(["tar", "-xzf", "/matrix/wedos.tar.gz", "-C", PLUGIN], "unpack wedos.tar.gz").status).toBe(0);

      // scripts/install.sh, as DirectAdmin's Plugin Manager runs it.
      const install = run(["/usr/bin/env", "-i", PATH, "/bin/sh", `${PLUGIN}/scripts/install.sh`], "install.sh");
      expect(install.status, logs).toBe(0);
      const abi = overlay.run(["/usr/local/bin/node", "-p", "process.versions.modules"]).stdout.trim();
      expect(install.stdout).toContain(`database driver native: better-sqlite3 `);
      expect(install.stdout).toContain(
        `the package's portable build native/linux-x64/node-abi${abi}/better_sqlite3.node`,
      );

      // The units it wrote, and the daemon's configuration (named by its unit) pointed at the simulator.
      const unitDir = overlay.path("/etc/systemd/system");
      const units = readdirSync(unitDir)
        .filter((name) => name.endsWith(".service"))
        .map((name) => parseUnit(name, join(unitDir, name)));
      const daemon = units.find((unit) => unit.execStart.includes("serve"));
      expect(daemon, `no unit runs "wedos-panel serve": ${units.map((unit) => unit.name).join(", ")}`).toBeDefined();
      const record = recorder(
        join(work, "recorder"),
        readdirSync(overlay.path(`${PLUGIN}/hooks`)).filter((name) => name.endsWith(".sh")),
      );
      const recording = new EmulatedDirectAdmin({
        layout,
        pluginDir: record.pluginDir,
        hookEnv: { WEDOS_PANEL_CONFIG: "/etc/wedos-panel/config.json" },
      });
      api = await recording.startApi();
      configure(overlay, daemon as ServiceUnit, api.url);

      const sockets = readdirSync(unitDir)
        .filter((name) => name.endsWith(".socket"))
        .map((name) => parseSocketUnit(name, join(unitDir, name)));
      for (const unit of startOrder(units)) {
        const socket = sockets.find((candidate) => candidate.name.replace(/\.socket$/, ".service") === unit.name);
        processes.push(startUnit(overlay, unit, (text) => (logs += text), socket));
        if (socket !== undefined) await handOver(overlay, socket, () => logs);
      }
      const socket = overlay.path("/run/wedos-panel/daemon.sock");
      await waitFor(
        () => existsSync(socket),
        () => `the daemon never listened on /run/wedos-panel/daemon.sock:${logs}`,
      );

      // A new account, as DirectAdmin makes it: its unix account, its files (owned by diradmin), then its hooks.
      expect(run(["useradd", "--no-create-home", "--shell", "/bin/false", "alice"], "useradd alice").status).toBe(0);
      await recording.createUser({
        username: "alice",
        domain: "alice.test",
        package: "default",
        ip: "192.0.2.10",
        email: "alice@example.test",
        creator: "admin",
        password: "Secret-Password-1",
      });
      run(["chown", "-R", "diradmin:diradmin", "/usr/local/directadmin/data"], "chown the DirectAdmin data");
      const hooks = record.runs().filter((entry) => entry.script.startsWith("hooks/"));
      expect(hooks.map((hook) => hook.script)).toContain("hooks/user_create_post.sh");
      for (const hook of hooks) {
        const fired = run(
          [
            "/usr/bin/env",
            "-i",
            ...directAdminEnv(hook.env),
            "/bin/sh",
            "-c",
            'cd /usr/local/directadmin && exec "$0"',
            `${PLUGIN}/${hook.script}`,
          ],
          hook.script,
        );
        expect([hook.script, fired.status, fired.stdout.trim()], logs).toEqual([hook.script, 0, "WEDOS DNS: queued"]);
      }
      const www = () =>
        [...sim.simulator.publishedZones()]
          .find((zone) => zone.name === "alice.test")
          ?.rows.find((row) => row.name === "www" && row.type === "A");
      await waitFor(
        () => www() !== undefined,
        () => `alice.test never reached the simulator:${logs}`,
      );
      expect(www()?.rdata).toBe("192.0.2.10");

      // The user's page through the real entry script, run as alice's own unix account.
      await recording.runPage({ level: "user", session: recording.login("alice") });
      const visit = record.runs().find((entry) => entry.script === "user/index.html");
      const page = run(
        [
          "setpriv",
          "--reuid=alice",
          "--regid=alice",
          "--clear-groups",
          "--",
          "/usr/bin/env",
          "-i",
          ...directAdminEnv(visit?.env ?? []),
          "/bin/sh",
          "-c",
          'cd "${0%/*}" && exec "$0"',
          `${PLUGIN}/user/index.html`,
        ],
        "user/index.html as alice",
      );
      expect(page.status, logs).toBe(0);
      // alice's own domain: the daemon proved the visitor by the uid that ran the entry (its level from the reader).
      expect(page.stdout, logs).toContain("alice.test");
      expect(page.stdout, "the entry script could not reach the daemon").not.toContain("temporarily unavailable");

      // scripts/uninstall.sh: the units stopped and removed, the command unlinked; data, configuration, account kept.
      const uninstall = run(["/usr/bin/env", "-i", PATH, "/bin/sh", `${PLUGIN}/scripts/uninstall.sh`], "uninstall.sh");
      expect(uninstall.status, logs).toBe(0);
      await waitFor(
        () => processes.every((child) => child.exitCode !== null || child.signalCode !== null),
        () => `a unit's process still runs after uninstall.sh:${logs}`,
      );
      expect(units.filter((unit) => existsSync(join(unitDir, unit.name))).map((unit) => unit.name)).toEqual([]);
      expect(existsSync(overlay.path("/usr/local/bin/wedos-panel"))).toBe(false);
      expect(readFileSync(overlay.path(`${PLUGIN}/plugin.conf`), "utf8")).toMatch(/^installed=no$/m);
      expect(existsSync(overlay.path("/var/lib/wedos-panel/wedos-panel.sqlite"))).toBe(true);
      expect(existsSync(overlay.path("/etc/wedos-panel/config.json"))).toBe(true);
      process.stdout.write(
        `Node.js ${version}: install, hook, page and uninstall in ${Math.round((Date.now() - started) / 1000)} s\n`,
      );
    } finally {
      for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await Promise.all(
        processes.map((child) =>
          child.exitCode !== null || child.signalCode !== null
            ? undefined
            : new Promise((resolve) => child.once("close", resolve)),
        ),
      );
      await api?.close();
      overlay.close();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** The daemon's configuration file (its unit's WEDOS_PANEL_CONFIG), with the simulator's WAPI and DirectAdmin's API. */
function configure(overlay: RootOverlay, daemon: ServiceUnit, apiUrl: string): void {
  const file =
    daemon.environment.find((entry) => entry.startsWith("WEDOS_PANEL_CONFIG="))?.slice("WEDOS_PANEL_CONFIG=".length) ??
    "/etc/wedos-panel/config.json";
  const passwordFile = join(dirname(file), "wapi-password");
  writeFileSync(overlay.path(passwordFile), `${PASSWORD}\n`, { mode: 0o600 });
  chmodSync(overlay.path(passwordFile), 0o600);
  overlay.run(["chown", `${daemon.user ?? "root"}:${daemon.group ?? daemon.user ?? "root"}`, passwordFile]);
  const config = JSON.parse(readFileSync(overlay.path(file), "utf8")) as Record<string, unknown>;
  const settings = {
    ...config,
    wapi: { url: sim.url, login: LOGIN, passwordFile },
    directadmin: { apiUrl },
    dns: { propagationCheck: false, delegationCheck: false },
  };
  writeFileSync(overlay.path(file), `${JSON.stringify(settings, null, 2)}\n`); // the file keeps its owner and mode
}

/**
 * Starts a unit's service as systemd would: its runtime directories, ExecStartPre=, then ExecStart= as User=. A
 * service its socket unit starts is given the socket path to listen on (`--listen`), since no systemd hands it over.
 */
function startUnit(
  overlay: RootOverlay,
  unit: ServiceUnit,
  log: (text: string) => void,
  socket?: SocketUnit,
): ChildProcess {
  for (const dir of unit.runtimeDirectories) {
    mkdirSync(overlay.path(`/run/${dir}`), { recursive: true });
    overlay.run(["chown", `${unit.user ?? "root"}:${unit.group ?? unit.user ?? "root"}`, `/run/${dir}`]);
    overlay.run(["chmod", unit.runtimeDirectoryMode, `/run/${dir}`]);
  }
  for (const pre of unit.execStartPre) {
    const result = overlay.run(asUnitAccount(unit, pre));
    log(`\n[${unit.name} ExecStartPre ${pre.join(" ")}: exit ${result.status}]\n${result.stdout}${result.stderr}`);
  }
  if (socket !== undefined) {
    // systemd makes the socket as root; here the service binds it itself, in a directory it may write for now.
    mkdirSync(overlay.path(dirname(socket.listenStream)), { recursive: true, mode: 0o755 });
    overlay.run(["chown", `${unit.user ?? "root"}:${unit.group ?? unit.user ?? "root"}`, dirname(socket.listenStream)]);
  }
  const argv = socket === undefined ? unit.execStart : [...unit.execStart, "--listen", socket.listenStream];
  const child = overlay.start(asUnitAccount(unit, argv), { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => log(`[${unit.name}] ${chunk.toString()}`));
  child.stderr?.on("data", (chunk: Buffer) => log(`[${unit.name}] ${chunk.toString()}`));
  writeFileSync(overlay.path(`/run/matrix-units/${unit.name}.pid`), `${child.pid}\n`);
  return child;
}

/** Once the service listens: the socket as its socket unit gives it (SocketUser=, SocketGroup=, SocketMode=). */
async function handOver(overlay: RootOverlay, socket: SocketUnit, logs: () => string): Promise<void> {
  await waitFor(
    () => existsSync(overlay.path(socket.listenStream)),
    () => `nothing listened on ${socket.listenStream}:${logs()}`,
  );
  overlay.run(["chown", `${socket.user}:${socket.group}`, socket.listenStream]);
  overlay.run(["chmod", socket.mode, socket.listenStream]);
  overlay.run(["chown", "root:root", dirname(socket.listenStream)]); // as systemd's DirectoryMode= leaves it
}

/** What DirectAdmin set, without what the recording shell added itself. */
function directAdminEnv(recorded: readonly string[]): string[] {
  return recorded.filter((entry) => !/^(?:PWD|SHLVL|_|OLDPWD)=/.test(entry));
}

async function waitFor(condition: () => boolean, failure: () => string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
