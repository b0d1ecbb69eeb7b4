import { chmodSync, linkSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { tempDir } from "../support/temp-dir.js";

const modeOf = (file: string) => statSync(file).mode & 0o7777;

// The data directory belongs to the service account: a link planted there must never make us open or change
// another file (src/store/database-file.ts).
describe("the database file", () => {
  it("is never opened through a link, nor its target's mode changed", () => {
    const dir = tempDir();
    const other = join(dir, "other-file");
    writeFileSync(other, "not a database\n", { mode: 0o644 });
    symlinkSync(other, databaseFileIn(dir));

    expect(() => openDatabase(databaseFileIn(dir))).toThrow(/is a symbolic link, so it was neither opened nor changed/);
    expect([modeOf(other), readFileSync(other, "utf8")]).toEqual([0o644, "not a database\n"]);
  });

  it("is refused when it has another name (a hard link to a file elsewhere)", () => {
    const dir = tempDir();
    const other = join(dir, "other-file");
    writeFileSync(other, "", { mode: 0o644 });
    linkSync(other, databaseFileIn(dir));

    expect(() => openDatabase(databaseFileIn(dir))).toThrow(
      /has 2 names \(hard links\), so it was neither opened nor changed/,
    );
    expect(modeOf(other)).toBe(0o644);
  });

  it("is created private (0600) and made private again when it is not", () => {
    const dir = tempDir();
    openDatabase(databaseFileIn(dir)).close();
    expect(modeOf(databaseFileIn(dir))).toBe(0o600);
    chmodSync(databaseFileIn(dir), 0o644);
    openDatabase(databaseFileIn(dir)).close();
    expect(modeOf(databaseFileIn(dir))).toBe(0o600);
  });
});
