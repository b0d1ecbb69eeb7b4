import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { startPostgresCluster, type PostgresCluster } from "../../src/bench/postgres-cluster.js";

/**
 * One PostgreSQL cluster for the calling test file, started before its tests and removed after them. Each test that
 * needs a clean fleet calls `freshDatabase()` for a database of its own in that cluster.
 */
export function usePostgres(): { cluster: () => PostgresCluster; freshDatabase: () => Promise<string> } {
  let cluster: PostgresCluster | undefined;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 60_000);
  afterAll(() => cluster?.close());
  const current = () => {
    if (cluster === undefined) throw new Error("usePostgres(): the cluster starts in beforeAll");
    return cluster;
  };
  return {
    cluster: current,
    freshDatabase: async () => {
      const name = `fleet_${process.pid}_${++databases}`;
      const admin = new pg.Client({ connectionString: current().url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return current().url.replace(/\/postgres$/, `/${name}`);
    },
  };
}
