import type { Database } from "./database.js";
import { DaemonStateStore } from "./daemon-state-store.js";

/** A pre hook that let a panel action through without its check, because the plugin failed (hooks/pre-check.sh). */
export interface HookWarning {
  at: number;
  hook: string;
  username: string | null;
  domain: string | null;
  /** What failed, for the admin: may name files and errors, never shown to customers. */
  message: string;
}

interface Kept {
  /** Every warning ever recorded. */
  total: number;
  /** The newest first. */
  latest: HookWarning[];
}

const KEY = "hook_warnings";
/** Warnings repeat (every domain while Node.js is missing): the newest few and the count say enough. */
const KEEP = 20;
const MAX_MESSAGE = 500;

/** The pre hooks' warnings, for `wedos-panel doctor` and the admin's operations page. */
export class HookWarningStore {
  private readonly state: DaemonStateStore;

  constructor(db: Database) {
    this.state = new DaemonStateStore(db);
  }

  record(warning: HookWarning): void {
    const kept = this.read();
    const message = warning.message.length > MAX_MESSAGE ? `${warning.message.slice(0, MAX_MESSAGE)}…` : warning.message;
    this.state.set(KEY, { total: kept.total + 1, latest: [{ ...warning, message }, ...kept.latest].slice(0, KEEP) } satisfies Kept, warning.at);
  }

  read(): Kept {
    return this.state.get<Kept>(KEY)?.value ?? { total: 0, latest: [] };
  }
}
