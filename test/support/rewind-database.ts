import type { Database } from "../../src/store/database.js";

/**
 * What each migration since 15 added, taken away again (newest first), so a test can make the database an older
 * version wrote and watch the plugin upgrade it. Migrations that only change data need no entry. A new migration that
 * adds a column, table or index adds its line here.
 */
const UNDO: Readonly<Record<number, string>> = {
  31: "DROP TABLE creator_levels;",
  30: "DROP TABLE notifications; DROP TABLE service_request_events; DROP TABLE service_requests;",
  28: "DROP TABLE spend_limits;",
  27: "DROP TABLE credit_snapshots; DROP TABLE credit_fetches; DROP TABLE credit_movements;",
  26: "DROP TABLE billing_tokens; DROP TABLE billing_api_log;",
  25: "DROP INDEX usage_ledger_by_domain;",
  24: "DROP TABLE offer_lines; DROP TABLE offers;",
  29: `ALTER TABLE protections DROP COLUMN paid_until;
    ALTER TABLE protections DROP COLUMN lapsed_on; ALTER TABLE protections DROP COLUMN template_id;
    ALTER TABLE policies DROP COLUMN plan_choice; ALTER TABLE policies DROP COLUMN protection_template;
    DROP TABLE protection_plan_choices; DROP TABLE wgp_templates;`,
  23: "DROP TABLE usage_ledger; DROP TABLE price_book; DROP TABLE billing_audit;",
  22: "ALTER TABLE jobs DROP COLUMN settled; DROP TABLE adopt_previews;",
  21: "ALTER TABLE jobs DROP COLUMN last_error_code; ALTER TABLE domains DROP COLUMN dns_reason_code;",
  19: "DROP INDEX domains_by_attention; DROP INDEX domains_by_state; DROP INDEX accounts_by_creator;",
  18: "DROP INDEX wapi_calls_by_domain; DROP INDEX jobs_finished_by_task;",
  17: "ALTER TABLE jobs DROP COLUMN progressed_at; ALTER TABLE jobs DROP COLUMN backoff_step;",
  16: "DROP INDEX jobs_by_domain; ALTER TABLE jobs DROP COLUMN domain;",
};

/** Turns a current database back into what version `version` (15 or later) left, and marks it so. */
export function rewindDatabase(db: Database, version: number): void {
  const current = Number(db.pragma("user_version"));
  if (version < 15) throw new Error(`rewindDatabase goes back to version 15 at most, not ${version}`);
  for (let undo = current; undo > version; undo--) {
    const sql = UNDO[undo];
    if (sql !== undefined) db.exec(sql);
  }
  db.pragma(`user_version = ${version}`);
}
