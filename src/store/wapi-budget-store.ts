import type { HourUsage } from "../model/wapi-status.js";
import type { Database } from "./database.js";

/** Per-hour WAPI request counters. Each method is one atomic statement, safe across processes. */
export class WapiBudgetStore {
  private readonly take;
  private readonly addRejected;
  private readonly readHour;
  private readonly readSince;

  constructor(db: Database) {
    // The conditional upsert is the whole reservation: no row is returned when the cap is reached.
    this.take = db.prepare<[{ hourStart: number; cap: number }], { used: number }>(
      `INSERT INTO wapi_budget (hour_start, used) VALUES (@hourStart, 1)
       ON CONFLICT (hour_start) DO UPDATE SET used = used + 1 WHERE used < @cap
       RETURNING used`,
    );
    this.addRejected = db.prepare<[number], { rejected: number }>(
      `INSERT INTO wapi_budget (hour_start, rejected) VALUES (?, 1)
       ON CONFLICT (hour_start) DO UPDATE SET rejected = rejected + 1
       RETURNING rejected`,
    );
    this.readHour = db.prepare<[number], HourUsage>(
      "SELECT hour_start AS hourStart, used, rejected FROM wapi_budget WHERE hour_start = ?",
    );
    this.readSince = db.prepare<[number], HourUsage>(
      "SELECT hour_start AS hourStart, used, rejected FROM wapi_budget WHERE hour_start >= ? ORDER BY hour_start",
    );
  }

  /** Counts one request in the hour unless `cap` requests were already counted; returns the new count or undefined. */
  tryTake(hourStart: number, cap: number): number | undefined {
    return this.take.get({ hourStart, cap })?.used;
  }

  /** Counts one rejected request (WAPI error code) and returns the hour's total. */
  countRejected(hourStart: number): number {
    return this.addRejected.get(hourStart)?.rejected ?? 1;
  }

  hour(hourStart: number): HourUsage {
    return this.readHour.get(hourStart) ?? { hourStart, used: 0, rejected: 0 };
  }

  since(hourStart: number): HourUsage[] {
    return this.readSince.all(hourStart);
  }
}
