import type { Database } from "./database.js";

/** The jobs a pause of sending put off (the worker requeues them for the pause's end, attempt given back). */
export class PausedJobStore {
  private readonly release;

  constructor(db: Database) {
    this.release = db.prepare<[{ until: number; now: number }]>(
      "UPDATE jobs SET run_at = @now, updated_at = @now WHERE state = 'queued' AND run_at = @until",
    );
  }

  /** Makes the jobs put off until `until` (a pause's end) due at `now`; returns how many. */
  dueNow(until: number, now: number): number {
    return this.release.run({ until, now }).changes;
  }
}
