import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLOSED_PIPE_STATUS } from "../../src/cli/closed-output.js";
import { systemClock } from "../../src/clock.js";
import { fixtureTree, seedAccounts } from "../../src/emulators/directadmin/index.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { startDnsServer, type DnsServer } from "../../src/simulator/dns/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { tempDir } from "../support/temp-dir.js";

const CLI = join(PACKAGE_ROOT, "build", "lib", "cli.js");
const DOMAIN = "acct00001.test";
// The command runs as its own process on the real clock, and WEDOS's login hash holds the hour: the simulator must
// agree with it. Nothing here waits for time to pass.
const clock = systemClock;
let sim: RunningSimulator;
let dns: DnsServer;
let env: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ login: "demo@example.test", password: "demo-pass-123", clock });
  dns = await startDnsServer({ port: 0, source: sim.simulator });
  const dir = tempDir("wedos-panel-pipe-");
  const layout = fixtureTree(join(dir, "da"));
  seedAccounts(layout, 1, { now: clock.now() });
  writeFileSync(
    join(layout.zoneDir, `${DOMAIN}.db`),
    "$TTL 3600\n@ IN SOA ns1.example.net. hostmaster.example.net. 1 3600 900 1209600 300\n@ IN NS ns1.example.net.\n" +
      "www IN A 192.0.2.10\n",
  );
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir },
      dns: { nameServers: [`127.0.0.1:${dns.port}`], primaryIp: "192.0.2.53" },
    }),
  );
  env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    WEDOS_PANEL_CONFIG: join(dir, "config.json"),
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: "demo-pass-123",
    WEDOS_PANEL_DATA_DIR: join(dir, "data"),
    WEDOS_PANEL_ZONE_DIR: layout.zoneDir,
    WEDOS_PANEL_INSTALL_CONF: join(dir, "no-install.conf"),
  };
});
afterEach(async () => {
  await dns.close();
  await sim.close();
});

/**
 * Runs `wedos-panel ...args` as its own process with its stdout (or stderr) a real pipe whose reading end is closed
 * before the command writes anything, as `wedos-panel status | head -1` leaves it once head has its line.
 */
function runWithClosedPipe(
  closed: "stdout" | "stderr",
  args: readonly string[],
): Promise<{ status: number | null; signal: string | null; other: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    child[closed].destroy();
    let other = "";
    child[closed === "stdout" ? "stderr" : "stdout"].on("data", (chunk: Buffer) => (other += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, other }));
  });
}

describe("a command whose output is closed", () => {
  it.each([["--help"], ["status"], ["jobs"], ["doctor"], ["sync", DOMAIN]])(
    "wedos-panel %s ends quietly with the status a closed pipe gives (141), no stack trace",
    async (...args: string[]) => {
      const run = await runWithClosedPipe("stdout", args);
      expect(run).toEqual({ status: CLOSED_PIPE_STATUS, signal: null, other: "" });
    },
  );

  it("ends as quietly when it is stderr that is closed (a command that fails writes there)", async () => {
    const run = await runWithClosedPipe("stderr", ["status", "nowhere.test"]);
    expect(run).toEqual({ status: CLOSED_PIPE_STATUS, signal: null, other: "" });
  });
});
