/**
 * The parameters a statement takes, read from its SQL, so the built-in driver binds them the way better-sqlite3
 * does: a missing named value, too few or too many positional values, or a value SQLite cannot hold is an error
 * (node:sqlite alone would bind NULL for the first two), and undefined binds NULL.
 */
export interface StatementParameters {
  /** How many positional (? or ?NNN) parameters. */
  positional: number;
  /** Named parameters as written, prefix included (@name, :name, $name), each once, in order of appearance. */
  named: string[];
}

/** Scans SQL for parameters, skipping strings, quoted names and comments; refuses a second statement. */
export function scanParameters(sql: string): StatementParameters {
  const named: string[] = [];
  let positional = 0;
  let ended = false;
  for (let i = 0; i < sql.length;) {
    const char = sql.charAt(i);
    const skipped = skipQuotedOrComment(sql, i);
    if (skipped !== i) {
      if (ended && !(sql.startsWith("--", i) || sql.startsWith("/*", i)))
        throw new RangeError("The supplied SQL string contains more than one statement");
      i = skipped;
      continue;
    }
    if (char === ";") {
      ended = true;
      i++;
      continue;
    }
    if (ended && !/\s/.test(char)) throw new RangeError("The supplied SQL string contains more than one statement");
    if (char === "?") {
      const digits = /^\d+/.exec(sql.slice(i + 1))?.[0] ?? "";
      positional = digits === "" ? positional + 1 : Math.max(positional, Number(digits));
      i += 1 + digits.length;
      continue;
    }
    if (char === "@" || char === ":" || char === "$") {
      const name = /^[A-Za-z0-9_]+/.exec(sql.slice(i + 1))?.[0];
      if (name !== undefined) {
        if (!named.includes(char + name)) named.push(char + name);
        i += 1 + name.length;
        continue;
      }
    }
    i++;
  }
  return { positional, named };
}

/** Where the quoted text or comment starting at `i` ends (just after it); `i` itself when none starts there. */
function skipQuotedOrComment(sql: string, i: number): number {
  const char = sql.charAt(i);
  if (sql.startsWith("--", i)) {
    const end = sql.indexOf("\n", i);
    return end === -1 ? sql.length : end + 1;
  }
  if (sql.startsWith("/*", i)) {
    const end = sql.indexOf("*/", i + 2);
    return end === -1 ? sql.length : end + 2;
  }
  const close = char === "'" || char === '"' || char === "`" ? char : char === "[" ? "]" : undefined;
  if (close === undefined) return i;
  for (let j = i + 1; j < sql.length; j++) {
    if (sql.charAt(j) !== close) continue;
    if (close !== "]" && sql.charAt(j + 1) === close) {
      j++; // a doubled quote stands for itself
      continue;
    }
    return j + 1;
  }
  return sql.length;
}

/**
 * The arguments for node:sqlite's run/get/all — the named values first (keys with their prefix), then the positional
 * ones — from the values given the better-sqlite3 way (positional values, then one object for the named ones).
 */
export function bindArguments(shape: StatementParameters, given: readonly unknown[]): unknown[] {
  let values = given;
  let named: Record<string, unknown> | undefined;
  if (shape.named.length > 0) {
    const last = values.at(-1);
    if (!isNamedValues(last)) throw new TypeError(`Missing named parameter "${shape.named[0]?.slice(1)}"`);
    values = values.slice(0, -1);
    named = {};
    for (const parameter of shape.named) {
      const key = parameter.slice(1);
      if (!(key in last)) throw new RangeError(`Missing named parameter "${key}"`);
      named[parameter] = sqlValue(last[key]);
    }
  } else if (isNamedValues(values.at(-1))) {
    // better-sqlite3 takes an object of named values for a statement that names none (a query whose optional
    // conditions were all left out) and binds nothing from it; so does this driver.
    values = values.slice(0, -1);
  }
  if (values.length < shape.positional) throw new RangeError("Too few parameter values were provided");
  if (values.length > shape.positional) throw new RangeError("Too many parameter values were provided");
  const positional = values.map(sqlValue);
  return named === undefined ? positional : [named, ...positional];
}

function isNamedValues(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value);
}

function sqlValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (
    typeof value === "number" ||
    typeof value === "bigint" ||
    typeof value === "string" ||
    value instanceof Uint8Array
  )
    return value;
  throw new TypeError("SQLite3 can only bind numbers, strings, bigints, buffers, and null");
}
