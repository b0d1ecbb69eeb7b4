import { request } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ManualClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { createServices } from "../main.js";
import { EmulatedDirectAdmin, fixtureTree, seedAccounts } from "../panel/directadmin/emulator/index.js";
import { DirectAdminPanel } from "../panel/directadmin/reader.js";
import { startWebServer } from "../web/server.js";

/** One page request to the daemon's listener, as an entry script sends it (protocol v1, src/web/README.md). */
function pageRequest(socketPath: string, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = Object.entries(fields).map(([name, value]) => `${name}=${value}\0`).join("");
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: "/v1/page/user/html", method: "POST", headers: { "content-type": "application/octet-stream", "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Server time of the domain list of a user with 1,000 domains (the session check is cached as in production). */
export async function benchDomainListPage(runs = 300): Promise<string[][]> {
  const root = mkdtempSync(join(tmpdir(), "wedos-panel-bench-web-"));
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const layout = fixtureTree(join(root, "da"));
  const [account] = seedAccounts(layout, 1, { domainsPerAccount: 1000, zones: false, now: clock.now() });
  const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") }, clock });
  const api = await da.startApi();
  const socketPath = join(root, "daemon.sock");
  writeFileSync(join(root, "config.json"), JSON.stringify({ directadmin: { root: layout.root, virtualDir: layout.virtualDir, apiUrl: api.url, identity: "session" }, dns: { zoneDir: layout.zoneDir }, daemon: { listen: socketPath } }));
  const config = loadConfig({ WEDOS_PANEL_CONFIG: join(root, "config.json"), WEDOS_PANEL_DATA_DIR: join(root, "data"), WEDOS_WAPI_URL: "http://127.0.0.1:9/wapi/json", WEDOS_WAPI_LOGIN: "bench@example.test", WEDOS_WAPI_PASSWORD: "bench-pass-123" });
  const services = createServices(config, clock, new DirectAdminPanel(layout));
  const web = await startWebServer(services, { log: () => {} });
  try {
    if (account === undefined) throw new Error("seeding made no account");
    const { inventory } = services.tasks;
    inventory.rememberAccount(account, clock.now());
    for (const domain of account.domains) inventory.rememberDomain(account, domain, clock.now());
    const session = da.login(account.username);
    const fields = { REQUEST_METHOD: "GET", QUERY_STRING: "", ...session };
    const first = await pageRequest(socketPath, fields);
    if (first.status !== 200 || !first.body.includes(account.domains[999]?.domain ?? "?")) throw new Error(`the domain list did not render: ${first.status}`);
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await pageRequest(socketPath, fields);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const at = (share: number) => (timings[Math.floor(timings.length * share)] ?? 0).toFixed(2);
    return [["domain list, user with 1,000 domains", at(0.5), at(0.95), "20", String(services.wapi.calls.latest(1).length)]];
  } finally {
    await web.close();
    await services.close();
    await api.close();
    rmSync(root, { recursive: true, force: true });
  }
}
