import { readFileSync, writeFileSync } from "node:fs";
import { reason } from "../../src/model/reason.js";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { availableCommands } from "../../src/cli/registry.js";
import { SqliteJobQueue } from "../../src/provisioning/sqlite-job-queue.js";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { WapiCircuitStore } from "../../src/store/wapi-circuit-store.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");
let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function envFor(password: string): Promise<Record<string, string>> {
  sim = await startSimulator({ login: "demo@example.test", password: "demo-pass-123", clock });
  const dir = tempDir();
  const configFile = join(dir, "config.json");
  writeFileSync(configFile, "{}");
  return {
    WEDOS_PANEL_CONFIG: configFile,
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: password,
    WEDOS_PANEL_DATA_DIR: join(dir, "data"),
  };
}

/** A job that met the pause, put off by the worker until the pause's planned end; its due time, read later. */
async function jobPutOffByThePause(env: Record<string, string>) {
  const db = openDatabase(databaseFileIn(env.WEDOS_PANEL_DATA_DIR ?? ""));
  const queue = new SqliteJobQueue(db, clock);
  const id = queue.enqueue(syncZone, { domain: "example.test" });
  await queue.claim("worker-test", 60_000);
  const plannedEnd = new WapiCircuitStore(db).read()?.retryAt ?? 0;
  expect(plannedEnd).toBeGreaterThan(clock.now());
  await queue.requeue(
    id,
    "worker-test",
    plannedEnd,
    reason("sending-paused", "requests to WEDOS are paused"),
    "paused",
  );
  return {
    dueAt: () => queue.get(id)?.runAt,
    close: () => db.close(),
  };
}

describe("wedos-panel", () => {
  it("lists every command and answers --help on each", async () => {
    const overview = await runCliCaptured(["--help"], {}, clock);
    expect(overview.status).toBe(0);
    for (const command of await availableCommands()) {
      expect(overview.stdout).toContain(`  ${command.name}`);
      const help = await runCliCaptured([command.name, "--help"], {}, clock);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`Usage: wedos-panel ${command.name}`);
    }
  });

  it("runs a server's own command without loading the development commands (they would stay in the daemon's memory)", async () => {
    expect((await availableCommands("serve")).map((command) => command.name)).not.toContain("demo");
    expect((await availableCommands("demo")).map((command) => command.name)).toContain("demo");
  });

  it("rejects an unknown command and bad options with status 2 and a pointer to --help", async () => {
    expect(await runCliCaptured(["frobnicate"], {}, clock)).toMatchObject({
      status: 2,
      stderr: 'wedos-panel: unknown command "frobnicate"; run "wedos-panel --help" for the list\n',
    });
    const bad = await runCliCaptured(["wapi", "ping", "--data", "{oops"], {}, clock);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^wedos-panel wapi: --data is not valid JSON \(.+\); quote it like --data '\{"name":"example.com"\}'; see "wedos-panel wapi --help"\n$/,
    );
  });

  it("wapi adds a zone and lists it (the README walk-through)", async () => {
    const env = await envFor("demo-pass-123");
    const added = await runCliCaptured(["wapi", "dns-domain-add", "--data", '{"name":"example.test"}'], env, clock);
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ code: 1000, command: "dns-domain-add" });
    const listed = await runCliCaptured(["wapi", "dns-domains-list"], env, clock);
    expect(JSON.stringify(JSON.parse(listed.stdout).data)).toContain('"name":"example.test"');
  });

  it("doctor reports all green against the simulator", async () => {
    const env = await envFor("demo-pass-123");
    const result = await runCliCaptured(["doctor", "--json"], env, clock);
    const checks = JSON.parse(result.stdout) as Array<{ check: string; status: string }>;
    expect(result.status).toBe(0);
    expect(checks.map((c) => c.check)).toEqual([
      "configuration",
      "page identity",
      "hard links",
      "CageFS",
      "hooks' data dir",
      "pre hooks",
      "disk space",
      "panel messages",
      "credentials",
      "data directory",
      "time zone data",
      "database driver",
      "database",
      "request budget",
      "billing prices",
      "creator levels",
      "renewals",
      "adoptions",
      "job queue",
      "offers",
      "WEDOS credit",
      "reachability",
      "clock",
      "WEDOS login",
      "IP allow-list",
    ]);
    // fs.protected_hardlinks is this machine's kernel setting: doctor warns where it is off, and nothing else.
    const hardlinks = readFileSync("/proc/sys/fs/protected_hardlinks", "utf8").trim() === "0" ? "warn" : "ok";
    // No DirectAdmin here: notices cannot reach its Message System, which doctor warns about and nothing else.
    const expected = (check: string) =>
      check === "hard links" ? hardlinks : check === "panel messages" ? "warn" : "ok";
    expect(checks.map((c) => c.status === expected(c.check))).not.toContain(false);
  });

  it("doctor with a wrong password says exactly that, and WEDOS counts a single invalid request", async () => {
    const env = await envFor("not-the-password");
    const result = await runCliCaptured(["doctor"], env, clock);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "✗ WEDOS login      WEDOS rejected the login or the WAPI password (code 2050) while the clocks agree, so the password or login is wrong",
    );
    await runCliCaptured(["doctor"], env, clock); // a second run must not send again
    expect(sim?.simulator.dump().access["127.0.0.1"]?.invalidCount).toBe(1);
    expect(result.stdout).not.toContain("not-the-password");
  });

  it("wapi-resume shows why requests are paused and resumes them", async () => {
    const env = await envFor("not-the-password");
    await runCliCaptured(["wapi", "ping"], env, clock);
    const status = await runCliCaptured(["wapi-resume", "--status", "--json"], env, clock);
    expect(JSON.parse(status.stdout)).toMatchObject({ paused: true, reason: "credentials" });
    const resumed = await runCliCaptured(["wapi-resume"], env, clock);
    expect(resumed.stdout).toMatch(/^Resumed\. Requests had been paused: WEDOS rejected the credentials/);
    expect((await runCliCaptured(["wapi-resume", "--status"], env, clock)).stdout).toBe(
      "Requests to WEDOS are not paused.\n1 of the 5 rejected requests the fuse allows were used in the last hour; Test connection has 7 tries left this hour.\n",
    );
  });

  it("wapi-resume makes the jobs the pause put off due at once, as Resume on the pages does", async () => {
    const env = await envFor("not-the-password");
    await runCliCaptured(["wapi", "ping"], env, clock);
    const job = await jobPutOffByThePause(env);
    try {
      expect((await runCliCaptured(["wapi-resume", "--status"], env, clock)).stdout).toContain("are paused");
      expect(job.dueAt()).toBeGreaterThan(clock.now());
      expect((await runCliCaptured(["wapi-resume"], env, clock)).stdout).toMatch(/^Resumed\./);
      expect(job.dueAt()).toBe(clock.now());
    } finally {
      job.close();
    }
  });

  it("a command run with a changed password ends the pause it fixes, and the jobs it put off are due at once", async () => {
    const env = await envFor("not-the-password");
    await runCliCaptured(["wapi", "ping"], env, clock);
    const job = await jobPutOffByThePause(env);
    try {
      const fixed = { ...env, WEDOS_WAPI_PASSWORD: "demo-pass-123" };
      const test = await runCliCaptured(["wapi-resume", "--test-connection"], fixed, clock);
      expect(test.stdout).toContain("Test connection: WEDOS accepted the login");
      expect(job.dueAt()).toBe(clock.now());
    } finally {
      job.close();
    }
  });
});
