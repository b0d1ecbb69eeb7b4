import type { CircuitReason } from "../model/wapi-status.js";
import type { Database } from "./database.js";

export interface CircuitRow {
  reason: CircuitReason;
  wapiCode: number | null;
  message: string;
  seenIp: string | null;
  openedAt: number;
  retryAt: number;
  strikes: number;
  fingerprint: string;
}

/** The single row that says WAPI sending is paused. No row means requests may be sent. */
export class WapiCircuitStore {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly claim;

  constructor(db: Database) {
    this.select = db.prepare<[], CircuitRow>(
      `SELECT reason, wapi_code AS wapiCode, message, seen_ip AS seenIp, opened_at AS openedAt,
              retry_at AS retryAt, strikes, fingerprint FROM wapi_circuit WHERE id = 1`,
    );
    this.upsert = db.prepare<[CircuitRow]>(
      `INSERT INTO wapi_circuit (id, reason, wapi_code, message, seen_ip, opened_at, retry_at, strikes, fingerprint)
       VALUES (1, @reason, @wapiCode, @message, @seenIp, @openedAt, @retryAt, @strikes, @fingerprint)
       ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, wapi_code = excluded.wapi_code,
         message = excluded.message, seen_ip = excluded.seen_ip, opened_at = excluded.opened_at,
         retry_at = excluded.retry_at, strikes = excluded.strikes, fingerprint = excluded.fingerprint`,
    );
    this.remove = db.prepare("DELETE FROM wapi_circuit WHERE id = 1");
    // Moving retry_at forward claims the single probe request; only one process wins the update.
    this.claim = db.prepare<[{ next: number; expected: number; now: number }]>(
      "UPDATE wapi_circuit SET retry_at = @next WHERE id = 1 AND retry_at = @expected AND retry_at <= @now",
    );
  }

  read(): CircuitRow | undefined {
    return this.select.get();
  }

  write(row: CircuitRow): void {
    this.upsert.run(row);
  }

  clear(): void {
    this.remove.run();
  }

  /** Claims the one probe allowed after a cool-down; true for exactly one caller. */
  claimProbe(expectedRetryAt: number, now: number, nextRetryAt: number): boolean {
    return this.claim.run({ next: nextRetryAt, expected: expectedRetryAt, now }).changes === 1;
  }
}
