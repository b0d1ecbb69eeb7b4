/**
 * A schema change described once and written out for each store: SQLite (the server's own database) and
 * PostgreSQL (the fleet's shared one). Only what both engines mean the same way is describable, so a description
 * never needs a second, hand-written version (docs/decisions/0057-a-fleet-coordinated-on-postgresql.md).
 */

/** `id` is the table's own increasing key; `int` is 64 bits in PostgreSQL (times are unix milliseconds). */
export type ColumnType = "id" | "int" | "text";

export interface Column {
  name: string;
  type: ColumnType;
  /** NOT NULL unless said otherwise. */
  nullable?: boolean;
  /** A constant default: a number, or a string written as an SQL string. */
  default?: number | string;
}

export type SchemaStep =
  | {
      kind: "table";
      name: string;
      columns: readonly Column[];
      /** Columns of a composite primary key (a table with an `id` column has that as its key). */
      primaryKey?: readonly string[];
    }
  | { kind: "column"; table: string; column: Column }
  | {
      kind: "index";
      name: string;
      table: string;
      columns: readonly string[];
      unique?: boolean;
      /** A partial index's condition, in SQL both engines read alike (`state = 'queued'`). */
      where?: string;
    };

export interface DescribedMigration {
  version: number;
  name: string;
  steps: readonly SchemaStep[];
}

export const table = (name: string, columns: readonly Column[], primaryKey?: readonly string[]): SchemaStep => ({
  kind: "table",
  name,
  columns,
  ...(primaryKey === undefined ? {} : { primaryKey }),
});

export const column = (tableName: string, added: Column): SchemaStep => ({
  kind: "column",
  table: tableName,
  column: added,
});

export const index = (
  name: string,
  tableName: string,
  columns: readonly string[],
  options: { unique?: boolean; where?: string } = {},
): SchemaStep => ({ kind: "index", name, table: tableName, columns, ...options });

/** Shorthands for column lists: `int("used", { default: 0 })`. */
export const int = (name: string, options: Omit<Column, "name" | "type"> = {}): Column => ({
  name,
  type: "int",
  ...options,
});
export const text = (name: string, options: Omit<Column, "name" | "type"> = {}): Column => ({
  name,
  type: "text",
  ...options,
});
export const id = (name = "id"): Column => ({ name, type: "id" });
