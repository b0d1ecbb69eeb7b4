import type { Column, DescribedMigration, SchemaStep } from "./describe.js";

export type Dialect = "sqlite" | "postgres";

const NAME = /^[a-z][a-z0-9_]*$/;

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`schema description: "${name}" is not a plain lower-case SQL name`);
  return name;
}

function defaultOf(value: number | string): string {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`schema description: default ${value} is not an integer`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

function columnSql(column: Column, dialect: Dialect): string {
  const name = checkedName(column.name);
  if (column.type === "id")
    return dialect === "sqlite"
      ? `${name} INTEGER PRIMARY KEY`
      : `${name} BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY`;
  const type = column.type === "int" ? (dialect === "sqlite" ? "INTEGER" : "BIGINT") : "TEXT";
  const notNull = column.nullable === true ? "" : " NOT NULL";
  const fallback = column.default === undefined ? "" : ` DEFAULT ${defaultOf(column.default)}`;
  return `${name} ${type}${notNull}${fallback}`;
}

function stepSql(step: SchemaStep, dialect: Dialect): string {
  switch (step.kind) {
    case "table": {
      const parts = step.columns.map((column) => columnSql(column, dialect));
      if (step.primaryKey !== undefined) parts.push(`PRIMARY KEY (${step.primaryKey.map(checkedName).join(", ")})`);
      return `CREATE TABLE ${checkedName(step.name)} (\n  ${parts.join(",\n  ")}\n)`;
    }
    case "column":
      if (step.column.type === "id")
        throw new Error(`schema description: an id column cannot be added to ${step.table}`);
      return `ALTER TABLE ${checkedName(step.table)} ADD COLUMN ${columnSql(step.column, dialect)}`;
    case "index": {
      const unique = step.unique === true ? "UNIQUE " : "";
      const where = step.where === undefined ? "" : ` WHERE ${step.where}`;
      const columns = step.columns.map(checkedName).join(", ");
      return `CREATE ${unique}INDEX ${checkedName(step.name)} ON ${checkedName(step.table)} (${columns})${where}`;
    }
  }
}

/** The statements of one described migration for one engine, in the order described. */
export function migrationStatements(migration: DescribedMigration, dialect: Dialect): string[] {
  return migration.steps.map((step) => stepSql(step, dialect));
}

/** The same as one script (SQLite's migrations run a script: store/migrations/migration.ts). */
export function renderMigration(migration: DescribedMigration, dialect: Dialect): string {
  return migrationStatements(migration, dialect)
    .map((statement) => `${statement};`)
    .join("\n");
}
