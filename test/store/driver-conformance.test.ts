import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { selectDriver } from "../../src/store/sqlite/driver.js";
import type { DriverName } from "../../src/store/sqlite/types.js";
import { tempDir } from "../support/temp-dir.js";

// The same behaviour through both drivers (docs/decisions/0009). `npm test` runs this with the Node.js on PATH;
// `npm run test:matrix` runs it again under Node.js 22 and 24 with the built-in driver forced.
const LOADED: DriverName[] = (["native", "builtin"] as const).filter((name) => selectDriver(name).driver !== undefined);
const LATEST = MIGRATIONS.at(-1)?.version;

/** Whether this Node.js has node:sqlite, and whether it reads text with a NUL character whole (Node 22 does not). */
function nodeSqlite(): { present: boolean; keepsNul: boolean } {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const sqlite = getBuiltinModule?.call(process, "node:sqlite") as
    | { DatabaseSync: new (path: string) => { prepare(sql: string): { get(): { t?: unknown } }; close(): void } }
    | undefined;
  if (sqlite === undefined) return { present: false, keepsNul: false };
  const db = new sqlite.DatabaseSync(":memory:");
  const keepsNul = db.prepare("SELECT 'x' || char(0) || 'y' AS t").get().t === "x\u0000y";
  db.close();
  return { present: true, keepsNul };
}

describe("driver selection", () => {
  it("loads node:sqlite exactly where this Node.js has it whole, and otherwise says why not", () => {
    const selection = selectDriver("builtin");
    const { present, keepsNul } = nodeSqlite();
    expect(selection.driver !== undefined).toBe(present && keepsNul);
    if (!present) expect(selection.attempts[0]?.outcome).toContain("needs Node.js 22.13 or newer");
    else if (!keepsNul) expect(selection.attempts[0]?.outcome).toContain("cuts text at a NUL character");
    else expect(selection.driver?.info.detail).toBe(`node:sqlite of Node.js ${process.version}`);
  });

  it("opens with the driver WEDOS_PANEL_SQLITE_DRIVER forces, and with auto's first loadable driver otherwise", () => {
    const forced = process.env.WEDOS_PANEL_SQLITE_DRIVER;
    const db = openDatabase(":memory:");
    try {
      const expected = forced === undefined || forced === "auto" ? selectDriver("auto").driver?.info.name : forced;
      expect(db.driver.name).toBe(expected);
    } finally {
      db.close();
    }
  });
});

