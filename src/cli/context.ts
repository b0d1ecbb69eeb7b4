import type { Clock } from "../clock.js";
import { loadConfig, type Config } from "../config/load.js";
import { openConfiguredDatabase, type Database } from "../store/database.js";
import { createWapi, type Wapi } from "../wapi/index.js";
import type { CliIo } from "./command.js";

/** What most commands need, built from the configuration; call `close()` when done. */
export interface CliContext {
  config: Config;
  db: Database;
  wapi: Wapi;
  clock: Clock;
  close(): Promise<void>;
}

export function openCliContext(io: CliIo): CliContext {
  const { clock } = io;
  const config = loadConfig(io.env);
  const db = openConfiguredDatabase(config);
  try {
    const wapi = createWapi(config, db, clock);
    return {
      config,
      db,
      wapi,
      clock,
      close: async () => {
        await wapi.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** For commands that only read or write the plugin's own database (no WEDOS credentials needed). */
export function openCliDatabase(io: CliIo): { config: Config; db: Database; close(): void } {
  const config = loadConfig(io.env);
  const db = openConfiguredDatabase(config);
  return { config, db, close: () => db.close() };
}
