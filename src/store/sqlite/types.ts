/**
 * The project's own small SQLite interface. Every store speaks only this; two drivers implement it (better-sqlite3,
 * "native", and Node's built-in node:sqlite, "builtin"), with the same behaviour: docs/decisions/0009.
 */

/** What a parameter may be bound to (as better-sqlite3 accepts; undefined binds NULL). */
export type SqlParameter = number | bigint | string | Uint8Array | null | undefined;

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** A prepared statement. `P` is the parameter list: positional values, or one object for named (@name) ones. */
export interface Statement<P extends unknown[] = unknown[], R = unknown> {
  run(...params: P): RunResult;
  /** The first row, or undefined when there is none. Rows are plain objects; integers are numbers, blobs Buffers. */
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

// A transaction wraps any function, as better-sqlite3's does.
export type AnyFunction = (...args: never[]) => unknown;

/**
 * A function run inside a transaction: BEGIN (DEFERRED by default) … COMMIT, or a savepoint when called inside
 * another transaction; anything thrown rolls it back and is thrown again.
 */
export interface Transaction<F extends AnyFunction> {
  (...args: Parameters<F>): ReturnType<F>;
  deferred(...args: Parameters<F>): ReturnType<F>;
  immediate(...args: Parameters<F>): ReturnType<F>;
  exclusive(...args: Parameters<F>): ReturnType<F>;
}

export type DriverName = "native" | "builtin";

/** Which driver a database was opened with, in words for doctor and `wedos-panel driver`. */
export interface DriverInfo {
  name: DriverName;
  /** e.g. "better-sqlite3 12.11.1, the package's portable build native/linux-x64/node-abi137" */
  detail: string;
}

export interface Database {
  readonly driver: DriverInfo;
  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): P extends unknown[] ? Statement<P, R> : Statement<[P], R>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): void;
  transaction<F extends AnyFunction>(fn: F): Transaction<F>;
  /** A pragma's first value ("user_version" → 3), or undefined for a pragma that returns nothing ("user_version = 4"). */
  pragma(source: string): unknown;
  /** SQLite's online backup into `destination` (an existing empty file, or none), while others keep writing. */
  backup(destination: string): Promise<void>;
  close(): void;
}
