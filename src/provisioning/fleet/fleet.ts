import { hostname } from "node:os";
import type { Clock } from "../../clock.js";
import { toError } from "../../errors.js";
import { PRODUCT_VERSION } from "../../package-info.js";
import { FleetDatabase, migrateFleet } from "../../store/fleet/fleet-database.js";
import { FleetServers } from "../../store/fleet/fleet-servers.js";

/** How often a daemon tells the fleet it is alive; a server silent for 3 of these counts as gone on the fleet page. */
export const HEARTBEAT_MS = 10_000;
/** The longest wait between tries to reach the fleet database while it is down. */
const MAX_RETRY_MS = 30_000;

export interface FleetOptions {
  url: string;
  /** This server's name (store.serverName, else the host name). */
  server?: string | undefined;
  /** The WEDOS account (WAPI login) the fleet shares. */
  account: string;
  panel: string;
  clock: Clock;
}

/**
 * This server's membership of a fleet: the shared PostgreSQL (docs/decisions/0057-a-fleet-coordinated-on-postgresql.md),
 * this server's name, and the WEDOS account whose budget the fleet shares. `start()` keeps trying while PostgreSQL
 * is down; what needs the fleet meanwhile waits (WAPI sending) or keeps working locally (hooks, pages).
 */
export class Fleet {
  readonly db: FleetDatabase;
  readonly servers: FleetServers;
  readonly server: string;
  readonly account: string;
  private readonly panel: string;
  private readonly clock: Clock;
  private joined = false;

  constructor(options: FleetOptions) {
    this.server = options.server ?? hostname();
    this.account = options.account;
    this.panel = options.panel;
    this.clock = options.clock;
    this.db = new FleetDatabase({ url: options.url, server: this.server });
    this.servers = new FleetServers(this.db);
  }

  /** Whether this server has reached the fleet database since it started (its schema is then current). */
  get ready(): boolean {
    return this.joined;
  }

  /** Migrates the shared schema and enters this server, trying again with backoff until it succeeds or `signal` aborts. */
  async start(signal: AbortSignal, log: (line: string) => void = () => undefined): Promise<boolean> {
    for (let delay = 1_000; !signal.aborted; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
      try {
        await this.join();
        return true;
      } catch (error) {
        log(`fleet: ${toError(error).message}; trying again in ${delay / 1000} s`);
        await this.clock.sleep(delay, signal);
      }
    }
    return false;
  }

  /** One try at what `start()` retries. */
  async join(): Promise<void> {
    await migrateFleet(this.db);
    await this.servers.register({
      name: this.server,
      account: this.account,
      panel: this.panel,
      version: PRODUCT_VERSION,
      pid: process.pid,
      startedAt: this.clock.now(),
    });
    this.joined = true;
  }

  async heartbeat(): Promise<void> {
    if (this.joined) await this.servers.heartbeat(this.server, this.clock.now());
  }

  /** Notes this server as stopped (when the database can be reached) and closes the connections. */
  async close(): Promise<void> {
    if (this.joined) await this.servers.stopped(this.server, this.clock.now()).catch(() => undefined);
    await this.db.close();
  }
}
