import type { WedosRow } from "../dns/index.js";
import { describeRow, type ExistingRow, type ZoneChange } from "./changes.js";
import { rowSets, type Keyed } from "./row-sets.js";

/** A desired row the plan cannot make because a row the plugin does not own is in the way. */
export interface SyncConflict {
  row: WedosRow;
  reason: string;
}

export interface RowDiff {
  changes: ZoneChange[];
  conflicts: SyncConflict[];
  /** Rows at WEDOS the plugin does not own and leaves alone. */
  foreign: ExistingRow[];
}

/** Identifies what a row means for comparison (e.g. host names compared without regard to case). */
export type RdataKey = (row: WedosRow) => string;

/**
 * Diffs the panel's rows (after the capability audit) against the rows at WEDOS, by record: within each
 * (name, type) set identical values are kept, leftovers are paired as updates (only TTL and rdata can change at
 * WEDOS), the rest become adds and deletes. Only managed rows are ever updated or deleted.
 *
 * WEDOS requires one TTL per set. Updating a set of several rows one row at a time would pass through a mixed state,
 * which WEDOS may refuse (the strict reading of docs/reference/wapi.md#ttl-errors-and-mixed-ttl-sets), so a TTL
 * change of a set that has more than one row while it is updated replaces the set: its rows are deleted and added
 * again with the new TTL in the same commit.
 */
export function diffRows(desired: readonly WedosRow[], existing: readonly ExistingRow[], rdataKey: RdataKey): RowDiff {
  const changes: ZoneChange[] = [];
  const conflicts: SyncConflict[] = [];
  const foreign = existing.filter((row) => !row.managed);
  const namesWithForeignCname = new Set(foreign.filter((row) => row.type === "CNAME").map((row) => row.name));
  const namesWithForeignOther = new Set(foreign.filter((row) => row.type !== "CNAME").map((row) => row.name));

  for (const set of rowSets(desired, existing, rdataKey)) {
    const managed = set.existing.filter((entry) => entry.row.managed);
    const foreignInSet = set.existing.filter((entry) => !entry.row.managed);
    const wanted: Array<Keyed<WedosRow>> = [];
    for (const entry of dedupe(set.desired)) {
      const blocker = blockingReason(entry, foreignInSet, namesWithForeignCname, namesWithForeignOther);
      if (blocker === undefined) wanted.push(entry);
      else conflicts.push({ row: entry.row, reason: blocker });
    }
    changes.push(...diffSet(wanted, managed, foreignInSet.length));
  }
  return { changes, conflicts, foreign };
}

function diffSet(
  wanted: ReadonlyArray<Keyed<WedosRow>>,
  managedEntries: ReadonlyArray<Keyed<ExistingRow>>,
  foreignCount: number,
): ZoneChange[] {
  const ttl = wanted[0]?.row.ttl;
  const takeMatch = matcher(managedEntries);
  const matchedIds = new Set<string>();
  const kept: Array<{ from: ExistingRow; to: WedosRow }> = [];
  const toAdd: WedosRow[] = [];
  for (const { row, value } of wanted) {
    const match = takeMatch(value);
    if (match === undefined) {
      toAdd.push(row);
    } else {
      matchedIds.add(match.id);
      kept.push({ from: match, to: row });
    }
  }
  const managed = managedEntries.map((entry) => entry.row);
  const leftover = managed.filter((row) => !matchedIds.has(row.id));
  // Leftover rows of the set are reused for new values: one update instead of a delete and an add.
  const paired = toAdd
    .splice(0, Math.min(toAdd.length, leftover.length))
    .map((to, index) => ({ from: leftover[index] as ExistingRow, to }));
  const toDelete = leftover.slice(paired.length);

  const ttlChanges = ttl !== undefined && [...kept, ...paired].some(({ from }) => from.ttl !== ttl);
  const rowsDuringUpdates = kept.length + paired.length + foreignCount;
  if (ttlChanges && rowsDuringUpdates > 1) {
    return [
      ...managed.map((row) => ({
        kind: "delete" as const,
        message: `delete ${describeRow(row)} (the set's TTL changes to ${ttl})`,
        row,
      })),
      ...wanted.map(({ row }) => ({ kind: "add" as const, message: `add ${describeRow(row)}`, row })),
    ];
  }
  return [
    ...toDelete.map((row) => ({ kind: "delete" as const, message: `delete ${describeRow(row)}`, row })),
    ...kept
      .filter(({ from, to }) => from.ttl !== to.ttl)
      .map(({ from, to }) => ({
        kind: "update" as const,
        message: `update ${describeRow(from)}: TTL ${from.ttl} → ${to.ttl}`,
        row: from,
        to,
      })),
    ...paired.map(({ from, to }) => ({
      kind: "update" as const,
      message: `update ${describeRow(from)} → ${to.rdata}${from.ttl === to.ttl ? "" : ` (TTL ${to.ttl})`}`,
      row: from,
      to,
    })),
    ...toAdd.map((row) => ({ kind: "add" as const, message: `add ${describeRow(row)}`, row })),
  ];
}

/** Sets of at most this many managed rows are searched in place rather than indexed by value. */
const SMALL_SET = 8;

/**
 * Takes, for a value, the first managed row of the set with that value not taken yet. Most sets hold one row or a
 * few, which are searched in place; a bigger set is indexed by value first.
 */
function matcher(managed: ReadonlyArray<Keyed<ExistingRow>>): (value: string) => ExistingRow | undefined {
  if (managed.length <= SMALL_SET) {
    const taken = managed.map(() => false);
    return (value) => {
      const index = managed.findIndex((entry, at) => !taken[at] && entry.value === value);
      if (index === -1) return undefined;
      taken[index] = true;
      return managed[index]?.row;
    };
  }
  const byValue = new Map<string, ExistingRow[]>();
  for (const { row, value } of managed) {
    const rows = byValue.get(value);
    if (rows === undefined) byValue.set(value, [row]);
    else rows.push(row);
  }
  return (value) => byValue.get(value)?.shift();
}

function blockingReason(
  { row, value }: Keyed<WedosRow>,
  foreignInSet: ReadonlyArray<Keyed<ExistingRow>>,
  foreignCnames: ReadonlySet<string>,
  foreignOthers: ReadonlySet<string>,
): string | undefined {
  const at = row.name === "" ? "the apex" : row.name;
  if (foreignInSet.some((other) => other.value === value)) {
    return `${describeRow(row)} already exists at WEDOS but was not created by the plugin; sync with --adopt to take it over`;
  }
  if (row.type !== "CNAME" && foreignCnames.has(row.name)) {
    return `a CNAME at ${at} not created by the plugin leaves no room for ${row.type} records; delete it at WEDOS or sync with --adopt`;
  }
  if (row.type === "CNAME" && foreignOthers.has(row.name)) {
    return `records at ${at} not created by the plugin leave no room for a CNAME; delete them at WEDOS or sync with --adopt`;
  }
  const foreignTtl = foreignInSet.find((other) => other.row.ttl !== row.ttl)?.row.ttl;
  if (foreignTtl !== undefined) {
    return `${describeRow(row)} would join rows not created by the plugin with TTL ${foreignTtl}, and WEDOS requires one TTL per set; sync with --adopt`;
  }
  return undefined;
}

function dedupe(entries: ReadonlyArray<Keyed<WedosRow>>): ReadonlyArray<Keyed<WedosRow>> {
  if (entries.length < 2) return entries;
  const seen = new Set<string>();
  return entries.filter(({ value }) => {
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
