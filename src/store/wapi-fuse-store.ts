import type { Database } from "./database.js";

/** Why a request counts: sent and not answered yet, rejected by WEDOS, or never answered (it may have been rejected). */
export type FuseEntryState = "pending" | "rejected" | "unanswered";
/** automatic: any request the plugin sends; test: an admin's explicit Test connection. */
export type FuseKind = "automatic" | "test";

export interface FuseCounts {
  /** Every request that counts in the window: rejected, unanswered and still pending. */
  counted: number;
  rejected: number;
  pending: number;
}

/**
 * The requests that count toward the rejected-request fuse (table wapi_fuse). Each method is one statement, so
 * processes sharing the database cannot both take the last place: SQLite takes the write lock before the count.
 */
export class WapiFuseStore {
  private readonly reserveStatement;
  private readonly settleStatement;
  private readonly removeStatement;
  private readonly pruneStatement;
  private readonly countStatement;
  private readonly nthStatement;
  private readonly pendingOwnersStatement;
  private readonly abandonStatement;
  private readonly forgetUnknownStatement;

  constructor(db: Database) {
    this.reserveStatement = db.prepare<
      [{ now: number; since: number; cap: number; kind: FuseKind; owner: string }],
      { id: number }
    >(
      `INSERT INTO wapi_fuse (at, state, kind, owner)
       SELECT @now, 'pending', @kind, @owner WHERE (SELECT count(*) FROM wapi_fuse WHERE at > @since) < @cap
       RETURNING id`,
    );
    this.settleStatement = db.prepare<[{ id: number; state: FuseEntryState; code: number | null }]>(
      "UPDATE wapi_fuse SET state = @state, wapi_code = @code WHERE id = @id",
    );
    this.removeStatement = db.prepare<[number]>("DELETE FROM wapi_fuse WHERE id = ?");
    this.pruneStatement = db.prepare<[number]>("DELETE FROM wapi_fuse WHERE at <= ?");
    this.countStatement = db.prepare<[number], { counted: number; rejected: number | null; pending: number | null }>(
      `SELECT count(*) AS counted, sum(state = 'rejected') AS rejected, sum(state = 'pending') AS pending
       FROM wapi_fuse WHERE at > ?`,
    );
    this.pendingOwnersStatement = db.prepare<[], { owner: string }>(
      "SELECT DISTINCT owner FROM wapi_fuse WHERE state = 'pending' AND owner IS NOT NULL",
    );
    this.abandonStatement = db.prepare<[string]>(
      "UPDATE wapi_fuse SET state = 'unanswered' WHERE state = 'pending' AND owner = ?",
    );
    this.forgetUnknownStatement = db.prepare<[number]>("DELETE FROM wapi_fuse WHERE state = 'unanswered' AND id < ?");
    this.nthStatement = db.prepare<[number, number], { at: number }>(
      "SELECT at FROM wapi_fuse WHERE at > ? ORDER BY at, id LIMIT 1 OFFSET ?",
    );
  }

  /** Counts one request about to be sent, unless `cap` requests already count since `since`; its id, or undefined. */
  reserve(now: number, since: number, cap: number, kind: FuseKind, owner: string): number | undefined {
    this.pruneStatement.run(since);
    return this.reserveStatement.get({ now, since, cap, kind, owner })?.id;
  }

  /** The processes that have requests waiting for an answer. */
  pendingOwners(): string[] {
    return this.pendingOwnersStatement.all().map((row) => row.owner);
  }

  /** The process is gone: its requests waiting for an answer will never get one. */
  abandon(owner: string): void {
    this.abandonStatement.run(owner);
  }

  /** A later request was accepted: the unanswered ones before it were not rejections of the settings (see fuse.ts). */
  forgetUnknownBefore(id: number): void {
    this.forgetUnknownStatement.run(id);
  }

  /** The answer is known and counts: rejected, or unanswered. */
  settle(id: number, state: Exclude<FuseEntryState, "pending">, code: number | null): void {
    this.settleStatement.run({ id, state, code });
  }

  /** The request was accepted (or never left this server): it no longer counts. */
  release(id: number): void {
    this.removeStatement.run(id);
  }

  counts(since: number): FuseCounts {
    const row = this.countStatement.get(since);
    return { counted: row?.counted ?? 0, rejected: row?.rejected ?? 0, pending: row?.pending ?? 0 };
  }

  /** When the `index`-th oldest request still counting (0 = the oldest) was counted. */
  nthOldest(since: number, index: number): number | undefined {
    return this.nthStatement.get(since, index)?.at;
  }
}
