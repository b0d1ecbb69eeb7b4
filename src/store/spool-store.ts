import type { Database } from "./database.js";

/** Which spool files were already turned into jobs, so a file read again after a crash is not applied twice. */
export class SpoolStore {
  constructor(private readonly db: Database) {}

  seen(file: string): boolean {
    return this.db.prepare<[string], { one: number }>("SELECT 1 AS one FROM spool_ingested WHERE file = ?").get(file) !== undefined;
  }

  remember(file: string, hook: string, at: number): void {
    this.db.prepare("INSERT OR IGNORE INTO spool_ingested (file, hook, at) VALUES (?, ?, ?)").run(file, hook, at);
  }

  /** Forgets bookkeeping older than `before`: by then every such file has long been removed from the spool. */
  prune(before: number): void {
    this.db.prepare("DELETE FROM spool_ingested WHERE at < ?").run(before);
  }

  /** Runs `work` in one transaction (the event's inventory changes, its jobs and its bookkeeping). */
  atomically(work: () => void): void {
    this.db.transaction(work)();
  }
}
