import type { Clock } from "../clock.js";
import { loadConfig, type Config } from "../config/load.js";
import { resumeSending } from "../provisioning/resume.js";
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
    // Settings read now that differ from those a pause met (the password file changed) end it as Resume does, so the
    // jobs it put off are due at once; the rejected-request fuse still decides for every request.
    resumeSending({ circuit: wapi.circuit, db, clock }, "new-settings");
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
