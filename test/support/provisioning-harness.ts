import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { createServices, type Services } from "../../src/main.js";
import { EmulatedDirectAdmin, fixtureTree } from "../../src/emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../../src/panel/directadmin/layout.js";
import { DirectAdminPanel } from "../../src/panel/directadmin/reader.js";
import type { Panel } from "../../src/panel/panel.js";
import { startPanelReader, type PanelReaderServer } from "../../src/panel/remote/reader-server.js";
import { RemotePanel } from "../../src/panel/remote/remote-panel.js";
import { RECONCILE_REPORT_KEY, type ReconcileReport } from "../../src/provisioning/tasks/reconcile.js";
import { DaemonStateStore } from "../../src/store/daemon-state-store.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import type { SimulatorOptions } from "../../src/simulator/options.js";
import { tempDir } from "./temp-dir.js";
import { reconcile as reconcileTask } from "../../src/provisioning/tasks/reconcile.js";

export const LOGIN = "reseller@example.test";
export const PASSWORD = "provisioning-pass-1";

/** A DirectAdmin account with one domain, as an admin creates it in the panel. */
export const newUser = (username: string, domain: string, pkg = "default") => ({
  username,
  domain,
  package: pkg,
  ip: "192.0.2.10",
  email: `${username}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});

/**
 * The whole path on one machine: an emulated DirectAdmin whose actions run the real hook scripts, the spool they
 * write, the daemon's services (ingest + worker) in-process, and the WEDOS simulator on 127.0.0.1 — all on one
 * manual clock. `settle()` does what the daemon's loop does until nothing is due.
 */
export interface ProvisioningHarness {
  clock: ManualClock;
  sim: RunningSimulator;
  da: EmulatedDirectAdmin;
  layout: DirectAdminLayout;
  services: Services;
  dataDir: string;
  /** Ingests the spool and runs every due job; returns the worker's last outcome. */
  settle(): Promise<string>;
  /** Moves the clock on and settles, repeatedly, until no job is queued (or `maxMs` of clock time passed). */
  settleAll(maxMs?: number): Promise<void>;
  /** Queues the reconciler, settles, and returns the report it kept. */
  reconcile(): Promise<ReconcileReport | undefined>;
  /** The zone as published at the simulator (rows after commit), or undefined. */
  published(domain: string): Array<{ name: string; type: string; ttl: number; rdata: string }> | undefined;
  /** Commands the simulator received, e.g. to count dns-domain-add per zone. */
  commands(): Array<{ command: string | null; code: number | null }>;
  /** With `panelReader`: the reader the daemon asks, to stop and start again as systemd would restart it. */
  reader: { stop(): Promise<void>; start(): Promise<void> } | undefined;
  close(): Promise<void>;
}

export async function startProvisioningHarness(options: HarnessOptions = {}): Promise<ProvisioningHarness> {
  let layout: DirectAdminLayout | undefined;
  const core = await startWedosCore(options, (root) => {
    layout = fixtureTree(join(root, "da"));
    return {
      panel: new DirectAdminPanel(layout),
      config: {
        directadmin: { root: layout.root, virtualDir: layout.virtualDir },
        dns: { zoneDir: layout.zoneDir, propagationCheck: false },
      },
    };
  });
  const da = new EmulatedDirectAdmin({
    layout: layout as DirectAdminLayout,
    hookEnv: { WEDOS_PANEL_DATA_DIR: core.dataDir },
    clock: core.clock,
  });
  return { ...core, da, layout: layout as DirectAdminLayout };
}

export interface HarnessOptions {
  simulator?: Partial<SimulatorOptions>;
  password?: string;
  config?: Record<string, unknown>;
  /**
   * The daemon reads the panel as on an installed server: through the panel reader (the real one, in this process,
   * over a real socket) and a RemotePanel, instead of from the files itself.
   */
  panelReader?: boolean;
}

/** Everything of a harness but the panel: the simulator, the services on a manual clock, settling, and what WEDOS holds. */
export type WedosCore = Omit<ProvisioningHarness, "da" | "layout">;

/**
 * The WEDOS simulator and the daemon's services around a panel: `makePanel` lays out the panel's tree under the
 * harness's temp directory and says which settings point at it. Shared by the DirectAdmin and cPanel harnesses.
 */
export async function startWedosCore(
  options: HarnessOptions,
  makePanel: (root: string) => { panel: Panel; config: Record<string, unknown> },
): Promise<WedosCore> {
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const sim = await startSimulator({
    login: LOGIN,
    password: PASSWORD,
    clock,
    listShape: "rotate",
    wgpActivationDelaySeconds: 60,
    ...options.simulator,
  });
  const root = tempDir();
  const { panel: filePanel, config: panelConfig } = makePanel(root);
  const reader = options.panelReader === true ? await readerInFront(filePanel, join(root, "reader.sock")) : undefined;
  const panel = reader?.panel ?? filePanel;
  const dataDir = join(root, "data");
  const configFile = join(root, "config.json");
  writeFileSync(configFile, JSON.stringify({ ...panelConfig, ...options.config }));
  const config = loadConfig({
    WEDOS_PANEL_CONFIG: configFile,
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: LOGIN,
    WEDOS_WAPI_PASSWORD: options.password ?? PASSWORD,
    WEDOS_PANEL_DATA_DIR: dataDir,
  });
  const services = createServices(config, clock, panel);

  const settle = async () => {
    services.ingest();
    return services.worker.runUntilIdle(10_000);
  };
  return {
    clock,
    sim,
    services,
    dataDir,
    settle,
    settleAll: async (maxMs = 30 * 86_400_000) => {
      const until = clock.now() + maxMs;
      for (;;) {
        const outcome = await settle();
        const next = outcome === "paused" ? services.wapi.circuit.status()?.retryAt : await services.queue.nextRunAt();
        if (next === undefined || next > until) return;
        clock.set(Math.max(next, clock.now() + 1));
      }
    },
    reconcile: async () => {
      services.queue.enqueue(reconcileTask, {});
      await settle();
      return new DaemonStateStore(services.db).get<ReconcileReport>(RECONCILE_REPORT_KEY)?.value;
    },
    published: (domain) =>
      [...sim.simulator.publishedZones()]
        .find((zone) => zone.name === domain)
        ?.rows.map(({ name, type, ttl, rdata }) => ({ name, type, ttl, rdata })),
    commands: () => sim.simulator.dump().requestLog.map(({ command, code }) => ({ command, code })),
    reader,
    close: async () => {
      await services.close();
      await reader?.stop();
      await sim.close();
    },
  };
}

/** The panel reader over the panel's files on `socket`, and the RemotePanel the daemon asks it through. */
async function readerInFront(
  files: Panel,
  socket: string,
): Promise<{ panel: Panel; stop(): Promise<void>; start(): Promise<void> }> {
  let server: PanelReaderServer | undefined;
  const start = async () => {
    server ??= await startPanelReader(files, { path: socket }, () => undefined);
  };
  await start();
  return {
    panel: new RemotePanel(files.kind, { socket }),
    start,
    stop: async () => {
      await server?.close();
      server = undefined;
    },
  };
}
