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
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { tempDir } from "../support/temp-dir.js";

const LOGIN = "stop@example.test";
const PASSWORD = "stop-test-pass-1";
const HOUR_MS = 3_600_000;
const USERS = 3;

let sim: RunningSimulator | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await sim?.close();
});

/** `wedos-panel serve` in a process of its own (the compiled command), with what it writes to stderr. */
function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, "build", "lib", "cli.js"), "serve"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  const run = {
    child,
    stderr: "",
    exited: new Promise<{ code: number | null; at: number }>((resolve) =>
      child.once("exit", (code) => resolve({ code, at: performance.now() })),
    ),
  };
  child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

/** Polls (real time: the daemon is another process on the system clock) until `done` holds, or fails saying `what`. */
async function until(what: string, done: () => boolean, logs: () => string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not happen within ${ms / 1000} s; the daemon said:\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("serve stopped while its queue waits for an exhausted WAPI budget", () => {
  it(
    "exits within 5 s of SIGTERM giving the job back, and after a SIGKILL starts again quietly and provisions each domain once",
    { timeout: 90_000 },
    async () => {
      sim = await startSimulator({
        login: LOGIN,
        password: PASSWORD,
        rateLimit: 100_000,
        wgpActivationDelaySeconds: 0,
      });
      const root = tempDir();
      const layout = fixtureTree(join(root, "da"));
      const dataDir = join(root, "data");
      const configFile = join(root, "config.json");
      const writeConfig = (hourlyLimit: number) =>
        writeFileSync(
          configFile,
          JSON.stringify({
            directadmin: { root: layout.root, virtualDir: layout.virtualDir },
            dns: { zoneDir: layout.zoneDir, propagationCheck: false, delegationCheck: false },
            wapi: { hourlyLimit, interactiveReserve: 0 },
            daemon: { listen: join(root, "daemon.sock") },
          }),
        );
      writeConfig(5);
      const env = {
        PATH: process.env.PATH ?? "",
        WEDOS_PANEL_CONFIG: configFile,
        WEDOS_PANEL_DATA_DIR: dataDir,
        WEDOS_WAPI_URL: sim.url,
        WEDOS_WAPI_LOGIN: LOGIN,
        WEDOS_WAPI_PASSWORD: PASSWORD,
      };
      const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir } });
      const users = Array.from({ length: USERS }, (_, i) => ({
        username: `s${i + 1}`,
        domain: `stop${i + 1}.test`,
        package: "default",
        ip: `192.0.2.${i + 1}`,
        email: `s${i + 1}@example.test`,
        creator: "admin",
      }));
      for (const user of users) await da.createUser({ ...user, password: "Secret-Password-1" });

      const db = openDatabase(databaseFileIn(dataDir));
      const jobs = new JobStore(db);
      const inventory = new InventoryStore(db);
      // This hour's and the next hour's five requests are used up: every job that reaches WEDOS waits for the budget.
      const budget = new WapiBudgetStore(db);
      const thisHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
      for (const hour of [thisHour, thisHour + HOUR_MS]) while (budget.tryTake(hour, 5) !== undefined);
      const running = () => jobs.list({ states: ["running"], limit: 10 });

      // 1. SIGTERM while a job waits for the budget.
      const first = serve(env);
      await until(
        "a job waiting for the budget",
        () => running().length === 1,
        () => first.stderr,
      );
      const held = running()[0];
      const signalled = performance.now();
      first.child.kill("SIGTERM");
      const { code, at } = await first.exited;
      expect(at - signalled, first.stderr).toBeLessThan(5_000);
      expect(code, first.stderr).toBe(0);
      expect(first.stderr).not.toMatch(/UNIQUE|spool:|worker stopped|took more than/);
      expect(jobs.get(held?.id ?? -1)).toMatchObject({ state: "queued", attempts: 0, lockedBy: null });

      // 2. SIGKILL while a job waits, after the same work was queued again (a restore replays the creation hooks).
      const second = serve(env);
      await until(
        "a job waiting for the budget",
        () => running().length === 1,
        () => second.stderr,
      );
      const domain = (JSON.parse(running()[0]?.payload ?? "{}") as { domain?: string }).domain ?? "";
      const user = users.find((candidate) => candidate.domain === domain);
      expect(user, `the running job is for ${domain}`).toBeDefined();
      const queuedAgain = () =>
        jobs.list({ states: ["queued"], limit: 50 }).some((job) => job.jobKey === running()[0]?.jobKey);
      await da.restoreUser({ ...(user as (typeof users)[number]), domains: [{ domain }] });
      await until("the same work queued again", queuedAgain, () => second.stderr);
      second.child.kill("SIGKILL");
      await second.exited;

      // 3. The next start, with budget to spare: quiet, and every domain's zone made exactly once.
      writeConfig(1000);
      const third = serve(env);
      const allActive = () =>
        users.every((u) => inventory.domain(u.domain)?.dnsStatus === "active") &&
        jobs.countsByState().queued + jobs.countsByState().running === 0;
      await until("every domain provisioned", allActive, () => third.stderr, 30_000);
      third.child.kill("SIGTERM");
      expect((await third.exited).code, third.stderr).toBe(0);
      const lines = third.stderr.split("\n").filter((line) => line !== "");
      expect(
        lines.filter((line) => /UNIQUE|spool:|error|failed|worker stopped|took more than/i.test(line)),
        third.stderr,
      ).toEqual([]);
      expect(third.stderr).toContain("queue: took back 1 job(s) from a worker that died");
      const zoneAdds = sim.simulator
        .dump()
        .requestLog.filter((entry) => entry.command === "dns-domain-add" && entry.code === 1000)
        .map((entry) => entry.command);
      expect(zoneAdds).toHaveLength(USERS);
      expect(jobs.countsByState().dead).toBe(0);
      db.close();
    },
  );
});
