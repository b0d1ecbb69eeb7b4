import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import { EmulatedDirectAdmin, fixtureTree, seedAccounts } from "../emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../panel/directadmin/layout.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import { applyPanelEvent } from "../provisioning/lifecycle.js";
import { policySchema } from "../model/policy.js";
import { startSimulator, type RunningSimulator } from "../simulator/index.js";
import { PolicyStore } from "../store/policy-store.js";
import { WapiShareStore } from "../store/wapi-share-store.js";

const HOUR_MS = 3_600_000;
/** Simulated time one WAPI request takes (an assumption: WEDOS's answer times are not published). */
const REQUEST_MS = 100;
/** The customer clicks Sync now and Purge cache this often while the worker is idle: 4 posts a second, as in the report. */
const CLICK_EVERY_MS = 500;
const TARGET_S = 2;

interface FairWorld {
  clock: ManualClock;
  sim: RunningSimulator;
  services: Services;
  da: EmulatedDirectAdmin;
  layout: DirectAdminLayout;
  close(): Promise<void>;
}

/** DirectAdmin (real hooks), the simulator with WEDOS's real limits, and the services, on one manual clock. */
async function fairWorld(): Promise<FairWorld> {
  const root = mkdtempSync(join(tmpdir(), "wedos-panel-bench-fair-"));
  const clock = new ManualClock("2026-03-10T08:00:00Z");
  const sim = await startSimulator({
    login: "bench@example.test",
    password: "bench-pass-123",
    clock,
    listShape: "array",
  });
  const layout = fixtureTree(join(root, "da"));
  const dataDir = join(root, "data");
  writeFileSync(
    join(root, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir },
      dns: { zoneDir: layout.zoneDir, primaryIp: "192.0.2.1", propagationCheck: false, delegationCheck: false },
    }),
  );
  const config = loadConfig({
    WEDOS_PANEL_CONFIG: join(root, "config.json"),
    WEDOS_PANEL_DATA_DIR: dataDir,
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "bench@example.test",
    WEDOS_WAPI_PASSWORD: "bench-pass-123",
  });
  const services = createServices(config, clock, new DirectAdminPanel(layout));
  const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir }, clock });
  new PolicyStore(services.db).save(
    "hostile",
    policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
    clock.now(),
  );
  return {
    clock,
    sim,
    services,
    da,
    layout,
    close: async () => {
      await services.close();
      await sim.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

const newUser = (username: string, pkg: string) => ({
  username,
  domain: `${username}.test`,
  package: pkg,
  ip: "192.0.2.10",
  email: `${username}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});

/** Runs due jobs and moves the clock by what their requests took; returns whether a job ran. */
async function step(world: FairWorld): Promise<boolean> {
  const sent = world.sim.simulator.requestsAnswered();
  const outcome = await world.services.worker.runOnce();
  world.clock.advance((world.sim.simulator.requestsAnswered() - sent) * REQUEST_MS);
  return outcome === "ran";
}

/**
 * One customer clicks Sync now and Purge cache on their protected domain, 4 posts a second, for a simulated hour,
 * while `accounts` accounts with DirectAdmin's default zone are created, evenly spread over the hour, on packages
 * of `dnsMode`. Per new account: simulated time from its hook event (the user-created event the daemon ingests;
 * the hook processes themselves are the hook bench's) to its zone at the simulator. Also the customer's part of
 * the hour's requests, counted at the simulator.
 */
async function fairShareRun(accounts: number, dnsMode: "primary" | "secondary"): Promise<string[]> {
  const world = await fairWorld();
  const { clock, services, sim } = world;
  try {
    const newcomers = seedAccounts(world.layout, accounts, { now: clock.now() });
    const policies = new PolicyStore(services.db);
    for (const pkg of new Set(newcomers.map((account) => account.package ?? "")))
      policies.save(pkg, policySchema.parse({ dnsMode }), clock.now());
    await world.da.createUser(newUser("mallory", "hostile"));
    const hourStart = Date.parse("2026-03-10T09:00:00Z");
    // Set up in the hour before: mallory's zone and an active protection (ordered, then polled).
    while (clock.now() < hourStart && services.tasks.protections.get("mallory.test")?.state !== "active") {
      services.ingest();
      await services.worker.runUntilIdle();
      clock.set(Math.min(hourStart, Math.max(clock.now() + 1, (await services.queue.nextRunAt()) ?? hourStart)));
    }
    clock.set(hourStart);
    const spacing = HOUR_MS / accounts;
    const pending = new Map<string, number>();
    const delays: number[] = [];
    let created = 0;
    // Past the hour only while accounts are still to be created or committed (their zones wait for budget).
    while (
      clock.now() < hourStart + HOUR_MS ||
      ((created < accounts || pending.size > 0) && clock.now() < hourStart + 4 * HOUR_MS)
    ) {
      const next = newcomers[created];
      if (next !== undefined && clock.now() >= hourStart + created * spacing) {
        const domain = next.domains[0]?.domain ?? "";
        pending.set(domain, clock.now());
        applyPanelEvent(
          {
            kind: "user-created",
            username: next.username,
            domain,
            package: next.package,
            ips: next.ips,
            creator: next.creator,
            restore: false,
          },
          services.lifecycle,
        );
        created += 1;
      }
      services.actions.request("syncZone", "mallory.test", true);
      services.actions.request("purgeCache", "mallory.test", true);
      if (await step(world)) {
        if (pending.size > 0) {
          const atWedos = new Set(
            [...sim.simulator.publishedZones()]
              .filter((zone) => dnsMode === "secondary" || zone.rows.length > 0)
              .map((zone) => zone.name),
          );
          for (const [domain, since] of pending)
            if (atWedos.has(domain)) {
              delays.push(clock.now() - since);
              pending.delete(domain);
            }
        }
      } else clock.advance(CLICK_EVERY_MS);
    }
    const total = sim.simulator.dump().requestCounts["bench@example.test"]?.["2026-03-10T09"] ?? 0;
    const customer = new WapiShareStore(services.db).used(hourStart, { account: "mallory", reseller: null }).account;
    delays.sort((a, b) => a - b);
    const seconds = (ms: number | undefined) => (ms === undefined ? "—" : (ms / 1000).toFixed(2));
    const worst = pending.size > 0 ? `${pending.size} not committed after 4 h` : seconds(delays.at(-1));
    return [
      `${accounts} new accounts, ${dnsMode} DNS`,
      worst,
      seconds(delays[Math.ceil(delays.length * 0.95) - 1]),
      String(TARGET_S),
      `${customer} of ${total} (${((customer / Math.max(1, total)) * 100).toFixed(1)} %)`,
    ];
  } finally {
    await world.close();
  }
}

/**
 * The fairness bench: 200 new accounts in secondary mode (one request each), as many primary zones as one hour's
 * budget holds (DirectAdmin's default zone costs 13 requests), and 200 primary zones, which need 2.6 hours' budget.
 */
export async function benchFairShares(): Promise<string[][]> {
  return [await fairShareRun(200, "secondary"), await fairShareRun(60, "primary"), await fairShareRun(200, "primary")];
}
