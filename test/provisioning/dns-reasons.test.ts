import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeReason } from "../../src/model/reason.js";
import { DNS_REASONS } from "../../src/provisioning/dns-reasons.js";
import { openDatabase } from "../../src/store/database.js";
import { rewindDatabase } from "../support/rewind-database.js";
import { tempDir } from "../support/temp-dir.js";

/** A database as version 20 left it, with `reasons` as domains' free-text reasons (no code column yet). */
function databaseBeforeCodes(file: string, reasons: ReadonlyArray<string | null>): void {
  const db = openDatabase(file);
  rewindDatabase(db, 20);
  const insert = db.prepare(
    "INSERT INTO domains (domain, kind, state, dns_status, dns_reason, created_at, updated_at) VALUES (?, 'domain', 'active', 'off', ?, 0, 0)",
  );
  reasons.forEach((text, i) => insert.run(`d${i}.test`, text));
  db.close();
}

describe("the tasks' fixed DNS reasons", () => {
  it("carry a code, and rows stored before codes existed get theirs from their text (migration 21)", () => {
    const fixed = Object.values(DNS_REASONS).map((make) => make(12));
    const file = join(tempDir(), "db.sqlite");
    const other = 'WAPI dns-domain-add: WEDOS refused the request (code 2322 "Maximum number of DNS domains exceeded")';
    databaseBeforeCodes(file, [...fixed.map((each) => each.detail), other, null]);
    const db = openDatabase(file);
    const rows = db
      .prepare<[], { code: string | null; text: string | null }>(
        "SELECT dns_reason_code AS code, dns_reason AS text FROM domains ORDER BY rowid",
      )
      .all();
    db.close();
    expect(rows.map((row) => decodeReason(row.code, row.text))).toEqual([
      ...fixed,
      // A text with details of its own stays what it was: an admin reads it, nobody else.
      { code: "unrecorded", params: {}, detail: other },
      undefined,
    ]);
    expect(fixed.find((each) => each.code === "records-not-synced")?.params).toEqual({ count: 12 });
  });
});
