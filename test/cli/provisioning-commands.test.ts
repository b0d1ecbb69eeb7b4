import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { fixtureTree, seedAccounts } from "../../src/emulators/directadmin/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { openConfiguredDatabase } from "../../src/store/database.js";
import { ProtectionPlanStore } from "../../src/store/protection-plan-store.js";
import { ProtectionStore } from "../../src/store/protection-store.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");
let sim: RunningSimulator;
let env: Record<string, string>;

beforeEach(async () => {
  sim = await startSimulator({ login: "demo@example.test", password: "demo-pass-123", clock, rateLimit: 100_000 });
  const root = tempDir();
  const layout = fixtureTree(join(root, "da"));
  seedAccounts(layout, 3, { domainsPerAccount: 2, now: clock.now() });
  writeFileSync(
    join(root, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir },
      dns: { zoneDir: layout.zoneDir, propagationCheck: false },
    }),
  );
  env = {
    WEDOS_PANEL_CONFIG: join(root, "config.json"),
    WEDOS_PANEL_DATA_DIR: join(root, "data"),
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: "demo-pass-123",
  };
});
afterEach(async () => {
  await sim.close();
});

describe("wedos-panel import, status and jobs", () => {
  it("--dry-run lists what would be queued and sends nothing", async () => {
    const result = await runCliCaptured(["import", "--dry-run", "--json"], env, clock);
    expect(JSON.parse(result.stdout)).toMatchObject({ accounts: 3, domains: 6, dryRun: true });
    expect(sim.simulator.dump().requestLog).toEqual([]);
  });

  it("imports every account's domains, then status shows them active and the queue empty", async () => {
    const imported = await runCliCaptured(["import"], env, clock);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe(
      "Imported 6 domain(s); 0 job(s) still queued, 0 failed (see wedos-panel jobs --failed).\n",
    );
    expect(imported.stderr).toContain("[##############################] 6/6");
    expect(sim.simulator.dump().zones).toHaveLength(6);
    const status = JSON.parse((await runCliCaptured(["status", "--json"], env, clock)).stdout) as {
      domains: Array<{ dnsStatus: string }>;
      jobs: Record<string, number>;
    };
    expect(status.domains.map((domain) => domain.dnsStatus)).toEqual(Array(6).fill("active"));
    expect(status.jobs).toMatchObject({ queued: 0, dead: 0 });
    expect((await runCliCaptured(["jobs"], env, clock)).stdout).toBe("0 queued, 0 running, 0 dead, 6 done\n");
  });

  it("--user imports only that account, and status names an unknown domain", async () => {
    await runCliCaptured(["import", "--user", "user00002"], env, clock);
    expect(
      sim.simulator
        .dump()
        .zones.map((zone) => zone.name)
        .sort(),
    ).toEqual(["acct00002-2.test", "acct00002.test"]);
    const unknown = await runCliCaptured(["status", "nowhere.test"], env, clock);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      "wedos-panel status: nowhere.test is not known to the plugin (no hook or import has mentioned it)\n",
    );
  });

  it("status says when a service lapsed under its offer, not just that it was removed", async () => {
    await runCliCaptured(["import", "--user", "user00002"], env, clock);
    const db = openConfiguredDatabase(loadConfig(env));
    const service = { variant: "advanced", period: "monthly", mode: "cname", upstreamIps: [] };
    for (const domain of ["acct00002.test", "acct00002-2.test"]) {
      new ProtectionStore(db).recordOrdering({ domain, ...service }, clock.now());
      new ProtectionStore(db).update(domain, { state: "removed", reason: "ended" }, clock.now());
    }
    new ProtectionPlanStore(db).markLapsed("acct00002.test", "2026-06-28", clock.now());
    db.close();
    const lines = (await runCliCaptured(["status"], env, clock)).stdout.split("\n");
    expect(lines.find((line) => line.startsWith("acct00002.test "))).toContain(", protection lapsed on 2026-06-28");
    expect(lines.find((line) => line.startsWith("acct00002-2.test "))).toContain(", protection removed");
    const json = JSON.parse((await runCliCaptured(["status", "--json"], env, clock)).stdout) as {
      domains: Array<{ domain: string; protection: { lapsedOn: string | null } | null }>;
    };
    expect(json.domains.map((domain) => [domain.domain, domain.protection?.lapsedOn])).toEqual([
      ["acct00002-2.test", null],
      ["acct00002.test", "2026-06-28"],
    ]);
  });
});
