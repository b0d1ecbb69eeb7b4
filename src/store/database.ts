import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../config/load.js";
import { sqliteDriverFromEnvironment } from "../config/sqlite-driver.js";
import { AppError } from "../errors.js";
import { backupDirOf } from "./backup.js";
import { databaseWasMade, noteDatabaseMade, prepareDatabaseFile } from "./database-file.js";
import { MIGRATIONS } from "./migrations.js";
import { creationNoteOf, damagedDatabase, isDamage, lostDatabase } from "./sqlite/damage.js";
import { SqliteDatabase } from "./sqlite/connection.js";
import { requireDriver, type DriverChoice } from "./sqlite/driver.js";
import type { Database } from "./sqlite/types.js";

export type { Database, Statement } from "./sqlite/types.js";

/** The database file inside the data directory: the one place its name is written. */
export function databaseFileIn(dataDir: string): string {
  return join(dataDir, "wedos-panel.sqlite");
}

/** The configured database: the data directory's file, through the driver store.driver names. */
export function openConfiguredDatabase(config: Pick<Config, "dataDir" | "store">): Database {
  return openDatabase(databaseFileIn(config.dataDir), { driver: config.store.driver, backupDir: backupDirOf(config) });
}

/**
 * Opens (creating if needed) the plugin's SQLite database and brings its schema up to date. WAL mode and a busy
 * timeout let the daemon, the CLI and hook helpers share one file safely. `driver` is store.driver from the
 * configuration; without it, WEDOS_PANEL_SQLITE_DRIVER or "auto". A database made before that is now missing, empty
 * or without a schema is refused, never made again (docs/decisions/0031); `backupDir` (by default backups/ beside
 * it) is where the refusal says the backups are.
 */
export function openDatabase(path: string, options: { driver?: DriverChoice; backupDir?: string } = {}): Database {
  const driver = requireDriver(options.driver ?? sqliteDriverFromEnvironment() ?? "auto");
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const backupDir = options.backupDir ?? join(dirname(path), "backups");
  prepareDatabaseFile(path, backupDir);
  let db: Database;
  try {
    db = new SqliteDatabase(driver.open(path), driver.info, path);
  } catch (error) {
    if (isDamage(error)) throw damagedDatabase(path, error);
    throw new AppError(
      "store_open_failed",
      `cannot open the database ${path}: ${(error as Error).message}; check that the data directory exists and is writable`,
      { cause: error },
    );
  }
  db.pragma("busy_timeout = 5000");
  if ((db.pragma("user_version") as number) === 0 && path !== ":memory:" && databaseWasMade(path)) {
    db.close();
    throw lostDatabase(path, "without any of the plugin's tables", creationNoteOf(path), backupDir);
  }
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  try {
    migrate(db);
    noteDatabaseMade(path);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: Database): void {
  const current = db.pragma("user_version") as number;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      "store_too_new",
      `the database schema (version ${current}) is newer than this wedos-panel (knows ${latest}); update wedos-panel instead of downgrading`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
