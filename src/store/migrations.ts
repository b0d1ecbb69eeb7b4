/**
 * Numbered schema migrations, applied in order inside one transaction each and tracked with `PRAGMA user_version`.
 * Never edit a released migration; add the next number.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: "wapi budget, circuit and call log",
    sql: `
      -- Requests sent to WAPI per clock hour, shared by every process on the host.
      CREATE TABLE wapi_budget (
        hour_start  INTEGER PRIMARY KEY,        -- unix ms of the hour's start (UTC and Prague hours share boundaries)
        used        INTEGER NOT NULL DEFAULT 0, -- requests sent
        rejected    INTEGER NOT NULL DEFAULT 0  -- answers with a WAPI error code; WEDOS bans the IP past 10
      );

      -- One row: whether sending is paused, why, and until when.
      CREATE TABLE wapi_circuit (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        reason        TEXT NOT NULL,            -- credentials | ip-not-allowed | ip-blocked | rate-limited | rejected-fuse
        wapi_code     INTEGER,
        message       TEXT NOT NULL,
        seen_ip       TEXT,
        opened_at     INTEGER NOT NULL,
        retry_at      INTEGER NOT NULL,         -- a single probe may go out after this instant
        strikes       INTEGER NOT NULL,         -- consecutive openings; doubles the cool-down
        fingerprint   TEXT NOT NULL             -- of URL + login + password: a configuration change closes the circuit
      );

      -- Every WAPI request, for the audit log and the budget chart. Never holds secrets.
      CREATE TABLE wapi_calls (
        id           INTEGER PRIMARY KEY,
        at           INTEGER NOT NULL,
        command      TEXT NOT NULL,
        domain       TEXT,
        cl_trid      TEXT NOT NULL,
        lane         TEXT NOT NULL,
        outcome      TEXT NOT NULL,             -- success | retryable | permanent | stop
        wapi_code    INTEGER,
        duration_ms  INTEGER NOT NULL,
        error        TEXT
      );
      CREATE INDEX wapi_calls_at ON wapi_calls (at);
    `,
  },
  {
    version: 2,
    name: "zones and the rows the plugin owns",
    sql: `
      -- Zones the plugin knows at WEDOS.
      CREATE TABLE dns_zones (
        name             TEXT PRIMARY KEY,     -- lower case, punycode, no trailing dot
        mode             TEXT NOT NULL,        -- primary | secondary
        created_by_us    INTEGER NOT NULL,     -- 1 when the plugin created it at WEDOS
        created_at       INTEGER NOT NULL,
        last_applied_at  INTEGER,
        last_commit_at   INTEGER,
        propagated_at    INTEGER,              -- when WEDOS's name servers were seen serving the last commit
        converged        INTEGER               -- 1 when the re-plan after the last apply was empty
      );

      -- Rows at WEDOS the plugin created or an admin adopted: the only rows it may update or delete.
      CREATE TABLE dns_managed_rows (
        zone         TEXT NOT NULL REFERENCES dns_zones (name) ON DELETE CASCADE,
        row_id       TEXT NOT NULL,
        name         TEXT NOT NULL,
        type         TEXT NOT NULL,
        ttl          INTEGER NOT NULL,
        rdata        TEXT NOT NULL,
        origin       TEXT NOT NULL,            -- created | adopted
        recorded_at  INTEGER NOT NULL,
        PRIMARY KEY (zone, row_id)
      );
    `,
  },
  {
    version: 3,
    name: "durable job queue",
    sql: `
      CREATE TABLE jobs (
        id            INTEGER PRIMARY KEY,
        task          TEXT NOT NULL,
        job_key       TEXT,                    -- "<task>:<domain>": repeated events collapse into one queued job
        payload       TEXT NOT NULL,           -- JSON
        lane          TEXT NOT NULL,           -- interactive | lifecycle | records | background
        priority      INTEGER NOT NULL,        -- 0 (interactive) … 3 (background): lower runs first
        state         TEXT NOT NULL,           -- queued | running | done | dead
        attempts      INTEGER NOT NULL DEFAULT 0,
        max_attempts  INTEGER NOT NULL,
        run_at        INTEGER NOT NULL,
        locked_by     TEXT,
        locked_until  INTEGER,                 -- lease: a job held by a killed worker is taken again after this
        last_error    TEXT,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        finished_at   INTEGER
      );
      -- At most one queued job per key (a running one may exist beside it: it may have read stale data).
      CREATE UNIQUE INDEX jobs_one_queued_per_key ON jobs (job_key) WHERE state = 'queued' AND job_key IS NOT NULL;
      CREATE INDEX jobs_ready ON jobs (state, priority, run_at);
    `,
  },
  {
    version: 4,
    name: "panel inventory, package policies, protection, billing, spool bookkeeping, conflicts",
    sql: `
      -- What to do for each hosting package; the row '*' is the default for packages without their own.
      CREATE TABLE policies (
        package            TEXT PRIMARY KEY,
        dns_mode           TEXT NOT NULL,      -- primary | secondary | off
        protection         TEXT NOT NULL,      -- off | start | advanced | expert (WEDOS Global variants)
        protection_period  TEXT NOT NULL,      -- monthly | yearly
        protection_mode    TEXT NOT NULL,      -- ns | cname
        on_suspend         TEXT NOT NULL,      -- keep | withdraw (delete the zone at WEDOS until unsuspended)
        termination        TEXT NOT NULL,      -- delete | keep
        grace_days         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL
      );
      INSERT INTO policies VALUES ('*', 'primary', 'off', 'monthly', 'ns', 'keep', 'delete', 7, 0);

      -- The panel's accounts and domains as the plugin last saw them (from hooks, the import and the reconciler).
      CREATE TABLE accounts (
        username    TEXT PRIMARY KEY,
        package     TEXT,
        ips         TEXT NOT NULL DEFAULT '[]', -- JSON array
        creator     TEXT,
        suspended   INTEGER NOT NULL DEFAULT 0,
        deleted_at  INTEGER,
        updated_at  INTEGER NOT NULL
      );

      CREATE TABLE domains (
        domain             TEXT PRIMARY KEY,
        username           TEXT,
        kind               TEXT NOT NULL,      -- domain | pointer
        target             TEXT,               -- for a pointer: the domain it points to
        state              TEXT NOT NULL,      -- active | suspended | deleted
        delete_after       INTEGER,            -- deleted: removal at WEDOS is due after this (grace period)
        dns_status         TEXT NOT NULL,      -- pending | active | error | off | withdrawn | removed | conflict
        dns_reason         TEXT,
        dns_synced_at      INTEGER,
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL
      );
      CREATE INDEX domains_by_user ON domains (username);

      -- WEDOS Global protection per domain. wgp-domain-create is paid and not idempotent: the row is written
      -- before the order is sent, so a crash never leads to a second order.
      CREATE TABLE protections (
        domain        TEXT PRIMARY KEY,
        variant       TEXT NOT NULL,
        period        TEXT NOT NULL,
        mode          TEXT NOT NULL,
        upstream_ips  TEXT NOT NULL,           -- JSON array
        state         TEXT NOT NULL,           -- ordering | pending | active | error | removed
        cl_trid       TEXT,
        wgp_id        TEXT,
        order_num     TEXT,
        amount        TEXT,
        currency      TEXT,
        reason        TEXT,
        ordered_at    INTEGER,
        activated_at  INTEGER,
        updated_at    INTEGER NOT NULL
      );

      -- What the provider bills from: every price WEDOS reported.
      CREATE TABLE billing_events (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        username   TEXT,
        domain     TEXT NOT NULL,
        kind       TEXT NOT NULL,              -- protection-order | protection-renew
        amount     TEXT,
        currency   TEXT,
        reference  TEXT                        -- WEDOS order number
      );

      -- Spool files already turned into jobs (an event read twice after a crash is not applied twice).
      CREATE TABLE spool_ingested (
        file  TEXT PRIMARY KEY,
        hook  TEXT NOT NULL,
        at    INTEGER NOT NULL
      );

      -- Small pieces of daemon state (when the zone list was last read, the last reconciler report, …).
      CREATE TABLE daemon_state (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,             -- JSON
        updated_at  INTEGER NOT NULL
      );

      -- Objects found at WEDOS that the plugin did not create: never taken over without an admin's decision.
      CREATE TABLE conflicts (
        domain       TEXT NOT NULL,
        kind         TEXT NOT NULL,            -- zone | protection
        detail       TEXT NOT NULL,
        found_at     INTEGER NOT NULL,
        resolution   TEXT,                     -- adopt | ignore
        resolved_at  INTEGER,
        PRIMARY KEY (domain, kind)
      );
    `,
  },
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
  {
    version: 15,
    name: "who a customer's job is for, and each account's and reseller's interactive requests per hour",
    sql: `
      -- Set on jobs a customer (or their reseller) queued from a page: the domain's account and its reseller. The
      -- worker takes such interactive jobs only while their account and reseller have requests left of their share.
      ALTER TABLE jobs ADD COLUMN account TEXT;
      ALTER TABLE jobs ADD COLUMN reseller TEXT;
      -- A customer action's cooldown starts when the last job of its key finished.
      CREATE INDEX jobs_by_key ON jobs (job_key, finished_at);
      -- Interactive requests per clock hour per account and per reseller (the creator of accounts).
      CREATE TABLE wapi_share (
        hour_start  INTEGER NOT NULL,
        kind        TEXT NOT NULL,            -- account | reseller
        name        TEXT NOT NULL,
        used        INTEGER NOT NULL,
        PRIMARY KEY (hour_start, kind, name)
      );
    `,
  },
  {
    version: 16,
    name: "the domain each job concerns",
    sql: `
      -- The domain a job is about, as its own column: pages scope jobs to a tenant by it, and no two jobs of one domain
      -- run at once. Jobs queued before it carry the domain in their payload only.
      ALTER TABLE jobs ADD COLUMN domain TEXT;
      UPDATE jobs SET domain = lower(json_extract(payload, '$.domain'))
        WHERE json_valid(payload) AND json_type(payload, '$.domain') = 'text';
      CREATE INDEX jobs_by_domain ON jobs (domain, state);
    `,
  },
  {
    version: 17,
    name: "when a job's attempt last made progress, and how far its backoff has grown",
    sql: `
      -- Set when an attempt failed after WEDOS accepted some of its writes (a zone half applied): the job's attempts
      -- count again from there, and the worker takes it before new work of its lane (docs/decisions/0033).
      ALTER TABLE jobs ADD COLUMN progressed_at INTEGER;
      -- Failed attempts in a row that found WEDOS failing (no answer, or a rejection): the backoff's exponent.
      ALTER TABLE jobs ADD COLUMN backoff_step INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 18,
    name: "what a finished job cost in WAPI requests, read from the call log",
    sql: `
      -- The estimates count each finished job's requests: the calls about its domain between its queueing and its end.
      CREATE INDEX IF NOT EXISTS wapi_calls_by_domain ON wapi_calls (domain, at);
      -- The latest finished jobs of a task, newest first.
      CREATE INDEX IF NOT EXISTS jobs_finished_by_task ON jobs (task, state, finished_at);
    `,
  },
  {
    version: 19,
    name: "the domain lists' order, groups and resellers' customers",
    sql: `
      -- The lists show problems first, then work in progress, then by name (src/store/domain-listing.ts, ATTENTION:
      -- the expression must stay the same in both places); a page deep in a list of thousands is read in this order.
      CREATE INDEX IF NOT EXISTS domains_by_attention ON domains (
        (CASE WHEN dns_status IN ('error', 'conflict') THEN 0 WHEN dns_status = 'pending' THEN 1 ELSE 2 END), domain);
      -- The filter's counts are read from this index alone.
      CREATE INDEX IF NOT EXISTS domains_by_state ON domains (state, dns_status);
      -- A reseller's list: the accounts they created.
      CREATE INDEX IF NOT EXISTS accounts_by_creator ON accounts (creator);
    `,
  },
  {
    version: 20,
    name: "protection: 'Active since' only while active; a refused cancellation has its own state",
    sql: `
      -- A service that is not active has no "Active since" (removed, failed, or ordered again); the store keeps
      -- this from now on (src/store/protection-store.ts update). States: ordering | pending | active | error |
      -- removed | cancel-failed (src/model/protection-state.ts).
      UPDATE protections SET activated_at = NULL WHERE state <> 'active';
    `,
  },
  {
    version: 21,
    name: "reasons as a code with parameters",
    sql: `
      -- Why a job last failed or ended without work, and why a domain's DNS is as it is, as a code with parameters
      -- (JSON {code, params}, src/model/reason.ts): each page says it in its visitor's language and for their level.
      -- last_error and dns_reason keep the operator's English text (the CLI, the log, the admin's details). Rows
      -- written before have no code: the pages show their text to admins only.
      ALTER TABLE jobs ADD COLUMN last_error_code TEXT;
      ALTER TABLE domains ADD COLUMN dns_reason_code TEXT;
      -- The fixed texts earlier versions wrote are known: they get their codes.
      UPDATE domains SET dns_reason_code = json_object('code', CASE dns_reason
          WHEN 'the hosting package does not include WEDOS DNS' THEN 'package-without-dns'
          WHEN 'an admin chose to leave the zone that already existed at WEDOS alone' THEN 'zone-left-alone'
          WHEN 'WEDOS does not match the panel after the sync; it will be retried' THEN 'not-converged'
          WHEN 'the account is suspended; the zone returns when it is unsuspended' THEN 'withdrawn'
          WHEN 'an admin adopted the zone found at WEDOS; the panel''s records are being applied to it' THEN 'adopting'
          WHEN 'the domain was deleted in the panel; its zone was removed at WEDOS after the grace period' THEN 'removed'
        END, 'params', json_object())
        WHERE dns_reason IN ('the hosting package does not include WEDOS DNS',
          'an admin chose to leave the zone that already existed at WEDOS alone',
          'WEDOS does not match the panel after the sync; it will be retried',
          'the account is suspended; the zone returns when it is unsuspended',
          'an admin adopted the zone found at WEDOS; the panel''s records are being applied to it',
          'the domain was deleted in the panel; its zone was removed at WEDOS after the grace period');
      UPDATE domains SET dns_reason_code = json_object('code', 'records-not-synced', 'params',
          json_object('count', CAST(dns_reason AS INTEGER)))
        WHERE dns_reason GLOB '[0-9]* record(s) not synced; see the domain''s records';
    `,
  },
  {
    version: 22,
    name: "how a failed job was settled, and adopt previews",
    sql: `
      -- Why a failed or queued job ended without being run again: 'recovered' (a later job of the same domain and
      -- kind succeeded), 'dismissed' (an admin put it aside), 'cancelled' (an admin cancelled a scheduled removal).
      -- NULL for jobs that ran to their end, and for the older failures of a key settled by its newest job.
      ALTER TABLE jobs ADD COLUMN settled TEXT;

      -- What adopting a conflict would do, planned (never applied) so an admin sees it before confirming.
      CREATE TABLE adopt_previews (
        domain      TEXT NOT NULL,
        kind        TEXT NOT NULL,            -- zone | protection (the conflict's kind)
        planned_at  INTEGER NOT NULL,
        summary     TEXT,                     -- the plan's PlanSummary as JSON; NULL when adopting changes nothing
        PRIMARY KEY (domain, kind)
      );
    `,
  },
];
