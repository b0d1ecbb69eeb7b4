import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ManualClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import { EmulatedDirectAdmin, fixtureTree, seedAccounts } from "../emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../panel/directadmin/layout.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import { startDaemon } from "../provisioning/daemon.js";
import { provisionDomain } from "../provisioning/tasks/zone-tasks.js";
import { startSimulator, type RunningSimulator } from "../simulator/index.js";

const HOUR_MS = 3_600_000;

export interface ImportWorld {
  clock: ManualClock;
  sim: RunningSimulator;
  services: Services;
  layout: DirectAdminLayout;
  dataDir: string;
  close(): Promise<void>;
}

/** A seeded DirectAdmin of `domains` domains, the simulator (limits scaled up), and the services on a manual clock. */
export async function importWorld(domains: number): Promise<ImportWorld> {
  const root = mkdtempSync(join(tmpdir(), "wedos-panel-bench-import-"));
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const sim = await startSimulator({
    login: "bench@example.test",
    password: "bench-pass-123",
    clock,
    rateLimit: 1_000_000,
    domainLimit: 1_000_000,
    listShape: "array",
  });
  const layout = fixtureTree(join(root, "da"));
  seedAccounts(layout, domains, { now: clock.now() });
  const dataDir = join(root, "data");
  writeFileSync(
    join(root, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir },
      dns: { zoneDir: layout.zoneDir, propagationCheck: false, delegationCheck: false },
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
  const accounts = await services.panel.listAccounts();
  const now = clock.now();
  for (const account of accounts) {
    services.tasks.inventory.rememberAccount(account, now);
    for (const domain of account.domains) {
      services.tasks.inventory.rememberDomain(account, domain, now);
      services.queue.enqueue(provisionDomain, { domain: domain.domain }, { lane: "background" });
    }
  }
  return {
    clock,
    sim,
    services,
    layout,
    dataDir,
    close: async () => {
      await services.close();
      await sim.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A new account created through the real hooks while a 10,000-domain import is being worked through: the wall
 * time until its zone is committed at the simulator. The lifecycle lane goes before the import's background lane.
 */
export async function benchNewAccountDuringImport(): Promise<string[][]> {
  const world = await importWorld(10_000);
  const daemon = startDaemon(world.services, () => {});
  try {
    while (world.services.queue.countsByState().done < 50) await new Promise((resolve) => setTimeout(resolve, 20));
    const da = new EmulatedDirectAdmin({
      layout: world.layout,
      hookEnv: { WEDOS_PANEL_DATA_DIR: world.dataDir },
      clock: world.clock,
    });
    const started = performance.now();
    await da.createUser({
      username: "newcomer",
      domain: "newcomer.test",
      package: "default",
      ip: "192.0.2.250",
      email: "n@example.test",
      creator: "admin",
      password: "Secret-Password-1",
    });
    const committed = () =>
      [...world.sim.simulator.publishedZones()].some((zone) => zone.name === "newcomer.test" && zone.rows.length > 0);
    while (!committed()) await new Promise((resolve) => setTimeout(resolve, 5));
    const seconds = (performance.now() - started) / 1000;
    const done = world.services.queue.countsByState().done;
    return [
      [
        "new account → zone committed, during a 10,000-domain import",
        seconds.toFixed(2),
        "10",
        `${done} import jobs done meanwhile`,
      ],
    ];
  } finally {
    await daemon.stop();
    await world.close();
  }
}

/** The share of the background budget (limit − interactive reserve) the import uses in each full hour. */
export async function benchImportBudgetShare(hours = 3): Promise<string[][]> {
  const world = await importWorld(2_000);
  try {
    const { budget } = world.services.wapi;
    const firstHour = Math.floor(world.clock.now() / HOUR_MS) * HOUR_MS;
    // The manual clock jumps to the next hour whenever the budget is used up, so hours pass as fast as work allows.
    while (world.clock.now() < firstHour + hours * HOUR_MS) await world.services.worker.runOnce();
    const status = budget.status();
    const cap = status.limit - status.reserve;
    const rows: string[][] = [];
    for (let hour = 0; hour < hours; hour++) {
      const at = firstHour + hour * HOUR_MS;
      world.clock.set(at);
      const used = budget.status().used;
      rows.push([
        new Date(at).toISOString().slice(11, 16) + " UTC",
        String(used),
        String(cap),
        `${((used / cap) * 100).toFixed(1)} %`,
      ]);
    }
    return rows;
  } finally {
    await world.close();
  }
}
