import { describe, expect, it } from "vitest";
import { FleetDatabase, migrateFleet } from "../../src/store/fleet/fleet-database.js";
import { FleetServers } from "../../src/store/fleet/fleet-servers.js";
import { usePostgres } from "../support/postgres.js";

const postgres = usePostgres();

const server = (name: string, account: string, startedAt: number) => ({
  name,
  account,
  panel: "directadmin",
  version: "0.1.0",
  pid: 4242,
  startedAt,
});

describe("the fleet's servers", () => {
  it("lists each WEDOS account's servers with their heartbeats; a restart enters the same server again", async () => {
    const db = new FleetDatabase({ url: await postgres.freshDatabase(), server: "da1" });
    try {
      await migrateFleet(db, 0);
      const servers = new FleetServers(db);
      await servers.register(server("da1", "shop@example.test", 1_000));
      await servers.register(server("da2", "shop@example.test", 2_000));
      await servers.register(server("other", "else@example.test", 2_000));
      await servers.heartbeat("da1", 5_000);
      await servers.stopped("da2", 6_000);
      expect(
        (await servers.list("shop@example.test")).map(({ name, heartbeatAt, stoppedAt }) => ({
          name,
          heartbeatAt,
          stoppedAt,
        })),
      ).toEqual([
        { name: "da1", heartbeatAt: 5_000, stoppedAt: null },
        { name: "da2", heartbeatAt: 6_000, stoppedAt: 6_000 },
      ]);
      await servers.register(server("da2", "shop@example.test", 7_000));
      const [, restarted] = await servers.list("shop@example.test");
      expect(restarted).toMatchObject({ name: "da2", startedAt: 7_000, heartbeatAt: 7_000, stoppedAt: null });
    } finally {
      await db.close();
    }
  });

  it("reads PostgreSQL's own clock, for comparing it with the server's", async () => {
    const db = new FleetDatabase({ url: await postgres.freshDatabase(), server: "da1" });
    try {
      const before = Date.now();
      const databaseNow = await new FleetServers(db).databaseNow();
      expect(Math.abs(databaseNow - before)).toBeLessThan(5_000);
    } finally {
      await db.close();
    }
  });
});
