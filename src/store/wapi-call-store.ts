import type { Database } from "./database.js";

export interface WapiCallRecord {
  at: number;
  command: string;
  domain: string | null;
  clTRID: string;
  lane: string;
  outcome: "success" | "retryable" | "permanent" | "stop";
  wapiCode: number | null;
  durationMs: number;
  error: string | null;
}

/** The audit log of WAPI requests actually sent. Holds no secrets: commands, domains, codes and timings only. */
export class WapiCallStore {
  private readonly insert;
  private readonly recent;

  constructor(db: Database) {
    this.insert = db.prepare<[WapiCallRecord]>(
      `INSERT INTO wapi_calls (at, command, domain, cl_trid, lane, outcome, wapi_code, duration_ms, error)
       VALUES (@at, @command, @domain, @clTRID, @lane, @outcome, @wapiCode, @durationMs, @error)`,
    );
    this.recent = db.prepare<[number], WapiCallRecord>(
      `SELECT at, command, domain, cl_trid AS clTRID, lane, outcome, wapi_code AS wapiCode,
              duration_ms AS durationMs, error FROM wapi_calls ORDER BY id DESC LIMIT ?`,
    );
  }

  record(call: WapiCallRecord): void {
    this.insert.run(call);
  }

  latest(limit: number): WapiCallRecord[] {
    return this.recent.all(limit);
  }
}
