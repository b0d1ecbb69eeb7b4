import type { FleetQuery } from "./fleet-database.js";

/** A server of the fleet as the shared database knows it. */
export interface FleetServer {
  name: string;
  /** The WEDOS account (WAPI login) whose budget it shares. */
  account: string;
  panel: string;
  version: string;
  pid: number;
  startedAt: number;
  heartbeatAt: number;
  stoppedAt: number | null;
}

interface Row {
  name: string;
  account: string;
  panel: string;
  version: string;
  pid: number;
  started_at: number;
  heartbeat_at: number;
  stopped_at: number | null;
}

const toServer = (row: Row): FleetServer => ({
  name: row.name,
  account: row.account,
  panel: row.panel,
  version: row.version,
  pid: row.pid,
  startedAt: row.started_at,
  heartbeatAt: row.heartbeat_at,
  stoppedAt: row.stopped_at,
});

/** The fleet's list of servers and their heartbeats. */
export class FleetServers {
  constructor(private readonly db: FleetQuery) {}

  /** Enters this server (again, after a restart): its name is its key, so a renamed server is a new one. */
  async register(server: Omit<FleetServer, "heartbeatAt" | "stoppedAt">): Promise<void> {
    await this.db.run(
      `INSERT INTO fleet_servers (name, account, panel, version, pid, started_at, heartbeat_at, stopped_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, NULL)
       ON CONFLICT (name) DO UPDATE SET account = $2, panel = $3, version = $4, pid = $5, started_at = $6,
         heartbeat_at = $6, stopped_at = NULL`,
      [server.name, server.account, server.panel, server.version, server.pid, server.startedAt],
    );
  }

  async heartbeat(name: string, at: number): Promise<void> {
    await this.db.run("UPDATE fleet_servers SET heartbeat_at = $2 WHERE name = $1", [name, at]);
  }

  async stopped(name: string, at: number): Promise<void> {
    await this.db.run("UPDATE fleet_servers SET heartbeat_at = $2, stopped_at = $2 WHERE name = $1", [name, at]);
  }

  /** The servers sharing `account`'s budget, by name. */
  async list(account: string): Promise<FleetServer[]> {
    return (await this.db.rows<Row>("SELECT * FROM fleet_servers WHERE account = $1 ORDER BY name", [account])).map(
      toServer,
    );
  }

  /** PostgreSQL's own clock, in unix ms: doctor compares it with this server's. */
  async databaseNow(): Promise<number> {
    const [row] = await this.db.rows<{ now: number }>(
      "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now",
    );
    return row?.now ?? Number.NaN;
  }
}
