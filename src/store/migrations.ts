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
];
