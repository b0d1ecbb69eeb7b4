import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { PACKAGE_ROOT } from "../../../src/package-info.js";
import { fixtureTree, seedAccounts } from "../../../src/emulators/directadmin/index.js";
import { tempDir } from "../../support/temp-dir.js";

// The privilege split for real (docs/decisions/0011): DirectAdmin's files belong to another account and are private
// to it, as on a server; the daemon's account has no capability and cannot read them; the reader — the real
// `wedos-panel panel-reader`, started by socket activation as systemd starts it, under a third account with
// CAP_DAC_READ_SEARCH only and Node.js's --jitless — answers the daemon's questions; a fourth account cannot even ask.
// The test runs as root (CI does) to be all of these accounts.
const DIRADMIN = 64_200;
const DAEMON = 64_201;
const READER = 64_202;
const STRANGER = 64_203;
const CLI = join(PACKAGE_ROOT, "build", "lib", "cli.js");

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
});

/** Runs a node script (ES module text) as `uid` with no capability; its stdout is JSON. */
function runAs(uid: number, dir: string, script: string): unknown {
  const file = join(dir, `script-${uid}-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, script, { mode: 0o644 });
  const result = spawnSync(
    "setpriv",
    [
      `--reuid=${uid}`,
      `--regid=${uid}`,
      "--clear-groups",
      "--inh-caps=-all",
      "--bounding-set=-all",
      "--no-new-privs",
      process.execPath,
      file,
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`the script as uid ${uid} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}

describe("the capability-free daemon and the panel reader, as separate unix accounts", () => {
  test(
    "only the reader reads the panel's private files; the daemon gets every answer through it; no one else may ask",
    { timeout: 60_000 },
    async () => {
      const dir = tempDir("wedos-panel-split-");
      chmodSync(dir, 0o755);
      const layout = fixtureTree(join(dir, "server"));
      seedAccounts(layout, 2, { domainsPerAccount: 2, pointersPerDomain: 1 });
      execFileSync("chown", ["-R", `${DIRADMIN}:${DIRADMIN}`, join(dir, "server")]);
      const runDir = join(dir, "run");
      mkdirSync(runDir, { mode: 0o755 });
      const socket = join(runDir, "reader.sock");

      const reader = spawn(
        "systemd-socket-activate",
        [
          `--listen=${socket}`,
          "--setenv=WEDOS_PANEL_KIND=directadmin",
          `--setenv=WEDOS_PANEL_DA_ROOT=${layout.root}`,
          `--setenv=WEDOS_PANEL_DA_VIRTUAL_DIR=${layout.virtualDir}`,
          `--setenv=WEDOS_PANEL_ZONE_DIR=${layout.zoneDir}`,
          ...[
            "setpriv",
            `--reuid=${READER}`,
            `--regid=${READER}`,
            "--clear-groups",
            "--inh-caps=-all,+dac_read_search",
            "--ambient-caps=-all,+dac_read_search",
            "--bounding-set=-all,+dac_read_search",
            "--no-new-privs",
          ],
          process.execPath,
          "--jitless",
          CLI,
          "panel-reader",
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      children.push(reader);
      let log = "";
      reader.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
      for (let tries = 0; !existsSync(socket); tries++) {
        if (tries > 600) throw new Error(`the socket never appeared:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // What wedos-panel-reader.socket makes: the socket belongs to the service account, mode 0600.
      chownSync(socket, DAEMON, DAEMON);
      chmodSync(socket, 0o600);

      const daemonView = runAs(
        DAEMON,
        dir,
        `import { readFile } from "node:fs/promises";
import { DirectAdminPanel } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/panel/directadmin/reader.js"))};
import { directAdminLayout } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/panel/directadmin/layout.js"))};
import { RemotePanel } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/panel/remote/remote-panel.js"))};
const layout = directAdminLayout(${JSON.stringify({ root: layout.root, virtualDir: layout.virtualDir, zoneDir: layout.zoneDir })});
const remote = new RemotePanel("directadmin", { socket: ${JSON.stringify(socket)} });
const direct = await new DirectAdminPanel(layout).account("user00001").then(() => "read", (error) => error.code + ": " + error.message);
const ownZoneRead = await readFile(layout.zoneFile("acct00001.test")).then(() => "read", (error) => error.code);
const zone = await remote.zoneFile("acct00001.test");
console.log(JSON.stringify({
  uid: process.getuid(),
  direct,
  ownZoneRead,
  accounts: (await remote.listAccounts()).map((account) => [account.username, account.domains.map((d) => d.domain)]),
  owner: await remote.ownerOf("acct00002-p1.test"),
  zone: [zone.path, Buffer.from(zone.content ?? []).toString().includes("acct00001.test.")],
}));`,
      );
      expect(daemonView).toEqual({
        uid: DAEMON,
        direct: `directadmin_file_unreadable: cannot read ${layout.userConf("user00001")}: EACCES: permission denied, open '${layout.userConf("user00001")}'`,
        ownZoneRead: "EACCES",
        accounts: [
          ["user00001", ["acct00001.test", "acct00001-p1.test", "acct00001-2.test", "acct00001-2-p1.test"]],
          ["user00002", ["acct00002.test", "acct00002-p1.test", "acct00002-2.test", "acct00002-2-p1.test"]],
        ],
        owner: "user00002",
        zone: [layout.zoneFile("acct00001.test"), true],
      });

      const strangerView = runAs(
        STRANGER,
        dir,
        `import { RemotePanel } from ${JSON.stringify(join(PACKAGE_ROOT, "build/lib/panel/remote/remote-panel.js"))};
const error = await new RemotePanel("directadmin", { socket: ${JSON.stringify(socket)} }).listAccounts().then(() => undefined, (thrown) => ({ code: thrown.code, retryable: thrown.retryable, message: thrown.message }));
console.log(JSON.stringify(error));`,
      );
      expect(strangerView).toEqual({
        code: "panel_reader_forbidden",
        retryable: false,
        message: `this process may not connect to the panel reader's socket ${socket} (EACCES): only the service account and root may; run it as one of them`,
      });
      // The scripts ran synchronously; the reader's log arrives on this process's event loop now.
      for (let tries = 0; !log.includes("panel-reader: answering"); tries++) {
        if (tries > 100) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(log).toContain("panel-reader: answering for directadmin on fd 3");
    },
  );
});
