import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FleetDatabase, fleetSchemaVersion, migrateFleet } from "../../src/store/fleet/fleet-database.js";
import { FLEET_MIGRATIONS, FLEET_SCHEMA_VERSION } from "../../src/store/fleet/fleet-migrations.js";
import { renderMigration } from "../../src/store/schema/render.js";
import { usePostgres } from "../support/postgres.js";

const postgres = usePostgres();

const tablesOf = async (db: FleetDatabase) =>
  (
    await db.rows<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
  ).map((row) => row.name);

describe("the fleet database", () => {
  it("is migrated once by servers that start together, and reports its version", async () => {
    const url = await postgres.freshDatabase();
    const servers = ["a", "b", "c"].map((server) => new FleetDatabase({ url, server }));
    try {
      expect(await Promise.all(servers.map((db) => migrateFleet(db, 0)))).toEqual([
        FLEET_SCHEMA_VERSION,
        FLEET_SCHEMA_VERSION,
        FLEET_SCHEMA_VERSION,
      ]);
      const [first] = servers;
      if (first === undefined) throw new Error("no server");
      expect(await fleetSchemaVersion(first)).toBe(FLEET_SCHEMA_VERSION);
      expect(await first.rows("SELECT version FROM fleet_schema")).toHaveLength(FLEET_MIGRATIONS.length);
      expect(await tablesOf(first)).toEqual(
        expect.arrayContaining(["fleet_budget", "fleet_jobs", "fleet_domains", "fleet_servers", "fleet_wapi_calls"]),
      );
    } finally {
      await Promise.all(servers.map((db) => db.close()));
    }
  });

  it("refuses a database newer than this wedos-panel, naming what to do", async () => {
    const url = await postgres.freshDatabase();
    const db = new FleetDatabase({ url, server: "a" });
    try {
      await migrateFleet(db, 0);
      await db.run("INSERT INTO fleet_schema (version, name, applied_at) VALUES ($1, 'from the future', 0)", [
        FLEET_SCHEMA_VERSION + 1,
      ]);
      await expect(migrateFleet(db, 0)).rejects.toThrow(/newer than this wedos-panel .* update wedos-panel/);
    } finally {
      await db.close();
    }
  });

  it("says it cannot be reached while PostgreSQL is stopped, without the password, and works again after", async () => {
    const url = (await postgres.freshDatabase()).replace("wedos@", "wedos:s3cret-pw@");
    const db = new FleetDatabase({ url, server: "a", connectTimeoutMs: 2_000 });
    try {
      await migrateFleet(db, 0);
      postgres.cluster().stop();
      const failure = await db.rows("SELECT 1").catch((error: unknown) => error as Error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(/cannot be reached .* check the address/);
      expect((failure as Error).message).not.toContain("s3cret-pw");
      postgres.cluster().start();
      expect(await db.rows<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it("describes each migration once, and the description reads as SQLite too", () => {
    const sqlite = new Database(":memory:");
    for (const migration of FLEET_MIGRATIONS) sqlite.exec(renderMigration(migration, "sqlite"));
    const columns = sqlite.prepare("SELECT name FROM pragma_table_info('fleet_jobs')").all() as Array<{ name: string }>;
    expect(columns.map((column) => column.name)).toEqual(expect.arrayContaining(["job_key", "locked_until", "lane"]));
    sqlite.exec(
      "INSERT INTO fleet_jobs (account, job_key, task, payload, lane, priority, state, max_attempts, run_at, created_at, updated_at) VALUES ('a', 'k', 't', '{}', 'records', 2, 'queued', 3, 0, 0, 0)",
    );
    expect(() =>
      sqlite.exec(
        "INSERT INTO fleet_jobs (account, job_key, task, payload, lane, priority, state, max_attempts, run_at, created_at, updated_at) VALUES ('a', 'k', 't', '{}', 'records', 2, 'queued', 3, 0, 0, 0)",
      ),
    ).toThrow(/UNIQUE/);
    sqlite.close();
  });
});
