import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { startSimulator } from "../simulator/index.js";
import { openDatabase } from "../store/database.js";
import { WapiBudgetStore } from "../store/wapi-budget-store.js";
import { wapiAuth } from "../wapi/auth.js";
import { WapiBudget } from "../wapi/budget.js";
import { createWapi } from "../wapi/index.js";
import { formatTable, measure } from "./table.js";

/**
 * `npm run bench`: the costs that bound how fast the plugin can work through WEDOS's 1000 requests an hour.
 * Everything runs against the local simulator on 127.0.0.1 with a fixed clock.
 */
async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "wedos-panel-bench-"));
  const clock = new ManualClock("2026-03-10T13:20:00Z");
  const sim = await startSimulator({ login: "bench@example.test", password: "bench-pass-123", clock, rateLimit: 1_000_000, rowLimit: 100_000, listShape: "rotate" });
  writeFileSync(join(dir, "config.json"), JSON.stringify({ wapi: { hourlyLimit: 1000, interactiveReserve: 0 } }));
  const config = loadConfig({ WEDOS_PANEL_CONFIG: join(dir, "config.json"), WEDOS_WAPI_URL: sim.url, WEDOS_WAPI_LOGIN: "bench@example.test", WEDOS_WAPI_PASSWORD: "bench-pass-123", WEDOS_PANEL_DATA_DIR: dir });
  const db = openDatabase(join(dir, "bench.sqlite"));
  const wapi = createWapi(config, db, clock);
  const rows: string[][] = [];
  const add = (name: string, result: { perSecond: number; medianMicros: number }) =>
    rows.push([name, Math.round(result.perSecond).toLocaleString("en-US"), result.medianMicros.toFixed(1)]);
  try {
    add("auth hash (sha1 + Prague hour)", await measure(50_000, (i) => wapiAuth("bench@example.test", "bench-pass-123", clock.now() + i * 1000)));
    const budget = new WapiBudget(new WapiBudgetStore(db), { hourlyLimit: 1_000_000_000, interactiveReserve: 0 }, clock);
    add("budget take (SQLite upsert)", await measure(20_000, () => budget.take("ping", "records", "refuse")));
    // Each WAPI request below moves the clock an hour on, so the 1000-per-hour budget never waits.
    const hop = () => clock.advance(3_600_000);
    add("WAPI ping round trip", await measure(2_000, async () => { hop(); await wapi.account.ping(); }));
    await wapi.dns.domainAdd({ name: "bench.test" });
    for (let i = 0; i < 500; i++) {
      hop();
      await wapi.dns.rowAdd({ domain: "bench.test", name: `host${i}`, ttl: 300, type: "A", rdata: `192.0.2.${i % 250}` });
    }
    add("dns-rows-list, 500 rows", await measure(200, async () => { hop(); await wapi.dns.rowsList("bench.test"); }));
  } finally {
    await wapi.close();
    db.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${formatTable(["operation", "ops/s", "median µs"], rows)}\n`);
}

await main();
