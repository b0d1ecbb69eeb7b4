import type { Month } from "../../billing/calendar.js";
import type { CustomerStatement, StatementTotals } from "../../billing/statement.js";
import type { LedgerScope } from "../../store/usage-ledger-store.js";

/** Statements kept at most (all months and scopes together): about a reseller's year, or a big server's month. */
const MAX_STATEMENTS = 20_000;
/** Month totals kept at most (the admin's chart: twelve a view). */
const MAX_TOTALS = 240;

const scopeKey = (scope: LedgerScope): string =>
  "username" in scope ? `u:${scope.username}` : "reseller" in scope ? `r:${scope.reseller ?? ""}` : "all";

/**
 * Months already rated, by the ledger's version (its last entry's id), scope and month (docs/decisions/0051). The
 * ledger only grows and a month is rated from its entries alone, so a rating is the same until an entry is written;
 * any new entry changes the version and every month is rated afresh on its next view. Bounded: the oldest ratings go
 * first, so a server with many customers keeps the months people look at, not every month anyone looked at.
 */
export class RatedMonthCache {
  private readonly statements = new Map<string, CustomerStatement[]>();
  private readonly totals = new Map<string, StatementTotals>();
  private statementCount = 0;

  key(version: number, scope: LedgerScope, month: Month): string {
    return `${version}|${scopeKey(scope)}|${month}`;
  }

  statementsOf(key: string): CustomerStatement[] | undefined {
    return touch(this.statements, key);
  }

  keepStatements(key: string, statements: CustomerStatement[]): void {
    if (statements.length > MAX_STATEMENTS || this.statements.has(key)) return;
    this.statements.set(key, statements);
    this.statementCount += statements.length;
    for (const [oldest, list] of this.statements) {
      if (this.statementCount <= MAX_STATEMENTS) break;
      this.statements.delete(oldest);
      this.statementCount -= list.length;
    }
  }

  totalsOf(key: string): StatementTotals | undefined {
    return touch(this.totals, key);
  }

  keepTotals(key: string, totals: StatementTotals): void {
    this.totals.set(key, totals);
    for (const oldest of this.totals.keys()) {
      if (this.totals.size <= MAX_TOTALS) break;
      this.totals.delete(oldest);
    }
  }
}

/** The value of `key`, moved to the newest end (Map keeps insertion order: the first key is the oldest used). */
function touch<V>(map: Map<string, V>, key: string): V | undefined {
  const value = map.get(key);
  if (value === undefined) return undefined;
  map.delete(key);
  map.set(key, value);
  return value;
}
