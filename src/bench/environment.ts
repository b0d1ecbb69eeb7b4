import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ManualClock } from "../clock.js";
import { loadConfig } from "../config/load.js";
import { startSimulator, type RunningSimulator } from "../simulator/index.js";
import { openDatabase, type Database } from "../store/database.js";
import { createWapi, type Wapi } from "../wapi/index.js";

/** A simulator on 127.0.0.1 and a client wired to it, on a fixed clock, in a throw-away directory. */
export interface BenchEnvironment {
  clock: ManualClock;
  sim: RunningSimulator;
  db: Database;
  wapi: Wapi;
  close(): Promise<void>;
}

export async function openBenchEnvironment(): Promise<BenchEnvironment> {
  const dir = mkdtempSync(join(tmpdir(), "wedos-panel-bench-"));
  const clock = new ManualClock("2026-03-10T13:20:00Z");
  const sim = await startSimulator({
    login: "bench@example.test",
    password: "bench-pass-123",
    clock,
    rateLimit: 1_000_000,
    rowLimit: 100_000,
    listShape: "rotate",
  });
  writeFileSync(join(dir, "config.json"), JSON.stringify({ wapi: { hourlyLimit: 1000, interactiveReserve: 0 } }));
  const config = loadConfig({
    WEDOS_PANEL_CONFIG: join(dir, "config.json"),
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: "bench@example.test",
    WEDOS_WAPI_PASSWORD: "bench-pass-123",
    WEDOS_PANEL_DATA_DIR: dir,
  });
  const db = openDatabase(join(dir, "bench.sqlite"));
  const wapi = createWapi(config, db, clock);
  return {
    clock,
    sim,
    db,
    wapi,
    close: async () => {
      await wapi.close();
      db.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
