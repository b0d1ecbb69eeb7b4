import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, type Clock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { WapiPausedError, WapiResultError } from "../../src/wapi/errors.js";
import { createWapi, type Wapi } from "../../src/wapi/index.js";
import { tempDir } from "../support/temp-dir.js";
import { startWedosHarness } from "../support/wedos-harness.js";

// The fuse across restarts and processes sharing one database. WEDOS's side is counted at the simulator itself.
const LOGIN = "fuse@example.test";
const PASSWORD = "the-right-one-42";
const CLI = join(import.meta.dirname, "..", "..", "build", "lib", "cli.js");

let sim: RunningSimulator | undefined;
const open: Wapi[] = [];
afterEach(async () => {
  for (const wapi of open.splice(0)) await wapi.close();
  await sim?.close();
  sim = undefined;
});

async function setup(clock: Clock) {
  sim = await startSimulator({ login: LOGIN, password: PASSWORD, clock });
  const dir = tempDir();
  const configFile = join(dir, "config.json");
  writeFileSync(configFile, "{}");
  const env = (password: string) => ({
    WEDOS_PANEL_CONFIG: configFile,
    WEDOS_PANEL_DATA_DIR: dir,
    WEDOS_WAPI_URL: running.url,
    WEDOS_WAPI_LOGIN: LOGIN,
    WEDOS_WAPI_PASSWORD: password,
  });
  const running = sim;
  /** A process of its own: its own configuration, database connection and WAPI client on the shared file. */
  const startProcess = (password: string) => {
    const config = loadConfig(env(password));
    const db = openDatabase(databaseFileIn(config.dataDir));
    const wapi = createWapi(config, db, clock);
    open.push({ ...wapi, close: async () => (await wapi.close(), db.close()) });
    return wapi;
  };
  const seen = () => {
    const dump = running.simulator.dump();
    return {
      requests: dump.requestLog.length,
      invalid: dump.access["127.0.0.1"]?.invalidCount ?? 0,
      blocked: dump.access["127.0.0.1"]?.blockedUntil ?? null,
    };
  };
  return { env, startProcess, seen };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: unknown) =>
      error instanceof WapiPausedError
        ? "not sent"
        : error instanceof WapiResultError
          ? `rejected ${error.wapiCode}`
          : (error as Error).message,
  );

describe("what the rejected-request fuse counts", () => {
  it("keeps a request that went unanswered until one is accepted, but not an accepted one, one that never left, or an HTTP error", async () => {
    const h = await startWedosHarness({
      simulator: {
        faults: [
          { command: "ping", kind: "drop", count: 1 },
          { command: "credit-info", kind: "http-503", count: 1 },
        ],
      },
    });
    try {
      expect(await outcome(h.wapi.account.ping())).toMatch(/other side closed/);
      expect(await outcome(h.wapi.account.creditInfo())).toMatch(/HTTP 503/);
      expect(h.wapi.fuse.status()).toMatchObject({ rejected: 1, pending: 0 });
      // WEDOS then accepts a request with the same settings: the unanswered one was not a rejection of them.
      expect(await outcome(h.wapi.account.ping())).toBe("accepted");
      expect(h.wapi.fuse.status()).toMatchObject({ rejected: 0, pending: 0 });
      h.sim.simulator.addFault({ command: "ping", kind: "drop", count: 1 });
      expect(await outcome(h.wapi.account.ping())).toMatch(/other side closed/);
      const current = h.wapi.credentials.current();
      h.wapi.credentials.replace({ ...current, url: "http://127.0.0.1:9/wapi/json" });
      expect(await outcome(h.wapi.account.ping())).toMatch(/ECONNREFUSED/);
      expect(h.wapi.fuse.status()).toMatchObject({ rejected: 1, pending: 0, testsLeft: 7 });
    } finally {
      await h.close();
    }
  });
});

