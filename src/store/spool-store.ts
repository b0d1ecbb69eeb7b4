import type { Database } from "./database.js";

/**
 * Which spool files were already consumed (turned into jobs, or kept aside), so a file read again — after a crash, or
 * at every scan until the hooks remove it — is never applied twice. A row lives as long as its file.
 */
export class SpoolStore {
  constructor(private readonly db: Database) {}

  seen(file: string): boolean {
    return (
      this.db.prepare<[string], { one: number }>("SELECT 1 AS one FROM spool_ingested WHERE file = ?").get(file) !==
      undefined
    );
  }

  remember(file: string, hook: string, at: number): void {
    this.db.prepare("INSERT OR IGNORE INTO spool_ingested (file, hook, at) VALUES (?, ?, ?)").run(file, hook, at);
  }

  /** Every file noted as consumed. */
  files(): string[] {
    return this.db
      .prepare<[], { file: string }>("SELECT file FROM spool_ingested")
      .all()
      .map((row) => row.file);
  }

  /** Forgets a file the hooks have removed from the spool. */
  forget(file: string): void {
    this.db.prepare("DELETE FROM spool_ingested WHERE file = ?").run(file);
  }

  /** Runs `work` in one transaction (the event's inventory changes, its jobs and its bookkeeping). */
  atomically(work: () => void): void {
    this.db.transaction(work)();
  }
}
