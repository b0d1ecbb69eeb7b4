import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { selectDriver } from "../../src/store/sqlite/driver.js";
import type { DriverName } from "../../src/store/sqlite/types.js";
import { rewindDatabase } from "../support/rewind-database.js";
import { tempDir } from "../support/temp-dir.js";

const LOADED: DriverName[] = (["native", "builtin"] as const).filter((name) => selectDriver(name).driver !== undefined);

/** A database as version 15 left it: jobs without a domain column (nor the columns later versions add). */
function databaseAtVersion15(file: string, driver: DriverName, payloads: readonly string[]): void {
  const db = openDatabase(file, { driver });
  rewindDatabase(db, 15);
  const insert = db.prepare(
    "INSERT INTO jobs (task, job_key, payload, lane, priority, state, max_attempts, run_at, created_at, updated_at) VALUES ('sync-zone', ?, ?, 'records', 2, 'queued', 12, 0, 0, 0)",
  );
  payloads.forEach((payload, i) => insert.run(`job-${i}`, payload));
  db.close();
}

describe.each(LOADED)("migration 16 through the %s driver", (driver) => {
  it("gives every job the domain its payload names, and none to the others", () => {
    const file = join(tempDir(), "db.sqlite");
    databaseAtVersion15(file, driver, [
      '{"domain":"alice.test"}',
      '{"domain":"Bob.TEST","env":{"a":"1"}}',
      "{}",
      '{"domain":42}',
      "not json",
      '{"force":true,"domain":"carol.test"}',
    ]);
    const db = openDatabase(file, { driver });
    // Migration 16 and every later one ran (the later ones leave jobs alone).
    expect(db.pragma("user_version")).toBe(MIGRATIONS.at(-1)?.version);
    const rows = db
      .prepare<[], { key: string; domain: string | null }>("SELECT job_key AS key, domain FROM jobs ORDER BY id")
      .all();
    expect(rows.map((row) => row.domain)).toEqual(["alice.test", "bob.test", null, null, null, "carol.test"]);
    db.close();
  });
});
