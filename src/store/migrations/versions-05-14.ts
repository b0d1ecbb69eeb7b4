import type { Migration } from "./migration.js";

/** Migrations 5–14: rows in flight, zone quotas, protection choices, delegation, drift, cluster zones, the fuse. */
export const VERSIONS_5_TO_14: readonly Migration[] = [
  {
    version: 5,
    name: "rows being added, so a crash between the add and the re-list does not orphan them",
    sql: `
      -- Written before the adds of an apply are sent, cleared once the re-list recorded their IDs: after a crash,
      -- rows at WEDOS matching an entry are recognised as the plugin's own instead of as someone else's.
      CREATE TABLE dns_pending_adds (
        zone         TEXT NOT NULL,
        row_key      TEXT NOT NULL,           -- name, type and canonical rdata
        recorded_at  INTEGER NOT NULL,
        PRIMARY KEY (zone, row_key)
      );
    `,
  },
  {
    version: 6,
    name: "per-package quota of WEDOS DNS zones",
    sql: `
      -- How many domains (with pointers) of one account may have a WEDOS zone; 0 means no limit.
      ALTER TABLE policies ADD COLUMN zone_quota INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 7,
    name: "changes sent to WEDOS but not yet committed",
    sql: `
      -- Set before an apply's first write, cleared by its commit: an apply cut short before committing is finished
      -- by the next sync even when its plan is otherwise empty (WEDOS would only autocommit 5 minutes later).
      ALTER TABLE dns_zones ADD COLUMN uncommitted_since INTEGER;
    `,
  },
  {
    version: 8,
    name: "protection the customer may switch on and off",
    sql: `
      -- fixed | opt-out | opt-in: whether the customer may switch the package's protection on and off.
      ALTER TABLE policies ADD COLUMN protection_choice TEXT NOT NULL DEFAULT 'fixed';

      -- The latest choice made on a domain's page (only where the package lets the customer choose).
      CREATE TABLE protection_choices (
        domain      TEXT PRIMARY KEY,
        wanted      INTEGER NOT NULL,         -- 1 on, 0 off
        chosen_by   TEXT NOT NULL,            -- the DirectAdmin account that clicked
        chosen_at   INTEGER NOT NULL
      );
      -- billing_events.kind gains protection-cancel: a service switched off on a domain's page.
    `,
  },
  {
    version: 9,
    name: "whether each domain's delegation to WEDOS's name servers is seen in DNS",
    sql: `
      -- The background delegation check (DNS queries, no WAPI): the last answer and when to ask again.
      CREATE TABLE delegation_checks (
        domain         TEXT PRIMARY KEY,
        status         TEXT NOT NULL,          -- seen | partial | elsewhere | unregistered | unanswered
        nameservers    TEXT NOT NULL,          -- JSON array, as DNS gave them
        detail         TEXT,
        checked_at     INTEGER NOT NULL,
        seen_at        INTEGER,                -- first check that saw it, kept while it stays seen
        misses         INTEGER NOT NULL,       -- checks in a row that did not see it (spaces the next one out)
        next_check_at  INTEGER NOT NULL
      );
      CREATE INDEX delegation_checks_due ON delegation_checks (next_check_at);
    `,
  },
  {
    version: 10,
    name: "what the latest plan of each zone found (the admin's drift preview)",
    sql: `
      -- Written by every plan of a zone (the reconciler's drift check, a sync, an admin's apply): whether WEDOS
      -- differs from the panel, the plan's summary as a preview, and why an apply was refused.
      CREATE TABLE zone_drift (
        domain      TEXT PRIMARY KEY,
        checked_at  INTEGER NOT NULL,
        drifted     INTEGER NOT NULL,         -- 1 when the plan has work
        summary     TEXT,                     -- JSON (sync/plan.ts PlanSummary) while drifted
        refused     TEXT                      -- the safety threshold's reason, when an apply was refused
      );
      CREATE INDEX zone_drift_drifted ON zone_drift (drifted);
    `,
  },
  {
    version: 11,
    name: "zones pushed by another server of a DirectAdmin cluster",
    sql: `
      -- panel: a domain of a local account (hooks, import, reconciler); cluster: a zone another server of a
      -- DirectAdmin multi-server cluster pushed here, kept only when this server provisions cluster zones. A
      -- cluster zone has no local owner, and only its own deletion (pushed too) removes it.
      ALTER TABLE domains ADD COLUMN origin TEXT NOT NULL DEFAULT 'panel';
    `,
  },
  {
    version: 12,
    name: "a zone whose creation was sent but not confirmed",
    sql: `
      -- Set when the plugin noted a zone as its own just before asking WEDOS to create it; cleared once WEDOS
      -- answered, or a listing showed the zone. While set, nobody knows whether the zone exists: it is looked up in
      -- dns-domains-list (which never fails) rather than opened (which fails, and counts toward the IP block, when
      -- the zone is not there — after a crash between the note and the request).
      ALTER TABLE dns_zones ADD COLUMN creating_since INTEGER;
    `,
  },
  {
    version: 13,
    name: "the rejected-request fuse",
    sql: `
      -- Requests WEDOS rejected, and requests whose answer is not known (yet), in the last hour: the fuse counts
      -- them before each request is sent (src/wapi/fuse.ts, docs/decisions/0014), so no process, restart or
      -- change of settings can send the request that gets this server's IP address blocked.
      CREATE TABLE wapi_fuse (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,   -- unix ms the request was counted, just before it was sent
        state      TEXT NOT NULL,      -- pending (no answer yet) | rejected | unanswered (may have been rejected)
        kind       TEXT NOT NULL,      -- automatic | test (an admin's explicit Test connection)
        owner      TEXT,               -- host:pid of the process that sent it (a pending request of a dead one is unanswered)
        wapi_code  INTEGER
      );
      CREATE INDEX wapi_fuse_at ON wapi_fuse (at);
    `,
  },
  {
    version: 14,
    name: "rows added and not yet listed, with what they hold",
    sql: `
      -- An apply no longer lists the zone again to learn its new rows' IDs: they stay noted until the zone's next
      -- listing claims them (docs/decisions/0016). What they hold lets pages show them as synced meanwhile; entries
      -- noted by earlier versions have none and are claimed by row_key alone.
      ALTER TABLE dns_pending_adds ADD COLUMN name TEXT;
      ALTER TABLE dns_pending_adds ADD COLUMN type TEXT;
      ALTER TABLE dns_pending_adds ADD COLUMN ttl INTEGER;
      ALTER TABLE dns_pending_adds ADD COLUMN rdata TEXT;
      -- The highest row ID in the listing the apply planned from (NULL: not all numeric): a row of the same name and
      -- type with a higher ID appeared after that listing, so it may be the added row changed at WEDOS meanwhile.
      ALTER TABLE dns_pending_adds ADD COLUMN seen_up_to INTEGER;
      -- When WEDOS accepted the add (NULL: not sent yet, or its answer never came): only accepted rows count as at WEDOS
      -- on the pages until the listing claims them.
      ALTER TABLE dns_pending_adds ADD COLUMN accepted_at INTEGER;
    `,
  },
];
