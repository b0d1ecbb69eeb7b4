import type { WedosRow } from "../dns/index.js";
import type { DnsZoneStore, ManagedRow, NotedAdd } from "../store/dns-zone-store.js";
import type { WapiRow } from "../wapi/schemas.js";
import { ownershipKey } from "./changes.js";
import type { ZonePlan } from "./plan.js";

/**
 * Settles the rows applies added to a zone against a fresh listing of it (docs/decisions/0016). WEDOS answers
 * `dns-row-add` without the new row's ID, so an apply notes each row before sending it and the zone's next listing,
 * whatever asked for it, claims the row:
 *
 * - by its name, type and value: WEDOS refuses a duplicate (2316), so a successful add leaves exactly one row with
 *   that key, and it is ours;
 * - failing that, a row changed at WEDOS since it was added: within one name and type, when the rows that are not
 *   ours and appeared after the listing the apply planned from (a higher ID) are exactly as many as our unmatched
 *   adds, they are those adds. Any other count is ambiguous, and nothing is claimed.
 *
 * An entry the listing settles is done: claimed, or not there (the add never reached WEDOS, or the row was deleted
 * since). Entries noted after the listing was asked for (another process adding meanwhile) wait for the next one.
 */
export function claimAddedRows(zones: DnsZoneStore, zone: string, listed: readonly WapiRow[], listedAt: number): void {
  const settled = zones.pendingAdds(zone).filter((entry) => entry.recordedAt <= listedAt);
  if (settled.length === 0) return;
  const owned = new Set(zones.managedRows(zone).map((row) => row.rowId));
  const unowned = listed.filter((row) => !owned.has(row.id));
  const byKey = new Map(unowned.map((row) => [ownershipKey(row), row]));
  const ownedKeys = new Set(listed.filter((row) => owned.has(row.id)).map(ownershipKey));
  const claimed = new Map<string, WapiRow>();
  const unmatched: NotedAdd[] = [];
  for (const entry of settled) {
    if (ownedKeys.has(entry.key)) continue; // known by its ID already
    const row = byKey.get(entry.key);
    if (row === undefined || claimed.has(row.id)) unmatched.push(entry);
    else claimed.set(row.id, row);
  }
  for (const row of changedSinceAdded(
    unmatched,
    unowned.filter((row) => !claimed.has(row.id)),
  ))
    claimed.set(row.id, row);
  const rows: ManagedRow[] = [...claimed.values()].map((row) => ({
    rowId: row.id,
    name: row.name,
    type: row.type,
    ttl: row.ttl,
    rdata: row.rdata,
    origin: "created",
  }));
  zones.resolvePendingAdds(
    zone,
    rows,
    settled.map((entry) => entry.key),
    listedAt,
  );
}

const setKey = (row: Pick<WedosRow, "name" | "type">) => `${row.name}\u0000${row.type}`;

/** The rows that can only be our unmatched adds, changed at WEDOS: per set, as many new rows as unmatched adds. */
function changedSinceAdded(unmatched: readonly NotedAdd[], candidates: readonly WapiRow[]): WapiRow[] {
  const found: WapiRow[] = [];
  const sets = new Map<string, NotedAdd[]>();
  for (const entry of unmatched) {
    if (entry.row === undefined || entry.seenUpTo === null) continue;
    const key = setKey(entry.row);
    sets.set(key, [...(sets.get(key) ?? []), entry]);
  }
  for (const [key, entries] of sets) {
    const since = Math.min(...entries.map((entry) => entry.seenUpTo ?? 0));
    const newer = candidates.filter((row) => setKey(row) === key && /^\d+$/.test(row.id) && Number(row.id) > since);
    if (newer.length === entries.length) found.push(...newer);
  }
  return found;
}

/**
 * One apply's side of it: the plan's adds are noted before any is sent, so that a crash between an add and the next
 * listing does not orphan the row.
 */
export class AddedRows {
  private readonly notedBefore: ReadonlySet<string>;
  private readonly unsent: Set<string>;

  constructor(
    private readonly zones: DnsZoneStore,
    private readonly plan: ZonePlan,
    at: number,
  ) {
    const adds = plan.changes.flatMap((change) => (change.kind === "add" ? [change.row] : []));
    this.notedBefore = new Set(zones.pendingAdds(plan.zone).map((entry) => entry.key));
    const seenUpTo = highestRowId(plan.existing);
    if (adds.length > 0)
      zones.notePendingAdds(
        plan.zone,
        adds.map((row) => ({
          key: ownershipKey(row),
          name: row.name,
          type: row.type,
          ttl: row.ttl,
          rdata: row.rdata,
          seenUpTo,
        })),
        at,
      );
    this.unsent = new Set(adds.map(ownershipKey).filter((key) => !this.notedBefore.has(key)));
  }

  sending(row: WedosRow): void {
    this.unsent.delete(ownershipKey(row));
  }

  /** WEDOS accepted the add: the row is there (pages show it so), its ID claimed at the next listing. */
  accepted(row: WedosRow, at: number): void {
    this.zones.acceptPendingAdd(this.plan.zone, ownershipKey(row), at);
  }

  /** WEDOS answered 2316: the row was there before this add, someone else's unless an earlier apply noted it. */
  alreadyThere(row: WedosRow, at: number): void {
    if (!this.notedBefore.has(ownershipKey(row)))
      this.zones.resolvePendingAdds(this.plan.zone, [], [ownershipKey(row)], at);
  }

  /** The apply stopped: what was sent (the failed request may have arrived) stays noted, adds never sent do not. */
  stopped(at: number): void {
    if (this.unsent.size > 0) this.zones.resolvePendingAdds(this.plan.zone, [], [...this.unsent], at);
  }
}

/** The highest row ID of a listing, noted with each add (0 for an empty zone; null when an ID is not a number). */
function highestRowId(rows: ReadonlyArray<{ id: string }>): number | null {
  return rows.every((row) => /^\d+$/.test(row.id))
    ? rows.reduce((highest, row) => Math.max(highest, Number(row.id)), 0)
    : null;
}
