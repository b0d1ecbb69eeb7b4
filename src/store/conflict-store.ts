import type { Database } from "./database.js";

export type ConflictKind = "zone" | "protection";
export type ConflictResolution = "adopt" | "ignore";

export interface ConflictRow {
  domain: string;
  kind: ConflictKind;
  detail: string;
  foundAt: number;
  resolution: ConflictResolution | null;
}

/** Objects found at WEDOS that the plugin did not create, and what an admin decided about each. */
export class ConflictStore {
  constructor(private readonly db: Database) {}

  get(domain: string, kind: ConflictKind): ConflictRow | undefined {
    return this.db
      .prepare<[string, string], ConflictRow>(
        "SELECT domain, kind, detail, found_at AS foundAt, resolution FROM conflicts WHERE domain = ? AND kind = ?",
      )
      .get(domain, kind);
  }

  /** Records a new conflict (an existing one keeps its first sighting and any decision). */
  flag(domain: string, kind: ConflictKind, detail: string, now: number): void {
    this.db
      .prepare(
        "INSERT INTO conflicts (domain, kind, detail, found_at) VALUES (?, ?, ?, ?) ON CONFLICT (domain, kind) DO UPDATE SET detail = excluded.detail",
      )
      .run(domain, kind, detail, now);
  }

  resolve(domain: string, kind: ConflictKind, resolution: ConflictResolution, now: number): boolean {
    return (
      this.db
        .prepare("UPDATE conflicts SET resolution = ?, resolved_at = ? WHERE domain = ? AND kind = ?")
        .run(resolution, now, domain, kind).changes === 1
    );
  }

  clear(domain: string, kind: ConflictKind): void {
    this.db.prepare("DELETE FROM conflicts WHERE domain = ? AND kind = ?").run(domain, kind);
  }

  open(): ConflictRow[] {
    return this.db
      .prepare<[], ConflictRow>(
        "SELECT domain, kind, detail, found_at AS foundAt, resolution FROM conflicts WHERE resolution IS NULL ORDER BY found_at",
      )
      .all();
  }
}
