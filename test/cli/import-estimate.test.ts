import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { fixtureTree, seedAccounts } from "../../src/emulators/directadmin/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { openDatabase } from "../../src/store/database.js";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const HOUR_MS = 3_600_000;
const clock = new ManualClock("2026-07-01T10:00:00Z");
let sim: RunningSimulator;
let env: Record<string, string>;
let dataDir: string;

/** Six accounts of one domain each, every zone with ten A records more than DirectAdmin's defaults. */
function world(wapi: Record<string, number>): void {
  const root = tempDir();
  const layout = fixtureTree(join(root, "da"));
  for (const account of seedAccounts(layout, 6, { now: clock.now() }))
    for (const { domain } of account.domains)
      for (let n = 1; n <= 10; n++) appendFileSync(layout.zoneFile(domain), `host${n}\t3600\tIN\tA\t192.0.2.${n}\n`);
  writeFileSync(
    join(root, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir },
      dns: { zoneDir: layout.zoneDir, propagationCheck: false, delegationCheck: false },
      wapi,
    }),
  );
  dataDir = join(root, "data");
  env = {
    WEDOS_PANEL_CONFIG: join(root, "config.json"),
    WEDOS_PANEL_DATA_DIR: dataDir,
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: "demo-pass-123",
  };
}

interface Plan {
  domains: number;
  requestsPerDomain: number;
  measuredDomains: number;
  requests: number;
  requestsPerHour: number;
  estimatedHours: number | null;
  finishesAt: string | null;
  waitsFor: string | null;
}

async function dryRun(...extra: string[]): Promise<Plan> {
  const result = await runCliCaptured(["import", "--dry-run", "--json", ...extra], env, clock);
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as Plan;
}

beforeEach(async () => {
  clock.set(Date.parse("2026-07-01T10:00:00Z"));
  sim = await startSimulator({ login: "demo@example.test", password: "demo-pass-123", clock, rateLimit: 100_000 });
});
afterEach(async () => {
  await sim.close();
});

describe("the import's estimate", () => {
  it("uses the cost per domain measured in the call log once five domains are done", async () => {
    world({});
    const before = await dryRun("--user", "user00006");
    expect(before).toMatchObject({ requestsPerDomain: 13, measuredDomains: 0 });
    for (let n = 1; n <= 5; n++)
      expect((await runCliCaptured(["import", "--user", `user0000${n}`], env, clock)).status).toBe(0);
    // What WEDOS received for the five domains (the one listing of all zones a process makes is no domain's).
    const sent = sim.simulator.dump().requestLog.filter((request) => request.command !== "dns-domains-list").length;
    expect(sent / 5).toBeGreaterThan(20);
    const after = await dryRun("--user", "user00006");
    expect(after).toMatchObject({ domains: 1, requestsPerDomain: sent / 5, measuredDomains: 5, requests: sent / 5 });
    const words = await runCliCaptured(["import", "--dry-run", "--user", "user00006"], env, clock);
    expect(words.stdout).toContain(
      `About ${sent / 5} WAPI requests (${sent / 5} per domain, measured over the last 5 provisioned here)`,
    );
  });

  it("counts what is left of this hour and the background lane's share of the next ones", async () => {
    // 100 an hour, 10 kept for interactive actions and 10 for new accounts: background work gets 80.
    world({ hourlyLimit: 100, interactiveReserve: 10, lifecycleReserve: 10 });
    expect((await dryRun()).requestsPerHour).toBe(80);
    const db = openDatabase(join(dataDir, "wedos-panel.sqlite"));
    const budget = new WapiBudgetStore(db);
    for (let n = 0; n < 50; n++) budget.tryTake(clock.now() - (clock.now() % HOUR_MS), 1000);
    db.close();
    // 6 domains × 13 = 78 requests: 30 left this hour, 48 in the next (from 11:00), a request every 300 ms.
    const plan = await dryRun();
    expect(plan).toMatchObject({ requests: 78, estimatedHours: 1, finishesAt: "2026-07-01T11:00:14.400Z" });
    clock.set(Date.parse("2026-07-01T11:30:00Z"));
    // A new hour: 78 requests at once.
    expect(await dryRun()).toMatchObject({ finishesAt: "2026-07-01T11:30:23.400Z" });
  });

  it("promises no time while an administrator must fix what paused sending", async () => {
    world({});
    env.WEDOS_WAPI_PASSWORD = "wrong-password-1";
    const failed = await runCliCaptured(["import", "--user", "user00001"], env, clock);
    expect(failed.stderr).toContain("Paused:");
    const plan = await dryRun();
    expect(plan.finishesAt).toBeNull();
    expect(plan.estimatedHours).toBeNull();
    expect(plan.waitsFor).toMatch(/2050|password|credentials/i);
    const words = await runCliCaptured(["import", "--dry-run"], env, clock);
    expect(words.stdout).toContain("nothing is sent until an administrator fixes what paused sending");
  });
});
