import { request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { createServices, type Services } from "../main.js";
import { EmulatedDirectAdmin, fixtureTree } from "../emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../panel/directadmin/layout.js";
import type { PanelAccount } from "../model/account.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import type { Level } from "../web/identity/identity.js";
import { startWebServer, type WebServer } from "../web/server.js";

/** One page request to the daemon's listener, as an entry script sends it (protocol v1, src/web/README.md). */
export function pageRequest(
  socketPath: string,
  fields: Record<string, string>,
  level: Level = "user",
): Promise<{ status: number; body: string }> {
  const body = Object.entries(fields)
    .map(([name, value]) => `${name}=${value}\0`)
    .join("");
  return new Promise((resolve, reject) => {
    const req = request(
      {
        socketPath,
        path: `/v1/page/${level}/html`,
        method: "POST",
        headers: { "content-type": "application/octet-stream", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The daemon's pages in-process over an emulated DirectAdmin tree, its accounts in the inventory, for page benches. */
export interface PageDaemon {
  clock: ManualClock;
  layout: DirectAdminLayout;
  services: Services;
  web: WebServer;
  /** The emulated panel, to add the staff accounts a bench logs in as. */
  da: EmulatedDirectAdmin;
  /** The envelope fields of a GET of `query` by `username` (a logged-in DirectAdmin session). */
  visitFields(username: string, query: string): Record<string, string>;
  /** Sends the page request (of the user level unless `level` says otherwise); throws unless it answered 200. */
  visit(fields: Record<string, string>, level?: Level): Promise<string>;
  close(): Promise<void>;
}

/** An emulated DirectAdmin tree with its API, and the daemon's configuration over it (session identity). */
export interface BenchPanel {
  root: string;
  clock: ManualClock;
  layout: DirectAdminLayout;
  accounts: PanelAccount[];
  da: EmulatedDirectAdmin;
  socketPath: string;
  /** The environment `wedos-panel` reads its configuration and WAPI settings from. */
  env: Record<string, string>;
  /** Services over the tree, the accounts in their inventory. */
  openServices(): Services;
  close(): Promise<void>;
}

export async function startBenchPanel(
  seed: (layout: DirectAdminLayout, now: number) => PanelAccount[],
): Promise<BenchPanel> {
  const root = mkdtempSync(join(tmpdir(), "wedos-panel-bench-web-"));
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const layout = fixtureTree(join(root, "da"));
  const accounts = seed(layout, clock.now());
  const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") }, clock });
  const api = await da.startApi();
  const socketPath = join(root, "daemon.sock");
  writeFileSync(
    join(root, "config.json"),
    JSON.stringify({
      directadmin: { root: layout.root, virtualDir: layout.virtualDir, apiUrl: api.url, identity: "session" },
      dns: { zoneDir: layout.zoneDir },
      daemon: { listen: socketPath },
    }),
  );
  const env = {
    WEDOS_PANEL_CONFIG: join(root, "config.json"),
    WEDOS_PANEL_DATA_DIR: join(root, "data"),
    WEDOS_WAPI_URL: "http://127.0.0.1:9/wapi/json",
    WEDOS_WAPI_LOGIN: "bench@example.test",
    WEDOS_WAPI_PASSWORD: "bench-pass-123",
  };
  const openServices = () => {
    const services = createServices(loadConfig(env), clock, new DirectAdminPanel(layout));
    const { inventory } = services.tasks;
    for (const account of accounts) {
      inventory.rememberAccount(account, clock.now());
      for (const domain of account.domains) inventory.rememberDomain(account, domain, clock.now());
    }
    return services;
  };
  return {
    root,
    clock,
    layout,
    accounts,
    da,
    socketPath,
    env,
    openServices,
    close: async () => {
      await api.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function startPageDaemon(
  seed: (layout: DirectAdminLayout, now: number) => PanelAccount[],
): Promise<PageDaemon> {
  const panel = await startBenchPanel(seed);
  const services = panel.openServices();
  const web = await startWebServer(services, { log: () => {} });
  return {
    clock: panel.clock,
    layout: panel.layout,
    services,
    web,
    da: panel.da,
    visitFields: (username, query) => visitFields(panel, username, query),
    visit: (fields, level) => visitPage(panel.socketPath, fields, level),
    close: async () => {
      await web.close();
      await services.close();
      await panel.close();
    },
  };
}

/** The envelope fields of a GET of `query` by `username` (a logged-in DirectAdmin session). */
export function visitFields(panel: Pick<BenchPanel, "da">, username: string, query: string): Record<string, string> {
  return { REQUEST_METHOD: "GET", QUERY_STRING: query, ...panel.da.login(username) };
}

/** Sends the page request; throws unless it answered 200. */
export async function visitPage(
  socketPath: string,
  fields: Record<string, string>,
  level: Level = "user",
): Promise<string> {
  const answer = await pageRequest(socketPath, fields, level);
  if (answer.status !== 200) throw new Error(`the page answered ${answer.status}`);
  return answer.body;
}

/** The value below which `share` of the sorted timings lie. */
export function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}
