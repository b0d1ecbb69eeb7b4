import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { EmulatedDirectAdmin, fixtureTree } from "../../src/emulators/directadmin/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { JobStore } from "../../src/store/job-store.js";
import { tempDir } from "../support/temp-dir.js";

const USERS = 50; // four hooks each: 200 lifecycle events
const LOGIN = "kill@example.test";
const PASSWORD = "kill-test-pass-1";

/** A small seeded PRNG, so the kill points are random but the run can be repeated. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

let sim: RunningSimulator | undefined;
let daemon: ChildProcess | undefined;
afterEach(async () => {
  daemon?.kill("SIGKILL");
  await sim?.close();
});

/** Kill seeds: one in the suite; `WEDOS_KILL_RUNS=10` runs ten for the convergence figures. */
const SEEDS = Array.from({ length: Number(process.env.WEDOS_KILL_RUNS ?? 1) }, (_, i) => 20261121 + i);
const KILLS = 10;

describe("the daemon killed with SIGKILL at random points", () => {
  const title = "applies 200 lifecycle events exactly once after 10 kills (seed %i), within 30 s of the last";
  it.each(SEEDS)(title, { timeout: 120_000 }, async (seed) => {
    // The daemon runs as its own process on the system clock, so the simulator does too.
    sim = await startSimulator({ login: LOGIN, password: PASSWORD, rateLimit: 100_000, wgpActivationDelaySeconds: 0 });
    const root = tempDir();
    const layout = fixtureTree(join(root, "da"));
    const dataDir = join(root, "data");
    const configFile = join(root, "config.json");
    writeFileSync(
      configFile,
      JSON.stringify({
        directadmin: { root: layout.root, virtualDir: layout.virtualDir },
        dns: { zoneDir: layout.zoneDir, propagationCheck: false, delegationCheck: false },
        wapi: { hourlyLimit: 1000, interactiveReserve: 0 },
        daemon: { listen: join(root, "daemon.sock") },
      }),
    );
    const env = {
      PATH: process.env.PATH ?? "",
      WEDOS_PANEL_CONFIG: configFile,
      WEDOS_PANEL_DATA_DIR: dataDir,
      WEDOS_WAPI_URL: sim.url,
      WEDOS_WAPI_LOGIN: LOGIN,
      WEDOS_WAPI_PASSWORD: PASSWORD,
    };

    const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir } });
    for (let n = 1; n <= USERS; n++) {
      await da.createUser({
        username: `k${n}`,
        domain: `kill${n}.test`,
        package: "default",
        ip: `192.0.2.${n}`,
        email: `k${n}@example.test`,
        creator: "admin",
        password: "Secret-Password-1",
      });
    }

    const db = openDatabase(databaseFileIn(dataDir));
    const inventory = new InventoryStore(db);
    const jobs = new JobStore(db);
    const allActive = () =>
      Array.from({ length: USERS }, (_, i) => inventory.domain(`kill${i + 1}.test`)?.dnsStatus).every(
        (status) => status === "active",
      );
    const random = prng(seed);
    let stderr = "";
    // Resolves once this daemon says it has started (or has exited): the kill points are then taken within its work,
    // however long starting takes on a loaded machine, so every run makes progress before it is cut.
    let started: Promise<void> = Promise.resolve();
    const start = () => {
      const child = spawn(process.execPath, [join(PACKAGE_ROOT, "build", "lib", "cli.js"), "serve"], {
        env,
        stdio: ["ignore", "ignore", "pipe"],
      });
      started = new Promise((resolve) => {
        child.stderr?.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (chunk.toString().includes("daemon started")) resolve();
        });
        child.once("exit", () => resolve());
      });
      return child;
    };
    let kills = 0;
    while (kills < KILLS) {
      daemon = start();
      await started;
      await new Promise((resolve) => setTimeout(resolve, random() * 300));
      daemon.kill("SIGKILL");
      await new Promise((resolve) => daemon?.once("exit", resolve));
      kills += 1;
    }
    // A last, uninterrupted run finishes whatever the final kill cut off, within 30 s of the last kill.
    const lastKillAt = Date.now();
    daemon = start();
    const pending = () => !allActive() || jobs.countsByState().queued + jobs.countsByState().running > 0;
    while (pending() && Date.now() < lastKillAt + 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const convergedMs = Date.now() - lastKillAt;
    const seconds = (convergedMs / 1000).toFixed(1);
    process.stderr.write(
      `daemon-kill seed ${seed}: ${USERS * 4} events, ${kills} kills, converged ${seconds} s after the last\n`,
    );
    daemon.kill("SIGTERM");
    await new Promise((resolve) => daemon?.once("exit", resolve));

    expect(convergedMs, `still not converged ${convergedMs} ms after the last kill`).toBeLessThanOrEqual(30_000);
    expect(allActive(), `not every domain is active; the daemon said:\n${stderr.slice(-2000)}`).toBe(true);
    const published = new Map([...sim.simulator.publishedZones()].map((zone) => [zone.name, zone.rows]));
    for (let n = 1; n <= USERS; n++) expect(published.get(`kill${n}.test`)?.length, `kill${n}.test`).toBeGreaterThan(5);
    const zoneAdds = sim.simulator
      .dump()
      .requestLog.filter((entry) => entry.command === "dns-domain-add" && entry.code === 1000).length;
    expect(zoneAdds).toBe(USERS);
    const duplicateRows = [...published.values()].some(
      (rows) => new Set(rows.map((row) => `${row.name} ${row.type} ${row.rdata}`)).size !== rows.length,
    );
    expect(duplicateRows).toBe(false);
    expect(jobs.countsByState().dead).toBe(0);
    db.close();
  });
});
