import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import type { Clock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import { EmulatedDirectAdmin, fixtureTree, treeLayout } from "../emulators/directadmin/index.js";
import { PasswordBook, startDirectAdminFront, type RunningFront } from "../emulators/directadmin/front/index.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import { startServing } from "../serving.js";
import { startDnsServer, type DnsServer } from "../simulator/dns/index.js";
import { startSimulator, type RunningSimulator } from "../simulator/index.js";
import { startWebServer } from "../web/server.js";
import { seedDemoOffers } from "./offers.js";
import type { DemoPaths } from "./paths.js";
import { historyCharges, seedBillingHistory } from "./billing-history.js";
import { orderProviderTemplate, seedBusinessCatalogue } from "./business.js";
import { finishDemoBusiness, seedDemoLimit } from "./business-finish.js";
import { offerDemoPackages, readDemoLogins, seedDemo, writePrivate, type DemoLogin } from "./seed.js";

/** The simulated WEDOS account (the README's demo account). */
export const DEMO_WAPI = { login: "demo@example.test", password: "demo-pass-123" } as const;

/** How often the running demo looks whether WEDOS activated what the first start ordered (business-finish.ts). */
const FINISH_EVERY_MS = 5_000;

/** The longest Unix socket path Linux accepts (sun_path is 108 bytes with the NUL). */
const MAX_SOCKET_PATH = 107;

export interface DemoStackOptions {
  paths: DemoPaths;
  clock: Clock;
  /** 0 picks a free port (tests). */
  ports: { front: number; wapi: number; dns: number };
  /**
   * true: the daemon loop runs (spool watch, worker on `clock`, reconciler), as `wedos-panel serve`.
   * false: only the pages' listener; the caller drives ingest and the worker (tests on a manual clock).
   */
  runDaemon: boolean;
  /** Seconds before the simulator activates a protection order (default 20, so the demo shows it soon). */
  protectionDelaySeconds?: number;
  /** When the reconciler runs (daemon.reconcileCron; default the configuration's). Tests that set a scene keep it off. */
  reconcileCron?: string;
  /**
   * Give the first start a small reselling business: more packages with their offers and policies, the provider's
   * template service at WEDOS, customers with their billing history and a spending limit (src/demo/business.ts,
   * billing-history.ts, business-finish.ts); default none.
   */
  billingHistory?: boolean;
  log: (line: string) => void;
}

/** Everything the demo runs, started. */
export interface DemoStack {
  paths: DemoPaths;
  /** The seeded admin and reseller with their passwords. */
  logins: DemoLogin[];
  front: RunningFront;
  sim: RunningSimulator;
  dns: DnsServer;
  da: EmulatedDirectAdmin;
  /** The front's login passwords (tests add accounts made through `da` to it). */
  passwords: PasswordBook;
  services: Services;
  /** Where the daemon serves the pages (socket path or host:port). */
  webAddress: string;
  /** Stops everything, the front first so no action starts while the daemon stops. */
  close(): Promise<void>;
}

/** The generated configuration: the simulator, the emulated tree, the front as DirectAdmin's API, the socket. */
function writeConfig(
  paths: DemoPaths,
  values: {
    wapiUrl: string;
    dnsPort: number;
    layout: EmulatedDirectAdmin["layout"];
    apiUrl: string;
    listen: string;
    reconcileCron: string | undefined;
  },
): void {
  const config = {
    dataDir: paths.dataDir,
    wapi: { url: values.wapiUrl, login: DEMO_WAPI.login, passwordFile: paths.wapiPassword },
    // The simulator answers DNS for committed zones: `wedos-panel sync` checks propagation there. The demo's
    // domains exist nowhere else, so the delegation check asks it too (it answers with WEDOS's name servers, as
    // the Internet does once a customer delegated to WEDOS) instead of sending .test names to the system's resolvers.
    dns: {
      zoneDir: values.layout.zoneDir,
      nameServers: [`127.0.0.1:${values.dnsPort}`],
      delegationResolver: `127.0.0.1:${values.dnsPort}`,
    },
    // Every page runs as the developer's own unix user, so only the session tells visitors apart (ADR 0012).
    directadmin: {
      root: values.layout.root,
      virtualDir: values.layout.virtualDir,
      apiUrl: values.apiUrl,
      identity: "session",
    },
    daemon: {
      listen: values.listen,
      ...(values.reconcileCron === undefined ? {} : { reconcileCron: values.reconcileCron }),
    },
    pages: { proofDir: paths.proofDir },
  };
  // One key a line: the hooks and page scripts read dataDir and daemon.listen line by line.
  writePrivate(paths.config, `${JSON.stringify(config, null, 2)}\n`);
}

/** What the demo's login page says about its logins: they were generated, and where they are kept. */
export function loginNote(paths: DemoPaths): string {
  return `The demo's logins were generated on its first start: npm start prints them each time, and they are kept in ${paths.logins} (readable only by you).`;
}

/**
 * Starts the whole demo on this machine under `paths.root`: the WEDOS simulator (WAPI and DNS, state kept),
 * the emulated DirectAdmin (its tree, seeded on the first start) with its web front, and the plugin's daemon —
 * provisioning and the pages' listener — configured by a generated config.json. The same wiring serves
 * `wedos-panel demo` and the browser tests.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const { paths, clock, log } = options;
  mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  if (!existsSync(paths.marker))
    writeFileSync(paths.marker, "wedos-panel demo data: `wedos-panel demo --reset` deletes this directory.\n");
  writePrivate(paths.wapiPassword, `${DEMO_WAPI.password}\n`);
  const layout = existsSync(paths.directadmin) ? treeLayout(paths.directadmin) : fixtureTree(paths.directadmin);
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer();
  };
  try {
    const sim = await startSimulator({
      ...DEMO_WAPI,
      clock,
      port: options.ports.wapi,
      stateFile: paths.simulatorState,
      wgpActivationDelaySeconds: options.protectionDelaySeconds ?? 20,
    });
    closers.push(() => sim.close());
    const dns = await startDnsServer({
      port: options.ports.dns,
      source: sim.simulator,
      onError: (error) => log(`simulator DNS: ${String(error)}`),
    });
    closers.push(() => dns.close());

    const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_CONFIG: paths.config }, clock });
    const passwords = new PasswordBook(paths.passwordHashes);
    const front = await startDirectAdminFront({
      da,
      passwords,
      log,
      port: options.ports.front,
      pageEnv: { WEDOS_PANEL_CONFIG: paths.config },
      loginNote: loginNote(paths),
    });
    closers.push(() => front.close());

    const listen = paths.socket.length <= MAX_SOCKET_PATH ? paths.socket : "127.0.0.1:0";
    const config = {
      wapiUrl: sim.url,
      dnsPort: dns.port,
      layout,
      apiUrl: front.url,
      listen,
      reconcileCron: options.reconcileCron,
    };
    writeConfig(paths, config);
    // Only the generated file counts: WEDOS_* variables of the shell running the demo are not read.
    const services = createServices(
      loadConfig({ WEDOS_PANEL_CONFIG: paths.config }),
      clock,
      new DirectAdminPanel(layout),
    );
    const opened = services;
    closers.push(() => opened.close());
    const seeded = readDemoLogins(paths);
    // On the first start the provider pays WEDOS once, so the credit and reconciliation pages show a movement.
    if (seeded === undefined) sim.simulator.topUpCredit(2_000_000, "Bank transfer (demo)");
    // What the billing history says WEDOS was paid before the first start, so earlier months reconcile too.
    if (seeded === undefined && options.billingHistory === true) {
      sim.simulator.recordPastCharges(historyCharges(clock.now()));
    }
    const logins = seeded ?? seedDemo(paths, da, passwords, services.tasks.policies, clock.now());
    offerDemoPackages(da, logins);
    seedDemoOffers(services.db, clock.now());
    if (options.billingHistory === true) {
      seedBusinessCatalogue(da, logins, services.db, services.tasks.policies, clock.now());
      if (seeded === undefined) await orderProviderTemplate(services.wapi);
      await seedBillingHistory(da, services, clock.now(), passwords);
      seedDemoLimit(services, clock.now());
    }

    let webAddress: string;
    if (options.runDaemon) {
      const serving = await startServing(services, (line) => log(`daemon: ${line}`));
      closers.push(() => serving.stop());
      webAddress = serving.web?.address ?? listen;
    } else {
      const web = await startWebServer(services, { log: (line) => log(`daemon: ${line}`) });
      closers.push(() => web.close());
      webAddress = web.address;
    }
    if (options.runDaemon && options.billingHistory === true) {
      const finishing = setInterval(() => {
        if (finishDemoBusiness(services, clock.now())) clearInterval(finishing);
      }, FINISH_EVERY_MS);
      finishing.unref();
      closers.push(async () => clearInterval(finishing));
    }
    // With host:port 0 the real port is known only now; the page scripts read it from the configuration.
    if (webAddress !== listen) writeConfig(paths, { ...config, listen: webAddress });
    return { paths, logins, front, sim, dns, da, passwords, services, webAddress, close };
  } catch (error) {
    await close();
    throw error;
  }
}
