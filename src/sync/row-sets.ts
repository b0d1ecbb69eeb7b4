import type { WedosRow } from "../dns/index.js";
import type { ExistingRow } from "./changes.js";

/** A row with its value key (what it means, e.g. canonicalRdataKey), computed once. */
export interface Keyed<T extends WedosRow> {
  row: T;
  value: string;
}

/** One (name, type) set: the panel's rows of it and the rows at WEDOS, each in their order. */
export interface RowSet {
  name: string;
  type: string;
  desired: Array<Keyed<WedosRow>>;
  existing: Array<Keyed<ExistingRow>>;
}

/**
 * The panel's rows and WEDOS's rows by (name, type) set, in the order a diff visits them: the panel's sets as they
 * first appear, then the sets only WEDOS has, as they first appear there. A set is found by its name, then among that
 * name's few types: no key string is built per row, and a plan of a big zone groups every row.
 */
export function rowSets(
  desired: readonly WedosRow[],
  existing: readonly ExistingRow[],
  valueKey: (row: WedosRow) => string,
): RowSet[] {
  const byName = new Map<string, RowSet[]>();
  const order: RowSet[] = [];
  const setOf = (row: WedosRow): RowSet => {
    const sets = byName.get(row.name);
    if (sets !== undefined) for (const set of sets) if (set.type === row.type) return set;
    const created: RowSet = { name: row.name, type: row.type, desired: [], existing: [] };
    if (sets === undefined) byName.set(row.name, [created]);
    else sets.push(created);
    order.push(created);
    return created;
  };
  for (const row of desired) setOf(row).desired.push({ row, value: valueKey(row) });
  for (const row of existing) setOf(row).existing.push({ row, value: valueKey(row) });
  return order;
}
