import type { Migration } from "./migration.js";

/**
 * The first schema (1–4): the WAPI budget, circuit and call log, zones and the rows the plugin owns, the job queue,
 * the panel inventory, package policies and protections.
 */
export const VERSIONS_1_TO_4: readonly Migration[] = [
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
];
