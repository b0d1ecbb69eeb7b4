import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ManualClock } from "../../src/clock.js";
import { loadConfig, type Config } from "../../src/config/load.js";
import type { ConfigInput } from "../../src/config/schema.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import type { SimulatorOptions } from "../../src/simulator/options.js";
import { databaseFileIn, openDatabase, type Database } from "../../src/store/database.js";
import { createWapi, type Wapi } from "../../src/wapi/index.js";
import { tempDir } from "./temp-dir.js";

export const LOGIN = "owner@example.test";
export const PASSWORD = "harness-pass-123";

export interface WedosHarness {
  clock: ManualClock;
  sim: RunningSimulator;
  config: Config;
  db: Database;
  wapi: Wapi;
  /** Requests the simulator has received so far. */
  requestsSeen(): number;
  /** Invalid requests the simulator has counted for 127.0.0.1. */
  invalidSeen(): number;
  close(): Promise<void>;
}

/**
 * The real WAPI client wired to a real simulator on 127.0.0.1, both on one manual clock, with a fresh database.
 * `password` lets a test configure the client with a wrong password.
 */
export async function startWedosHarness(
  options: {
    simulator?: Partial<SimulatorOptions>;
    wapi?: NonNullable<ConfigInput["wapi"]>;
    password?: string;
    at?: string;
  } = {},
): Promise<WedosHarness> {
  const clock = new ManualClock(options.at ?? "2026-03-10T13:20:00Z");
  const sim = await startSimulator({
    login: LOGIN,
    password: PASSWORD,
    clock,
    listShape: "array",
    ...options.simulator,
  });
  const dir = tempDir();
  const configFile = join(dir, "config.json");
  writeFileSync(configFile, JSON.stringify({ wapi: options.wapi ?? {} }));
  const config = loadConfig({
    WEDOS_PANEL_CONFIG: configFile,
    WEDOS_WAPI_URL: sim.url,
    WEDOS_WAPI_LOGIN: LOGIN,
    WEDOS_WAPI_PASSWORD: options.password ?? PASSWORD,
    WEDOS_PANEL_DATA_DIR: dir,
  });
  const db = openDatabase(databaseFileIn(dir));
  const wapi = createWapi(config, db, clock);
  return {
    clock,
    sim,
    config,
    db,
    wapi,
    requestsSeen: () => sim.simulator.dump().requestLog.length,
    invalidSeen: () => sim.simulator.dump().access["127.0.0.1"]?.invalidCount ?? 0,
    close: async () => {
      await wapi.close();
      db.close();
      await sim.close();
    },
  };
}
