import type { Migration } from "./migration.js";

/** Migrations 15 to 29; new ones go in versions-30-on.ts. */
export const VERSIONS_15_TO_29: readonly Migration[] = [
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
  {
    version: 23,
    name: "billing: the usage ledger, the price book and the billing audit log",
    sql: `
      -- The usage ledger (src/billing/ledger.ts): append-only; a correction is a new row naming the row it corrects.
      -- event_key makes writing the same real event twice (a crash, a retry) a no-op. Amounts are integer minor
      -- units with their currency; day is the provider's calendar day the event took effect (YYYY-MM-DD).
      CREATE TABLE usage_ledger (
        id               INTEGER PRIMARY KEY,
        event_key        TEXT NOT NULL UNIQUE,
        recorded_at      INTEGER NOT NULL,
        day              TEXT NOT NULL,
        event            TEXT NOT NULL,       -- start | stop | suspend | resume | charge | change | correction
        username         TEXT NOT NULL,
        reseller         TEXT,
        domain           TEXT NOT NULL,
        product          TEXT NOT NULL,       -- zone | protection/<plan>/<period>
        offer_id         INTEGER,
        wholesale_minor  INTEGER,
        wholesale_currency TEXT,
        retail_minor     INTEGER,
        retail_currency  TEXT,
        billed_while_suspended INTEGER,      -- start/change: whether the offer bills the service while suspended
        covers_from      TEXT,
        covers_to        TEXT,
        reference        TEXT,
        actor            TEXT NOT NULL,
        corrects         INTEGER REFERENCES usage_ledger (id),
        note             TEXT
      );
      CREATE INDEX usage_ledger_by_day ON usage_ledger (day);
      CREATE INDEX usage_ledger_by_account ON usage_ledger (username, day);
      CREATE INDEX usage_ledger_by_reseller ON usage_ledger (reseller, day);
      CREATE TRIGGER usage_ledger_append_only_update BEFORE UPDATE ON usage_ledger
        BEGIN SELECT RAISE(ABORT, 'the usage ledger is append-only: write a correction instead'); END;
      CREATE TRIGGER usage_ledger_append_only_delete BEFORE DELETE ON usage_ledger
        BEGIN SELECT RAISE(ABORT, 'the usage ledger is append-only: write a correction instead'); END;

      -- What WEDOS charges per product, each price with where it was seen and when (append-only: the newest row of a
      -- product is its price; older rows are its history). source: wedos-order | wedos-renew | wedos-credit | admin.
      CREATE TABLE price_book (
        id           INTEGER PRIMARY KEY,
        product      TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        source       TEXT NOT NULL,
        reference    TEXT,
        seen_at      INTEGER NOT NULL,
        entered_by   TEXT
      );
      CREATE INDEX price_book_by_product ON price_book (product, seen_at);

      -- Every change to prices, offers, limits and billing tokens, with who made it (append-only).
      CREATE TABLE billing_audit (
        id       INTEGER PRIMARY KEY,
        at       INTEGER NOT NULL,
        actor    TEXT NOT NULL,
        action   TEXT NOT NULL,
        subject  TEXT NOT NULL,
        details  TEXT NOT NULL DEFAULT '{}'
      );
      CREATE TRIGGER billing_audit_append_only_update BEFORE UPDATE ON billing_audit
        BEGIN SELECT RAISE(ABORT, 'the billing audit log is append-only'); END;
      CREATE TRIGGER billing_audit_append_only_delete BEFORE DELETE ON billing_audit
        BEGIN SELECT RAISE(ABORT, 'the billing audit log is append-only'); END;
    `,
  },
  {
    version: 24,
    name: "billing: offers and their lines",
    sql: `
      -- Offers (src/billing/offer.ts): draft -> published -> deactivated; a published offer is never edited (clone
      -- it). One published offer per package at a time; package '*' is the default offer. Retail prices are in the
      -- offer's currency (the provider's billing.currency when it was made).
      CREATE TABLE offers (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL,
        package         TEXT NOT NULL,
        currency        TEXT NOT NULL,
        status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'deactivated')),
        cloned_from     INTEGER REFERENCES offers (id),
        created_at      INTEGER NOT NULL,
        created_by      TEXT NOT NULL,
        published_at    INTEGER,
        deactivated_at  INTEGER
      );
      CREATE UNIQUE INDEX offers_one_published_per_package ON offers (package) WHERE status = 'published';

      -- One line per product of an offer: a markup in basis points on the current wholesale price, or a fixed price.
      CREATE TABLE offer_lines (
        offer_id        INTEGER NOT NULL REFERENCES offers (id),
        product         TEXT NOT NULL,
        markup_bp       INTEGER,
        fixed_minor     INTEGER,
        billed_while_suspended INTEGER NOT NULL,
        renewal         TEXT NOT NULL CHECK (renewal IN ('renew', 'lapse')),
        PRIMARY KEY (offer_id, product),
        CHECK ((markup_bp IS NULL) <> (fixed_minor IS NULL))
      );
      -- Only a draft's lines change; the statuses only move forward.
      CREATE TRIGGER offer_lines_frozen_insert BEFORE INSERT ON offer_lines
        WHEN (SELECT status FROM offers WHERE id = NEW.offer_id) <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'only a draft offer can be edited: clone it'); END;
      CREATE TRIGGER offer_lines_frozen_update BEFORE UPDATE ON offer_lines
        WHEN (SELECT status FROM offers WHERE id = OLD.offer_id) <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'only a draft offer can be edited: clone it'); END;
      CREATE TRIGGER offer_lines_frozen_delete BEFORE DELETE ON offer_lines
        WHEN (SELECT status FROM offers WHERE id = OLD.offer_id) <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'only a draft offer can be edited: clone it'); END;
      CREATE TRIGGER offers_frozen BEFORE UPDATE ON offers
        WHEN OLD.status <> 'draft' AND (NEW.name <> OLD.name OR NEW.package <> OLD.package
          OR NEW.currency <> OLD.currency OR NOT (OLD.status = 'published' AND NEW.status = 'deactivated'))
        BEGIN SELECT RAISE(ABORT, 'a published offer is never edited: clone it'); END;
      CREATE TRIGGER offers_never_deleted BEFORE DELETE ON offers WHEN OLD.status <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'an offer that was published is kept: deactivate it'); END;
    `,
  },
  {
    version: 25,
    name: "billing: the usage ledger read per domain (what is running for a domain decides what an event writes)",
    sql: `
      CREATE INDEX usage_ledger_by_domain ON usage_ledger (domain, id);
    `,
  },
  {
    version: 26,
    name: "billing: tokens of the statements pull API and the log of their use",
    sql: `
      -- Tokens a billing system pulls statements with (GET /api/billing/v1/statements). Only the SHA-256 of a token
      -- is kept; the token itself is shown once when made. scope_reseller NULL: every reseller's statements.
      CREATE TABLE billing_tokens (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL,
        token_sha256   TEXT NOT NULL UNIQUE,
        hint           TEXT NOT NULL,       -- the token's first characters, to tell tokens apart in lists and logs
        scope_reseller TEXT,
        created_at     INTEGER NOT NULL,
        created_by     TEXT NOT NULL,
        revoked_at     INTEGER,
        revoked_by     TEXT,
        last_used_at   INTEGER
      );

      -- Every request to the pull API, good or refused, without the token: which token (if one matched), what was
      -- asked, the HTTP status and what was answered. The newest 10,000 rows are kept (store/billing-token-store.ts).
      CREATE TABLE billing_api_log (
        id        INTEGER PRIMARY KEY,
        at        INTEGER NOT NULL,
        token_id  INTEGER REFERENCES billing_tokens (id),
        remote    TEXT NOT NULL,
        request   TEXT NOT NULL,
        status    INTEGER NOT NULL,
        outcome   TEXT NOT NULL
      );
      CREATE INDEX billing_api_log_by_at ON billing_api_log (at);
    `,
  },
  {
    version: 27,
    name: "billing: the WEDOS credit balance and the credit movements fetched for reconciliation",
    sql: `
      -- Each balance read with credit-info (src/store/credit-store.ts): the newest is shown with its age.
      -- trigger: schedule | order | admin.
      CREATE TABLE credit_snapshots (
        id            INTEGER PRIMARY KEY,
        at            INTEGER NOT NULL,
        balance_minor INTEGER NOT NULL,
        currency      TEXT NOT NULL,
        trigger       TEXT NOT NULL
      );
      CREATE INDEX credit_snapshots_by_at ON credit_snapshots (at);

      -- Months whose movements were asked for (by the schedule, the page or the CLI) and when they were fetched:
      -- one fetch job takes every month asked for and not yet fetched, one account-list request each.
      CREATE TABLE credit_fetches (
        month         TEXT PRIMARY KEY,       -- YYYY-MM
        requested_at  INTEGER NOT NULL,
        requested_by  TEXT NOT NULL,
        fetched_at    INTEGER,                -- NULL until fetched (again, after a new request)
        movements     INTEGER
      );

      -- The movements account-list reported for a month, replaced as a whole by each fetch; in WEDOS's order.
      CREATE TABLE credit_movements (
        month         TEXT NOT NULL,
        seq           INTEGER NOT NULL,
        at_text       TEXT,                   -- WEDOS's date-time text as given
        day           TEXT,                   -- YYYY-MM-DD of at_text; NULL when unreadable
        amount_minor  INTEGER,                -- negative: taken from the credit; NULL when unreadable
        currency      TEXT,
        description   TEXT NOT NULL,
        order_num     TEXT,
        fields        TEXT NOT NULL,          -- the item as WEDOS sent it (JSON)
        PRIMARY KEY (month, seq)
      );
    `,
  },
  {
    version: 28,
    name: "billing: spending limits per customer and per reseller",
    sql: `
      -- A monthly ceiling on what a customer (scope customer) or all of a reseller's customers (scope reseller) would
      -- be billed, retail, in the bills' currency (src/billing/limits.ts, docs/decisions/0049). One row per scope and
      -- name; no row: no limit. Every change is also written to billing_audit with who made it.
      CREATE TABLE spend_limits (
        scope        TEXT NOT NULL,           -- customer | reseller
        name         TEXT NOT NULL,           -- the panel username
        amount_minor INTEGER NOT NULL,
        currency     TEXT NOT NULL,
        set_by       TEXT NOT NULL,
        set_at       INTEGER NOT NULL,
        PRIMARY KEY (scope, name)
      );
    `,
  },
  {
    version: 29,
    name: "protection plans as products: paid-until, plan choices, templates",
    sql: `
      -- The first day a protection service is no longer paid for (its period's end, like WEDOS's expiry), set from
      -- the activation day plus the period and moved on by each renewal.
      ALTER TABLE protections ADD COLUMN paid_until TEXT;
      -- A package's plan settings: whether the customer chooses the plan (fixed | customer) and its template.
      ALTER TABLE policies ADD COLUMN plan_choice TEXT NOT NULL DEFAULT 'fixed';
      ALTER TABLE policies ADD COLUMN protection_template TEXT NOT NULL DEFAULT '';
      -- The paid_until of a service that lapsed under its offer: it is not ordered again unless a person asks.
      ALTER TABLE protections ADD COLUMN lapsed_on TEXT;
      -- The provider's WEDOS Global template (a WGP_ID) applied to the service, at its order or by replication.
      ALTER TABLE protections ADD COLUMN template_id TEXT;
      -- The plan and period a customer chose on the domain's page (the latest choice counts); state: waiting |
      -- done | refused, with the reason a refusal is shown by.
      CREATE TABLE protection_plan_choices (
        domain      TEXT PRIMARY KEY,
        variant     TEXT NOT NULL,
        period      TEXT NOT NULL,
        chosen_by   TEXT NOT NULL,
        chosen_at   INTEGER NOT NULL,
        state       TEXT NOT NULL DEFAULT 'waiting',
        reason      TEXT
      );
      -- The account's WEDOS Global templates as wgp-domain-templates-list last answered (fetched by a queued job,
      -- never on a page view).
      CREATE TABLE wgp_templates (
        template_id TEXT PRIMARY KEY,
        domain      TEXT NOT NULL,
        fetched_at  INTEGER NOT NULL
      );
    `,
  },
];
