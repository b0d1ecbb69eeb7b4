import type { Database } from "./database.js";

export type ZoneMode = "primary" | "secondary";

export interface ZoneRecordRow {
  name: string;
  mode: ZoneMode;
  createdByUs: boolean;
  createdAt: number;
  lastAppliedAt: number | null;
  lastCommitAt: number | null;
  propagatedAt: number | null;
  converged: boolean | null;
  /** Writes were sent since the last commit (an apply was cut short). */
  uncommittedSince: number | null;
  /** The plugin asked WEDOS to create the zone and has not seen the answer (the process may have died meanwhile). */
  creatingSince: number | null;
}

export interface ManagedRow {
  rowId: string;
  name: string;
  type: string;
  ttl: number;
  rdata: string;
  origin: "created" | "adopted";
}

/** A row an apply is about to add, with its key: name, type and canonical value (see ownershipKey in src/sync). */
export interface PendingAdd {
  key: string;
  name: string;
  type: string;
  ttl: number;
  rdata: string;
  /** The highest row ID of the listing the apply planned from; null when not every ID was a number. */
  seenUpTo: number | null;
}

export interface NotedAdd {
  key: string;
  recordedAt: number;
  /** When WEDOS accepted the add; null while unsent or unanswered. */
  acceptedAt: number | null;
  seenUpTo: number | null;
  row: Omit<PendingAdd, "key" | "seenUpTo"> | undefined;
}

/** The zones the plugin knows at WEDOS and the row IDs it owns in each. */
export class DnsZoneStore {
  private readonly db: Database;
  private readonly selectZone;
  private readonly insertZone;
  private readonly selectRows;

  constructor(db: Database) {
    this.db = db;
    this.selectZone = db.prepare<
      [string],
      Omit<ZoneRecordRow, "createdByUs" | "converged"> & { createdByUs: number; converged: number | null }
    >(
      `SELECT name, mode, created_by_us AS createdByUs, created_at AS createdAt, last_applied_at AS lastAppliedAt,
              last_commit_at AS lastCommitAt, propagated_at AS propagatedAt, converged, uncommitted_since AS uncommittedSince,
              creating_since AS creatingSince FROM dns_zones WHERE name = ?`,
    );
    this.insertZone = db.prepare<[{ name: string; mode: ZoneMode; createdByUs: number; at: number }]>(
      `INSERT INTO dns_zones (name, mode, created_by_us, created_at) VALUES (@name, @mode, @createdByUs, @at)
       ON CONFLICT (name) DO UPDATE SET mode = excluded.mode`,
    );
    this.selectRows = db.prepare<[string], ManagedRow>(
      "SELECT row_id AS rowId, name, type, ttl, rdata, origin FROM dns_managed_rows WHERE zone = ? ORDER BY name, type, row_id",
    );
  }

  zone(name: string): ZoneRecordRow | undefined {
    const row = this.selectZone.get(name);
    return row === undefined
      ? undefined
      : { ...row, createdByUs: row.createdByUs === 1, converged: row.converged === null ? null : row.converged === 1 };
  }

  /** The names of every zone the store knows at WEDOS, in one query (for passes over all domains). */
  zoneNames(): Set<string> {
    return new Set(
      this.db
        .prepare<[], { name: string }>("SELECT name FROM dns_zones")
        .all()
        .map((row) => row.name),
    );
  }

  /** Records that the zone exists at WEDOS (created by us or found there). Keeps an existing record's history. */
  rememberZone(name: string, mode: ZoneMode, createdByUs: boolean, at: number): void {
    this.insertZone.run({ name, mode, createdByUs: createdByUs ? 1 : 0, at });
  }

