import type { PublishedZone } from "./published-zone.js";
import { pragueDateNumber } from "./prague-hour.js";
import type { AccountState, RowState, ZoneState } from "./state.js";

/**
 * Zone lifecycle: working rows change freely; a commit (or the autocommit five minutes after the last change)
 * copies them to the published rows and bumps the serial. The SOA values and apex NS are WEDOS's own
 * (docs/reference/wapi.md#dns-domain-info, #zone-data-rules).
 */

/** "Without this command, it will be automatically committed within 5 minutes since the last change." */
export const AUTOCOMMIT_MS = 5 * 60_000;

export const WEDOS_NAMESERVERS = ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"] as const;

export const WEDOS_SOA = {
  mname: "ns.wedos.net",
  rname: "wedos.wedos.com",
  refresh: 3600,
  retry: 1800,
  expire: 2_592_000,
  minimum: 3600,
} as const;

/** A new, empty zone; it is published at once (with no rows), as adding a zone needs no commit. */
export function newZone(
  name: string,
  now: number,
  settings: Pick<ZoneState, "type" | "primaryIp" | "axfrEnabled" | "axfrIps">,
): ZoneState {
  return {
    name,
    ...settings,
    status: "active",
    rows: [],
    published: [],
    serial: nextSerial(0, now),
    changed: false,
    lastChangeAt: null,
    commitAt: now,
    addedAt: now,
    nextAxfrRunAt: null,
  };
}

/** Records that the working rows changed at `now`; restarts the autocommit timer. */
export function markChanged(zone: ZoneState, now: number): void {
  zone.changed = true;
  zone.lastChangeAt = now;
}

/** Publishes the working rows (no-op when nothing changed, matching an "empty commit" answering 1000). */
export function publish(zone: ZoneState, at: number): void {
  if (!zone.changed) return;
  zone.published = zone.rows.map((row) => ({ ...row }));
  zone.serial = nextSerial(zone.serial, at);
  zone.changed = false;
  zone.commitAt = at;
}

/** Publishes every zone whose autocommit is due; says whether anything changed. */
export function autocommitDue(account: AccountState, now: number): boolean {
  let any = false;
  for (const zone of Object.values(account.zones)) {
    if (zone.changed && zone.lastChangeAt !== null && now >= zone.lastChangeAt + AUTOCOMMIT_MS) {
      // Dated at the moment it became due, as if WEDOS's own job had run then.
      publish(zone, zone.lastChangeAt + AUTOCOMMIT_MS);
      any = true;
    }
  }
  return any;
}

/** Date-based serial "YYYYMMDDnn" (the KB shows 2010112405): today's first, or one more than the last. */
function nextSerial(previous: number, at: number): number {
  const first = pragueDateNumber(at) * 100 + 1;
  return previous >= first ? previous + 1 : first;
}

/** Rows in WEDOS's list order: by name, then type, then ID. */
export function sortRows(rows: readonly RowState[]): RowState[] {
  return [...rows].sort((a, b) => compare(a.name, b.name) || compare(a.type, b.type) || Number(a.id) - Number(b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The committed view of one zone for the DNS server. */
export function publishedView(zone: ZoneState): PublishedZone {
  return {
    name: zone.name,
    serial: zone.serial,
    rname: WEDOS_SOA.rname,
    mname: WEDOS_SOA.mname,
    refresh: WEDOS_SOA.refresh,
    retry: WEDOS_SOA.retry,
    expire: WEDOS_SOA.expire,
    minimum: WEDOS_SOA.minimum,
    nameservers: [...WEDOS_NAMESERVERS],
    rows: sortRows(zone.published).map((row) => ({ name: row.name, type: row.type, ttl: row.ttl, rdata: row.rdata })),
  };
}
