import { damagedDatabase, guardDamage, isDamage } from "./damage.js";
import type { AnyFunction, Database, DriverInfo, RunResult, Statement, Transaction } from "./types.js";

/** What each driver provides: statements taking their parameters as one list, and plain SQL. */
export interface RawStatement {
  run(params: unknown[]): RunResult;
  get(params: unknown[]): unknown;
  all(params: unknown[]): unknown[];
}

export interface RawConnection {
  prepare(sql: string): RawStatement;
  exec(sql: string): void;
  /** A pragma's first value, or undefined when it returns no row. */
  pragma(source: string): unknown;
  /** SQLite's online backup of the open database into `destination` (an existing empty file, or none). */
  backup(destination: string): Promise<void>;
  close(): void;
}

type Mode = "DEFERRED" | "IMMEDIATE" | "EXCLUSIVE";

/**
 * The `Database` every store uses, over either driver's raw connection. Transactions and pragmas are written once
 * here, so they behave the same through both drivers: BEGIN … COMMIT outside a transaction, a savepoint inside
 * one, and a rollback of exactly that level when the function throws. SQLite's damage errors become one sentence
 * naming the file and what to do (docs/decisions/0028-damaged-databases-backup-and-restore.md).
 */
export class SqliteDatabase implements Database {
  #depth = 0;

  constructor(
    private readonly raw: RawConnection,
    readonly driver: DriverInfo,
    private readonly path = ":memory:",
  ) {}

  prepare<P extends unknown[] | object = unknown[], R = unknown>(
    sql: string,
  ): P extends unknown[] ? Statement<P, R> : Statement<[P], R> {
    const statement = this.#guard(() => this.raw.prepare(sql));
    const prepared: Statement<unknown[], R> = {
      run: (...params) => this.#guard(() => statement.run(params)),
      get: (...params) => this.#guard(() => statement.get(params) as R | undefined),
      all: (...params) => this.#guard(() => statement.all(params) as R[]),
    };
    return prepared as P extends unknown[] ? Statement<P, R> : Statement<[P], R>;
  }

  exec(sql: string): void {
    this.#guard(() => this.raw.exec(sql));
  }

  pragma(source: string): unknown {
    return this.#guard(() => this.raw.pragma(source));
  }

  async backup(destination: string): Promise<void> {
    try {
      await this.raw.backup(destination);
    } catch (error) {
      throw isDamage(error) ? damagedDatabase(this.path, error) : error;
    }
  }

  transaction<F extends AnyFunction>(fn: F): Transaction<F> {
    const inMode =
      (mode: Mode) =>
      (...args: Parameters<F>) =>
        this.#run(mode, () => fn(...args)) as ReturnType<F>;
    return Object.assign(inMode("DEFERRED"), {
      deferred: inMode("DEFERRED"),
      immediate: inMode("IMMEDIATE"),
      exclusive: inMode("EXCLUSIVE"),
    });
  }

  close(): void {
    this.raw.close();
  }

  #guard<T>(work: () => T): T {
    return guardDamage(this.path, work);
  }

  #run(mode: Mode, work: () => unknown): unknown {
    const savepoint = this.#depth === 0 ? undefined : `wedos_panel_${this.#depth}`;
    this.exec(savepoint === undefined ? `BEGIN ${mode}` : `SAVEPOINT ${savepoint}`);
    this.#depth++;
    try {
      const result = work();
      if (typeof (result as { then?: unknown } | null)?.then === "function")
        throw new TypeError("Transaction function cannot return a promise");
      this.exec(savepoint === undefined ? "COMMIT" : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      this.#undo(savepoint);
      throw error;
    } finally {
      this.#depth--;
    }
  }

  /** Rolls back this level; SQLite may already have rolled the whole transaction back (a full disk), hence the guard. */
  #undo(savepoint: string | undefined): void {
    try {
      this.raw.exec(savepoint === undefined ? "ROLLBACK" : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
    } catch {
      // nothing left to roll back
    }
  }
}
