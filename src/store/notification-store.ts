import type { RequestLevel } from "../model/service-request.js";
import type { Database } from "./database.js";

/** Whom a notice is for: one panel account at a level, or (recipient null) every admin. */
export interface Recipient {
  level: RequestLevel;
  recipient: string | null;
}

/** The customer's side of a request: the domain's account (nobody when it has none). */
export function customerSide(username: string | null): Recipient[] {
  return username === null ? [] : [{ level: "user", recipient: username }];
}

/** The provider's side: the account's reseller (when it has one) and every admin, who count as one recipient. */
export function providerSide(reseller: string | null): Recipient[] {
  return [
    ...(reseller === null ? [] : [{ level: "reseller" as const, recipient: reseller }]),
    { level: "admin", recipient: null },
  ];
}

/** What a notice is about; the same for each of its recipients. */
export type NoticeAbout = Omit<NewNotice, keyof Recipient>;

export interface NewNotice extends Recipient {
  /** What happened, as the pages word it: the last part of an i18n key ("adoption-requested"). */
  kind: string;
  domain: string | null;
  requestId: number | null;
}

export interface Notice extends NewNotice {
  id: number;
  createdAt: number;
  readAt: number | null;
  deliveredAt: number | null;
  /** How handing it to the panel's own messages went ("sent", "no message system", the error for the admin). */
  delivery: string | null;
}

interface Row {
  id: number;
  level: RequestLevel;
  recipient: string | null;
  kind: string;
  domain: string | null;
  request_id: number | null;
  created_at: number;
  read_at: number | null;
  delivered_at: number | null;
  delivery: string | null;
}

const noticeOf = (row: Row): Notice => ({
  id: row.id,
  level: row.level,
  recipient: row.recipient,
  kind: row.kind,
  domain: row.domain,
  requestId: row.request_id,
  createdAt: row.created_at,
  readAt: row.read_at,
  deliveredAt: row.delivered_at,
  delivery: row.delivery,
});

/** Notices for an account at a level; at the admin level also those for every admin. */
const RECIPIENT_WHERE = "level = @level AND (recipient = @recipient OR (level = 'admin' AND recipient IS NULL))";

/**
 * Telling whoever must act on a request where they will see it (migration 30, docs/decisions/0052): the plugin's
 * pages read the unread notices; a queued delivery hands each one to the panel's own messages where the panel has
 * them. No e-mail server is assumed. Notices are never deleted: read ones are history.
 */
export class NotificationStore {
  constructor(
    private readonly db: Database,
    /** Called after each notice is written: the composition queues its delivery there (tasks/notice-delivery.ts). */
    private readonly afterNotify: () => void = () => undefined,
  ) {}

  notify(notice: NewNotice, at: number): number {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO notifications (level, recipient, kind, domain, request_id, created_at)
         VALUES (@level, @recipient, @kind, @domain, @requestId, @at)`,
      )
      .run({ ...notice, at });
    this.afterNotify();
    return Number(lastInsertRowid);
  }

  /** One notice about the same thing for each recipient. */
  notifyAll(recipients: readonly Recipient[], about: NoticeAbout, at: number): void {
    for (const recipient of recipients) this.notify({ ...about, ...recipient }, at);
  }

  /** The recipient's unread notices, newest first. */
  unread(recipient: Recipient, limit: number): Notice[] {
    return this.db
      .prepare<[Recipient & { limit: number }], Row>(
        `SELECT * FROM notifications WHERE ${RECIPIENT_WHERE} AND read_at IS NULL ORDER BY id DESC LIMIT @limit`,
      )
      .all({ ...recipient, limit })
      .map(noticeOf);
  }

  unreadCount(recipient: Recipient): number {
    const row = this.db
      .prepare<[Recipient], { n: number }>(
        `SELECT COUNT(*) AS n FROM notifications WHERE ${RECIPIENT_WHERE} AND read_at IS NULL`,
      )
      .get(recipient);
    return row?.n ?? 0;
  }

  /** Marks the recipient's own notices read; another account's ids are left alone. Returns how many changed. */
  markRead(recipient: Recipient, ids: readonly number[], at: number): number {
    let changed = 0;
    const statement = this.db.prepare(
      `UPDATE notifications SET read_at = @at WHERE id = @id AND read_at IS NULL AND ${RECIPIENT_WHERE}`,
    );
    this.db.transaction(() => {
      for (const id of ids) changed += statement.run({ ...recipient, id, at }).changes;
    })();
    return changed;
  }

  /** Notices not yet handed to the panel's messages, oldest first. */
  undelivered(limit: number): Notice[] {
    return this.db
      .prepare<[number], Row>("SELECT * FROM notifications WHERE delivered_at IS NULL ORDER BY id LIMIT ?")
      .all(limit)
      .map(noticeOf);
  }

  markDelivered(id: number, delivery: string, at: number): void {
    this.db
      .prepare("UPDATE notifications SET delivered_at = ?, delivery = ? WHERE id = ? AND delivered_at IS NULL")
      .run(at, delivery, id);
  }
}
