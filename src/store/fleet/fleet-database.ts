import pg from "pg";
import { AppError } from "../../errors.js";
import { migrationStatements } from "../schema/render.js";
import { FLEET_MIGRATIONS, FLEET_SCHEMA_VERSION } from "./fleet-migrations.js";

/** PostgreSQL's type id of BIGINT: every number of the fleet schema is one, and all fit a double (unix ms, counts). */
const INT8_OID = 20;
/** Any key for the migration lock: two servers starting at once apply each migration once. */
const MIGRATION_LOCK = 5_720_057;

/** One statement's runner: the pool's, or a transaction's own connection. */
export interface FleetQuery {
  rows<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface FleetDatabaseOptions {
  /** postgres://user@host:port/database (a password is better kept in the service account's ~/.pgpass). */
  url: string;
  /** This server's name in the fleet: it appears in PostgreSQL's list of sessions. */
  server: string;
  /** Connections this process keeps at most (the daemon needs few: one query at a time is the common case). */
  maxConnections?: number;
  /** How long a connection attempt may take before the fleet counts as unreachable. */
  connectTimeoutMs?: number;
}

/** The store URL without its password, for messages and logs: `host:port/database`. */
export function describeStoreUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || "localhost"}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(store.url is not a URL)";
  }
}

const numbersAsNumbers = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? "text"),
};

/**
 * The fleet's shared PostgreSQL database (docs/decisions/0057-a-fleet-coordinated-on-postgresql.md). Every failure
 * to reach it becomes one retryable AppError that names the database (never its password) and what to check.
 */
export class FleetDatabase implements FleetQuery {
  private readonly pool: pg.Pool;
  readonly where: string;

  constructor(options: FleetDatabaseOptions) {
    this.where = describeStoreUrl(options.url);
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 3,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      application_name: `wedos-panel ${options.server}`.slice(0, 63),
      types: numbersAsNumbers,
    });
    // A connection that breaks while idle (PostgreSQL restarted) is dropped by the pool; the next query reconnects.
    this.pool.on("error", () => undefined);
  }

  async rows<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query(sql, params as unknown[])).rows as R[];
    } catch (error) {
      throw this.failure(error);
    }
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    try {
      return (await this.pool.query(sql, params as unknown[])).rowCount ?? 0;
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  async transaction<T>(work: (query: FleetQuery) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.failure(error);
    }
    const query: FleetQuery = {
      rows: async <R>(sql: string, params: readonly unknown[] = []) =>
        (await client.query(sql, params as unknown[])).rows as R[],
      run: async (sql: string, params: readonly unknown[] = []) =>
        (await client.query(sql, params as unknown[])).rowCount ?? 0,
    };
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(query);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error instanceof AppError ? error : this.failure(error);
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A PostgreSQL or network error as the operator should read it. Constraint violations are the caller's to judge. */
  private failure(error: unknown): AppError {
    const detail = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    const sqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
    if (sqlState !== undefined && !sqlState.startsWith("08") && !sqlState.startsWith("57"))
      return new AppError(
        "fleet_query",
        `the fleet database ${this.where} refused a statement (${sqlState}): ${detail}`,
        {
          cause: error,
          retryable: sqlState.startsWith("40"),
        },
      );
    return new AppError(
      "fleet_unreachable",
      `the fleet database ${this.where} cannot be reached (${detail}); check the address and that PostgreSQL is running there`,
      { cause: error, retryable: true },
    );
  }
}

/** The fleet schema's version in the database (0: none yet). */
export async function fleetSchemaVersion(db: FleetQuery): Promise<number> {
  const [found] = await db.rows<{ exists: boolean }>("SELECT to_regclass('fleet_schema') IS NOT NULL AS exists");
  if (found?.exists !== true) return 0;
  const [row] = await db.rows<{ version: number | null }>("SELECT max(version)::bigint AS version FROM fleet_schema");
  return row?.version ?? 0;
}

/**
 * Brings the fleet database to this wedos-panel's schema, each migration in its own transaction under one lock, so
 * servers that start together apply it once. A database newer than this wedos-panel is refused: update it instead.
 */
export async function migrateFleet(db: FleetDatabase, now: number): Promise<number> {
  return db.transaction(async (query) => {
    await query.run("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await query.run(
      "CREATE TABLE IF NOT EXISTS fleet_schema (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    );
    const current = await fleetSchemaVersion(query);
    if (current > FLEET_SCHEMA_VERSION)
      throw new AppError(
        "fleet_schema_too_new",
        `the fleet database ${db.where} has schema version ${current}, newer than this wedos-panel (knows ${FLEET_SCHEMA_VERSION}); update wedos-panel on this server to the fleet's version`,
      );
    for (const migration of FLEET_MIGRATIONS) {
      if (migration.version <= current) continue;
      for (const statement of migrationStatements(migration, "postgres")) await query.run(statement);
      await query.run("INSERT INTO fleet_schema (version, name, applied_at) VALUES ($1, $2, $3)", [
        migration.version,
        migration.name,
        now,
      ]);
    }
    return FLEET_SCHEMA_VERSION;
  });
}