describe("the rejected-request fuse across restarts and processes", () => {
  it("survives a restart, and counts a request whose process died before its answer came", async () => {
    const clock = new ManualClock("2026-03-10T13:20:00Z");
    const { startProcess, seen } = await setup(clock);
    // Each start has another wrong password, which ends the pause for wrong credentials, but not the fuse.
    for (let n = 1; n <= 3; n++) expect(await outcome(startProcess(`wrong-${n}`).account.ping())).toBe("rejected 2050");
    const dying = startProcess("wrong-4");
    dying.fuse.reserve("ping", "automatic"); // counted and sent, then the process was killed: no answer is known

    const restarted = startProcess("wrong-5");
    expect(restarted.circuit.status()).toBeUndefined();
    expect(await outcome(restarted.account.ping())).toBe("rejected 2050");
    expect(await outcome(startProcess("wrong-6").account.ping())).toBe("not sent"); // 4 rejected + 1 unknown
    expect(seen()).toEqual({ requests: 4, invalid: 4, blocked: null });
  });

  it("counts a request whose process was killed before its answer as unanswered, until a later one is accepted", async () => {
    // Real time, and sleeps that never end: the simulator's first ping waits out its latency forever, so the request
    // hangs until its process is killed (a manual clock's sleep would end at once and answer it).
    const hanging: Clock = { now: () => Date.now(), sleep: () => new Promise<void>(() => undefined) };
    const { env, startProcess, seen } = await setup(hanging);
    sim?.simulator.addFault({ command: "ping", kind: "latency", latencyMs: 60_000, count: 1 });
    const child = spawn(process.execPath, [CLI, "wapi", "ping"], {
      env: { PATH: process.env.PATH, ...env(PASSWORD) },
      stdio: "ignore",
    });
    const survivor = startProcess(PASSWORD);
    // Counted by the child before it sends, and then met by the simulator's fault: the request is under way.
    const faultLeft = () => sim?.simulator.dump().faults.some((fault) => (fault.remaining ?? 1) > 0) ?? false;
    while (survivor.fuse.status().pending === 0 || faultLeft()) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect(survivor.fuse.status()).toMatchObject({ rejected: 0, pending: 1 });

    // The next request finds its process gone (unanswered, counted), then is accepted, which ends that count.
    expect(await outcome(survivor.account.ping())).toBe("accepted");
    expect(survivor.fuse.status()).toMatchObject({ rejected: 0, pending: 0 });
    expect(seen().invalid).toBe(0);
  }, 60_000);

  it("lets two clients sending at once on one database reach WEDOS with at most five rejected requests", async () => {
    const clock = new ManualClock("2026-03-10T13:20:00Z");
    const { startProcess, seen } = await setup(clock);
    const first = startProcess("wrong-first");
    const second = startProcess("wrong-second");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => outcome((i % 2 === 0 ? first : second).account.ping())),
    );
    expect(results.filter((r) => r === "rejected 2050")).toHaveLength(5);
    expect(results.filter((r) => r === "not sent")).toHaveLength(7);
    expect(seen()).toEqual({ requests: 5, invalid: 5, blocked: null });
    expect(await outcome(first.account.ping())).toBe("not sent");
    expect(first.fuse.status()).toMatchObject({ rejected: 5, pending: 0, tripped: true, testsLeft: 3 });
  });

  it("holds for real processes started at once, each counting before it sends", async () => {
    const clock = new ManualClock(Date.now()); // the processes run on the real clock
    const { env, startProcess, seen } = await setup(clock);
    const run = (password: string) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [CLI, "wapi", "ping"], {
          env: { PATH: process.env.PATH, ...env(password) },
          stdio: "ignore",
        });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => run(`wrong-${i}`)));
    expect(codes).toEqual(Array(8).fill(1));
    const reached = seen();
    expect(reached.invalid).toBeGreaterThan(0);
    expect(reached.invalid).toBeLessThanOrEqual(5);
    expect(reached.blocked).toBeNull();
    // Every request that reached WEDOS was counted in the database before it left.
    expect(startProcess(PASSWORD).fuse.status()).toMatchObject({ rejected: reached.invalid, pending: 0 });
  }, 120_000);
});
