import type { Database } from "./database.js";

/** Named JSON values the daemon keeps between runs. */
export class DaemonStateStore {
  constructor(private readonly db: Database) {}

  get<T>(key: string): { value: T; updatedAt: number } | undefined {
    const row = this.db
      .prepare<[string], { value: string; updatedAt: number }>(
        "SELECT value, updated_at AS updatedAt FROM daemon_state WHERE key = ?",
      )
      .get(key);
    return row === undefined ? undefined : { value: JSON.parse(row.value) as T, updatedAt: row.updatedAt };
  }

  set(key: string, value: unknown, now: number): void {
    this.db
      .prepare(
        "INSERT INTO daemon_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      )
      .run(key, JSON.stringify(value), now);
  }
}