  /** Records every zone a full dns-domains-list showed (as not created by us unless already known) and when. */
  rememberListing(listing: ReadonlyArray<{ name: string; mode: ZoneMode }>, at: number): void {
    this.db.transaction(() => {
      const insert = this.db.prepare(
        "INSERT OR IGNORE INTO dns_zones (name, mode, created_by_us, created_at) VALUES (?, ?, 0, ?)",
      );
      for (const zone of listing) insert.run(zone.name, zone.mode, at);
      this.db
        .prepare(
          "INSERT INTO daemon_state (key, value, updated_at) VALUES ('zones_listed_at', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .run(String(at), at);
    })();
  }

  /** When the last full zone listing was taken. */
  listedAt(): number | undefined {
    const row = this.db
      .prepare<[], { value: string }>("SELECT value FROM daemon_state WHERE key = 'zones_listed_at'")
      .get();
    return row === undefined ? undefined : Number(row.value);
  }

  /**
   * Notes the zone as the plugin's just before it asks WEDOS to create it, so a zone WEDOS made before the process
   * died is still recognised as ours; until {@link confirmZone}, whether it exists is unknown.
   */
  noteCreating(name: string, mode: ZoneMode, at: number): void {
    this.db.transaction(() => {
      this.rememberZone(name, mode, true, at);
      this.db.prepare("UPDATE dns_zones SET created_by_us = 1, creating_since = ? WHERE name = ?").run(at, name);
    })();
  }

  /** The zone is known to exist at WEDOS (WEDOS answered the creation, or a listing showed it). */
  confirmZone(name: string): void {
    this.db.prepare("UPDATE dns_zones SET creating_since = NULL WHERE name = ?").run(name);
  }

  forgetZone(name: string): void {
    this.db.prepare("DELETE FROM dns_zones WHERE name = ?").run(name);
  }

  managedRows(zone: string): ManagedRow[] {
    return this.selectRows.all(zone);
  }

  /**
   * Changes whenever what rowsAtWedos() answers may have changed (the owned rows replaced, an add noted or claimed),
   * without reading the rows: pages keep their worked-out record states until it does.
   */
  rowsAtWedosVersion(zone: string): string {
    const row = this.db
      .prepare<[{ zone: string }], { owned: number; ownedAt: number | null; noted: number; notedAt: number | null }>(
        `SELECT (SELECT count(*) FROM dns_managed_rows WHERE zone = @zone) AS owned, (SELECT max(recorded_at) FROM dns_managed_rows WHERE zone = @zone) AS ownedAt,
                (SELECT count(*) FROM dns_pending_adds WHERE zone = @zone) AS noted, (SELECT max(max(recorded_at, COALESCE(accepted_at, 0))) FROM dns_pending_adds WHERE zone = @zone) AS notedAt`,
      )
      .get({ zone });
    return `${row?.owned ?? 0}@${row?.ownedAt ?? "-"}+${row?.noted ?? 0}@${row?.notedAt ?? "-"}`;
  }

  /** Replaces the zone's owned rows in one transaction (after an apply). */
  replaceManagedRows(zone: string, rows: readonly ManagedRow[], at: number): void {
    const remove = this.db.prepare("DELETE FROM dns_managed_rows WHERE zone = ?");
    const insert = this.db.prepare(
      `INSERT INTO dns_managed_rows (zone, row_id, name, type, ttl, rdata, origin, recorded_at)
       VALUES (@zone, @rowId, @name, @type, @ttl, @rdata, @origin, @at)`,
    );
    this.db.transaction(() => {
      remove.run(zone);
      for (const row of rows) insert.run({ zone, ...row, at });
    })();
  }

  /**
   * Notes rows an apply is about to add (see dns_pending_adds), before it sends them: WEDOS answers an add without
   * the new row's ID, so the zone's next listing claims them. Noting a row again keeps when it was first noted.
   */
  notePendingAdds(zone: string, rows: readonly PendingAdd[], at: number): void {
    const insert = this.db.prepare(
      `INSERT INTO dns_pending_adds (zone, row_key, recorded_at, name, type, ttl, rdata, seen_up_to) VALUES (@zone, @key, @at, @name, @type, @ttl, @rdata, @seenUpTo)
       ON CONFLICT (zone, row_key) DO UPDATE SET name = excluded.name, type = excluded.type, ttl = excluded.ttl, rdata = excluded.rdata,
         seen_up_to = MIN(COALESCE(seen_up_to, excluded.seen_up_to), excluded.seen_up_to)`,
    );
    this.db.transaction(() => {
      for (const row of rows) insert.run({ zone, at, ...row });
    })();
  }

  /** Rows noted as being added and not yet claimed by a listing; `row` is absent for entries of earlier versions. */
  pendingAdds(zone: string): NotedAdd[] {
    return this.db
      .prepare<
        [string],
        {
          key: string;
          recordedAt: number;
          acceptedAt: number | null;
          seenUpTo: number | null;
          name: string | null;
          type: string | null;
          ttl: number | null;
          rdata: string | null;
        }
      >(
        "SELECT row_key AS key, recorded_at AS recordedAt, accepted_at AS acceptedAt, seen_up_to AS seenUpTo, name, type, ttl, rdata FROM dns_pending_adds WHERE zone = ? ORDER BY row_key",
      )
      .all(zone)
      .map(({ key, recordedAt, acceptedAt, seenUpTo, name, type, ttl, rdata }) => ({
        key,
        recordedAt,
        acceptedAt,
        seenUpTo,
        row: name === null || type === null || ttl === null || rdata === null ? undefined : { name, type, ttl, rdata },
      }));
  }

  /** WEDOS accepted this noted add: the row is at WEDOS, its ID still to be claimed by the next listing. */
  acceptPendingAdd(zone: string, key: string, at: number): void {
    this.db.prepare("UPDATE dns_pending_adds SET accepted_at = ? WHERE zone = ? AND row_key = ?").run(at, zone, key);
  }

  /** A listing settled these noted adds: the rows it found are owned from now on, and the entries are done. */
  resolvePendingAdds(zone: string, claimed: readonly ManagedRow[], settledKeys: readonly string[], at: number): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO dns_managed_rows (zone, row_id, name, type, ttl, rdata, origin, recorded_at)
       VALUES (@zone, @rowId, @name, @type, @ttl, @rdata, @origin, @at)`,
    );
    const remove = this.db.prepare("DELETE FROM dns_pending_adds WHERE zone = ? AND row_key = ?");
    this.db.transaction(() => {
      for (const row of claimed) insert.run({ zone, ...row, at });
      for (const key of settledKeys) remove.run(zone, key);
    })();
  }

  /**
   * What the plugin last knew the zone to hold at WEDOS from its own rows: the managed rows, and the rows WEDOS
   * accepted as added whose IDs the next listing will claim. Pages show sync states from this without asking WEDOS.
   */
  rowsAtWedos(zone: string): Array<Pick<ManagedRow, "name" | "type" | "ttl" | "rdata">> {
    return [
      ...this.managedRows(zone),
      ...this.pendingAdds(zone).flatMap((entry) =>
        entry.row === undefined || entry.acceptedAt === null ? [] : [entry.row],
      ),
    ];
  }

  /** Notes that writes are about to be sent to the zone (kept until a commit). */
  markUncommitted(zone: string, at: number): void {
    this.db
      .prepare("UPDATE dns_zones SET uncommitted_since = COALESCE(uncommitted_since, ?) WHERE name = ?")
      .run(at, zone);
  }

  recordApply(zone: string, result: { at: number; committed: boolean; converged: boolean }): void {
    this.db
      .prepare(
        "UPDATE dns_zones SET last_applied_at = @at, last_commit_at = CASE WHEN @committed THEN @at ELSE last_commit_at END, uncommitted_since = CASE WHEN @committed THEN NULL ELSE uncommitted_since END, converged = @converged, propagated_at = CASE WHEN @committed THEN NULL ELSE propagated_at END WHERE name = @zone",
      )
      .run({ zone, at: result.at, committed: result.committed ? 1 : 0, converged: result.converged ? 1 : 0 });
  }

  recordPropagated(zone: string, at: number): void {
    this.db.prepare("UPDATE dns_zones SET propagated_at = ? WHERE name = ?").run(at, zone);
  }
}
