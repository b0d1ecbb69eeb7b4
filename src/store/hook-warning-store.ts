import type { Database } from "./database.js";
import { DaemonStateStore } from "./daemon-state-store.js";
import { MESSAGE_MAX, oneLine } from "../util/one-line.js";

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

/** The pre hooks' warnings, for `wedos-panel doctor` and the admin's operations page. */
export class HookWarningStore {
  private readonly state: DaemonStateStore;

  constructor(db: Database) {
    this.state = new DaemonStateStore(db);
  }

  record(warning: HookWarning): void {
    const kept = this.read();
    // Whoever records it, what is kept (and shown on pages and by doctor) is one bounded printable line per field.
    const line = (value: string | null) => (value === null ? null : oneLine(value));
    const bounded: HookWarning = {
      at: warning.at,
      hook: oneLine(warning.hook),
      username: line(warning.username),
      domain: line(warning.domain),
      message: oneLine(warning.message, MESSAGE_MAX),
    };
    const latest = [bounded, ...kept.latest].slice(0, KEEP);
    this.state.set(KEY, { total: kept.total + 1, latest } satisfies Kept, warning.at);
  }

  read(): Kept {
    return this.state.get<Kept>(KEY)?.value ?? { total: 0, latest: [] };
  }
}
