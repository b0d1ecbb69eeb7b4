import type { RawConnection } from "./connection.js";
import type { DriverCandidate } from "./driver.js";
import { bindArguments, scanParameters } from "./parameters.js";

/** The part of node:sqlite (Node.js ≥ 22.13) this driver uses; @types/node 20 does not describe it. */
interface NodeSqlite {
  DatabaseSync: new (path: string) => {
    prepare(sql: string): NodeStatement;
    exec(sql: string): void;
    close(): void;
  };
  /** SQLite's online backup (Node.js 22.16 / 23.8 and newer). */
  backup?: (source: InstanceType<NodeSqlite["DatabaseSync"]>, destination: string) => Promise<number>;
}
interface NodeStatement {
  setReadBigInts(enabled: boolean): void;
  run(...args: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...args: unknown[]): Record<string, unknown> | undefined;
  all(...args: unknown[]): Array<Record<string, unknown>>;
}

/** Node's built-in SQLite: no native addon to load, so it works wherever Node.js has it. */
export const builtinCandidate: DriverCandidate = {
  name: "builtin",
  route: "Node.js's built-in node:sqlite",
  load() {
    const sqlite = loadNodeSqlite();
    if (sqlite === undefined)
      return { absent: `Node.js ${process.version} has no node:sqlite (it needs Node.js 22.13 or newer)` };
    if (!keepsTextWhole(sqlite))
      return {
        absent: `Node.js ${process.version}'s node:sqlite cuts text at a NUL character, which the plugin's keys contain (Node.js 24 reads it whole)`,
      };
    return {
      detail: `node:sqlite of Node.js ${process.version}`,
      open: (path: string) => openBuiltin(sqlite, new sqlite.DatabaseSync(path)),
    };
  },
};

/**
 * node:sqlite, or undefined where this Node.js has none (before 22.13 it needs a flag). Node 22 announces it with an
 * ExperimentalWarning on stderr, which would land in every hook's and command's output: that one warning is dropped.
 */
function loadNodeSqlite(): NodeSqlite | undefined {
  const getBuiltinModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (getBuiltinModule === undefined) return undefined;
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return getBuiltinModule.call(process, "node:sqlite") as NodeSqlite | undefined;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Node 22's node:sqlite reads TEXT as a C string, ending it at the first NUL; the stores keep NUL-separated keys. */
function keepsTextWhole(sqlite: NodeSqlite): boolean {
  const db = new sqlite.DatabaseSync(":memory:");
  try {
    return db.prepare("SELECT 'a' || char(0) || 'b' AS text").get()?.text === "a\u0000b";
  } finally {
    db.close();
  }
}

function openBuiltin(sqlite: NodeSqlite, db: InstanceType<NodeSqlite["DatabaseSync"]>): RawConnection {
  const connection: RawConnection = {
    prepare(sql) {
      const shape = scanParameters(sql);
      const statement = db.prepare(sql);
      statement.setReadBigInts(true); // every integer as a BigInt, then a number: as lossy as better-sqlite3, never an error
      return {
        run: (params) => {
          const result = statement.run(...bindArguments(shape, params));
          return { changes: Number(result.changes), lastInsertRowid: Number(result.lastInsertRowid) };
        },
        get: (params) => {
          const row = statement.get(...bindArguments(shape, params));
          return row === undefined ? undefined : plainRow(row);
        },
        all: (params) => statement.all(...bindArguments(shape, params)).map(plainRow),
      };
    },
    exec: (sql) => db.exec(sql),
    pragma(source) {
      const row = connection.prepare(`PRAGMA ${source}`).get([]) as Record<string, unknown> | undefined;
      return row === undefined ? undefined : Object.values(row)[0];
    },
    async backup(destination) {
      if (sqlite.backup === undefined)
        throw new Error(
          `Node.js ${process.version}'s node:sqlite has no online backup; run wedos-panel with Node.js 24, or with the native driver`,
        );
      await sqlite.backup(db, destination);
    },
    close: () => db.close(),
  };
  return connection;
}

/** A row as better-sqlite3 gives it: a plain object (node:sqlite's have no prototype), numbers, Buffers. */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const value = row[key];
    plain[key] =
      typeof value === "bigint"
        ? Number(value)
        : value instanceof Uint8Array
          ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
          : value;
  }
  return plain;
}
