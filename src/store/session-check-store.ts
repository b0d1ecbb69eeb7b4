import type { Database } from "./database.js";
import { DaemonStateStore } from "./daemon-state-store.js";

/** A bound on failed DirectAdmin session checks was reached: what the admin is told, and `doctor` shows. */
export interface SessionCheckBound {
  at: number;
  /** "server": every source is refused; "source": only that one. */
  scope: "server" | "source";
  /** The proven account (uid) or, for `identity: "session"`, the claimed one. */
  source: string;
  failures: number;
  limit: number;
}

const KEY = "session_check_bound";

/** The last bound the session check reached (daemon_state), kept for `wedos-panel doctor`. */
export class SessionCheckStore {
  private readonly state: DaemonStateStore;

  constructor(db: Database) {
    this.state = new DaemonStateStore(db);
  }

  recordBound(bound: SessionCheckBound): void {
    this.state.set(KEY, bound, bound.at);
  }

  lastBound(): SessionCheckBound | undefined {
    return this.state.get<SessionCheckBound>(KEY)?.value;
  }
}
