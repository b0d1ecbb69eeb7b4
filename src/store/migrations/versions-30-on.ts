import type { Migration } from "./migration.js";

/** Migrations from 30 on; the next one goes at the end of this list. */
export const VERSIONS_FROM_30: readonly Migration[] = [
  {
    version: 30,
    name: "requests a person must act on (adoption, linking, support) and the notices telling them",
    sql: `
      -- One row per request (src/model/service-request.ts): which domain and service, who opened it, its state and
      -- when it expires. Each kind's states and allowed transitions live in that kind's own module; the store only
      -- moves a request from a state it is still in (compare and set). details: the kind's own fields (JSON).
      CREATE TABLE service_requests (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,            -- adoption | link | unlink | support
        domain      TEXT NOT NULL,
        service     TEXT NOT NULL,            -- zone | protection | both
        state       TEXT NOT NULL,
        username    TEXT,                     -- the domain's account when the request was opened
        reseller    TEXT,                     -- that account's creator
        opened_by   TEXT NOT NULL,            -- "user bob", "reseller res", "admin admin", "cli root"
        opened_at   INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        expires_at  INTEGER,
        details     TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX service_requests_by_domain ON service_requests (domain, kind, id);
      CREATE INDEX service_requests_by_state ON service_requests (state, expires_at);
      -- Every transition with who made it and why: append-only, as an audit trail must be.
      CREATE TABLE service_request_events (
        request_id  INTEGER NOT NULL REFERENCES service_requests (id),
        seq         INTEGER NOT NULL,
        at          INTEGER NOT NULL,
        actor       TEXT NOT NULL,
        from_state  TEXT,
        to_state    TEXT NOT NULL,
        note        TEXT,
        PRIMARY KEY (request_id, seq)
      );
      CREATE TRIGGER service_request_events_append_only_update BEFORE UPDATE ON service_request_events
        BEGIN SELECT RAISE(ABORT, 'a request''s history is append-only'); END;
      CREATE TRIGGER service_request_events_append_only_delete BEFORE DELETE ON service_request_events
        BEGIN SELECT RAISE(ABORT, 'a request''s history is append-only'); END;
      -- Who must act is told: one row per recipient (recipient NULL: every admin). delivered_at/delivery: handed to
      -- the panel's own messages, and how that went.
      CREATE TABLE notifications (
        id           INTEGER PRIMARY KEY,
        level        TEXT NOT NULL,           -- user | reseller | admin
        recipient    TEXT,
        kind         TEXT NOT NULL,           -- what happened, as the pages word it (an i18n key's last part)
        domain       TEXT,
        request_id   INTEGER REFERENCES service_requests (id),
        created_at   INTEGER NOT NULL,
        read_at      INTEGER,
        delivered_at INTEGER,
        delivery     TEXT
      );
      CREATE INDEX notifications_by_recipient ON notifications (level, recipient, read_at, id);
      CREATE INDEX notifications_undelivered ON notifications (delivered_at, id);
    `,
  },
  {
    version: 31,
    name: "the panel's level of the accounts that create others (is a creator an admin or a reseller)",
    sql: `
      -- accounts.creator names who created an account; whether that creator is an admin (its own customers) or a
      -- reseller is the panel's answer about the creator (DirectAdmin user.conf usertype, cPanel root or the 'all'
      -- ACL), read by the reconciler and the import. A creator not listed here is taken for a reseller.
      CREATE TABLE creator_levels (
        username    TEXT PRIMARY KEY,
        level       TEXT NOT NULL,           -- admin | reseller | user
        checked_at  INTEGER NOT NULL
      );
    `,
  },
];