describe.each(LOADED)("the %s driver", (driver) => {
  const open = (path = ":memory:") => openDatabase(path, { driver });
  const withDb = (work: (db: Database) => void, path?: string) => {
    const db = open(path);
    try {
      work(db);
    } finally {
      db.close();
    }
  };

  it("opens a file in WAL mode with a 5 s busy timeout, foreign keys on and the schema migrated", () => {
    const file = join(tempDir(), "data", "wedos-panel.sqlite");
    withDb((db) => {
      expect(db.driver.name).toBe(driver);
      expect(db.pragma("journal_mode")).toBe("wal");
      expect(db.pragma("busy_timeout")).toBe(5000);
      expect(db.pragma("foreign_keys")).toBe(1);
      expect(db.pragma("user_version")).toBe(LATEST);
      expect(() =>
        db
          .prepare(
            "INSERT INTO dns_managed_rows (zone, row_id, name, type, ttl, rdata, origin, recorded_at) VALUES ('absent.test', '1', '@', 'A', 300, '192.0.2.1', 'created', 0)",
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    }, file);
    expect(existsSync(`${file}-wal`) || existsSync(file)).toBe(true);
    withDb((db) => expect(db.pragma("user_version")).toBe(LATEST), file); // opened again: nothing to migrate
  });

  it("refuses a database whose schema is newer than this version knows", () => {
    const file = join(tempDir(), "wedos-panel.sqlite");
    withDb((db) => db.pragma(`user_version = ${(LATEST ?? 0) + 1}`), file);
    expect(() => open(file)).toThrow(/newer than this wedos-panel/);
  });

  it("binds positional and named values, ignores extra named keys and reports changes and the last row id", () => {
    withDb((db) => {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)");
      expect(db.prepare("INSERT INTO t (a, b) VALUES (?, ?)").run(1, "x")).toEqual({ changes: 1, lastInsertRowid: 1 });
      expect(db.prepare("INSERT INTO t (a, b) VALUES (@a, @b)").run({ a: 2, b: "y", unused: true })).toEqual({
        changes: 1,
        lastInsertRowid: 2,
      });
      expect(db.prepare("INSERT INTO t (a, b) VALUES (:a, $b)").run({ a: 3, b: "it's" })).toEqual({
        changes: 1,
        lastInsertRowid: 3,
      });
      expect(db.prepare("UPDATE t SET b = 'z' WHERE a >= ?").run(2).changes).toBe(2);
      expect(
        db
          .prepare<[string], { n: number }>("SELECT count(*) AS n FROM t WHERE b = ? -- a comment with ? and @name")
          .get("z"),
      ).toEqual({ n: 2 });
      // An object of named values for a statement that names none binds nothing, beside positional values or alone.
      const count = db.prepare<[Record<string, string>], { n: number }>("SELECT count(*) AS n FROM t");
      expect(count.get({})).toEqual({ n: 3 });
      expect(db.prepare<[number, object], { n: number }>("SELECT count(*) AS n FROM t WHERE a > ?").get(1, {})).toEqual(
        {
          n: 2,
        },
      );
    });
  });

  it("refuses what better-sqlite3 refuses: missing named values, too few or too many values, booleans, two statements", () => {
    withDb((db) => {
      db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
      expect(() => db.prepare("INSERT INTO t VALUES (@a, @b)").run({ a: 1 })).toThrow(/Missing named parameter "b"/);
      expect(() => db.prepare("INSERT INTO t VALUES (?, ?)").run(1)).toThrow(/Too few parameter values/);
      expect(() => db.prepare("INSERT INTO t VALUES (?, ?)").run(1, "x", 3)).toThrow(/Too many parameter values/);
      expect(() => db.prepare("INSERT INTO t VALUES (?, ?)").run(true, "x")).toThrow(
        /can only bind numbers, strings, bigints, buffers, and null/,
      );
      expect(() => db.prepare("SELECT 1; SELECT 2")).toThrow(/more than one statement/);
      expect(db.prepare<[], { n: number }>("SELECT count(*) AS n FROM t").get()).toEqual({ n: 0 });
    });
  });

  it("gives rows as plain objects: integers as numbers, NULL as null, text whole, blobs as Buffers, no row as undefined", () => {
    withDb((db) => {
      db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT, b BLOB)");
      db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)").run(
        2 ** 53 - 1,
        1.5,
        "te\u0000xt",
        undefined,
        Buffer.from([0, 255]),
      );
      db.prepare("INSERT INTO t (i) VALUES (?)").run(2n ** 60n);
      const rows = db.prepare<[], Record<string, unknown>>("SELECT * FROM t ORDER BY rowid").all();
      expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
      expect(rows[0]).toEqual({ i: 2 ** 53 - 1, r: 1.5, s: "te\u0000xt", n: null, b: Buffer.from([0, 255]) });
      expect(Buffer.isBuffer(rows[0]?.b)).toBe(true);
      expect(rows[1]?.i).toBe(Number(2n ** 60n)); // past 2^53 an integer is rounded, never an error
      expect(db.prepare("SELECT * FROM t WHERE i = -1").get()).toBeUndefined();
      expect(db.prepare("SELECT * FROM t WHERE i = -1").all()).toEqual([]);
      expect(db.prepare<[number], { i: number }>("INSERT INTO t (i) VALUES (?) RETURNING i").get(7)).toEqual({ i: 7 });
    });
  });

  it("commits a transaction, rolls back one that throws and throws again, and rolls back only the inner of two", () => {
    withDb((db) => {
      db.exec("CREATE TABLE t (a INTEGER)");
      const insert = db.prepare("INSERT INTO t VALUES (?)");
      const count = () => (db.prepare<[], { n: number }>("SELECT count(*) AS n FROM t").get() as { n: number }).n;
      expect(db.transaction((a: number) => insert.run(a).changes)(1)).toBe(1);
      expect(() =>
        db.transaction(() => {
          insert.run(2);
          throw new Error("boom");
        })(),
      ).toThrow("boom");
      expect(count()).toBe(1);
      db.transaction(() => {
        insert.run(3);
        expect(() =>
          db
            .transaction(() => {
              insert.run(4);
              throw new Error("inner");
            })
            .immediate(),
        ).toThrow("inner");
        insert.run(5);
      })();
      expect(
        db
          .prepare<[], { a: number }>("SELECT a FROM t ORDER BY a")
          .all()
          .map((row) => row.a),
      ).toEqual([1, 3, 5]);
      expect(() => db.transaction(async () => insert.run(6))()).toThrow(/cannot return a promise/);
      expect(count()).toBe(3);
    });
  });

  it("takes the write lock at the start of an immediate transaction, and not before a write in a deferred one", () => {
    const file = join(tempDir(), "wedos-panel.sqlite");
    withDb((first) => {
      withDb((second) => {
        second.pragma("busy_timeout = 0");
        const write = () =>
          second.prepare("INSERT INTO daemon_state (key, value, updated_at) VALUES ('k', 'v', 0)").run();
        first.transaction(() => expect(write).not.toThrow()).deferred();
        second.prepare("DELETE FROM daemon_state").run();
        first.transaction(() => expect(write).toThrow(/locked|busy/i)).immediate();
        first.transaction(() => expect(write).toThrow(/locked|busy/i)).exclusive();
      }, file);
    }, file);
  });
});
