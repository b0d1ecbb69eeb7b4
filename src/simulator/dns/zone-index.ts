/**
 * One published zone arranged for lookups: record sets by owner name, the set of names that exist (owners and the
 * empty non-terminals above them), and the apex SOA and NS that WEDOS manages rather than the zone's rows.
 */
import type { PublishedZone } from "../published-zone.js";
import { isAtOrBelow, parentName } from "./names.js";
import { toAnswer, type RecordAnswer } from "./rdata.js";

/** TTL of the synthesised apex NS and SOA; WEDOS does not publish one, an hour is the common default. */
export const APEX_TTL = 3600;

/** Record sets at one owner, keyed by upper-case type, in row order (SOA and NS first at the apex). */
export type RecordSets = ReadonlyMap<string, readonly RecordAnswer[]>;

/** A published zone ready for lookups; built per query, so it always reflects the latest commit. */
export interface ZoneIndex {
  readonly zone: PublishedZone;
  /** The zone apex, lower case. */
  readonly apex: string;
  /** SOA for the authority section of negative answers: TTL min(SOA TTL, minimum) as RFC 2308 §3 asks. */
  readonly negativeSoa: RecordAnswer;
  /** Record sets at exactly `name` (lookup form), if it owns any. */
  recordSets(name: string): RecordSets | undefined;
  /** True when `name` owns records or is an empty non-terminal above an owner. */
  exists(name: string): boolean;
}

/** The zone holding `name`: the longest apex that `name` is at or below, or undefined when none is ours. */
export function findZone(name: string, zones: readonly PublishedZone[]): PublishedZone | undefined {
  let best: PublishedZone | undefined;
  for (const zone of zones) {
    if (isAtOrBelow(name, zone.name) && (best === undefined || zone.name.length > best.name.length)) best = zone;
  }
  return best;
}

/** Indexes a zone, converting every row; throws if any row cannot be put on the wire (see rdata.ts). */
export function indexZone(zone: PublishedZone): ZoneIndex {
  const apex = zone.name;
  const owners = new Map<string, Map<string, RecordAnswer[]>>();
  const add = (answer: RecordAnswer): void => {
    const sets = owners.get(answer.name) ?? new Map<string, RecordAnswer[]>();
    owners.set(answer.name, sets);
    const set = sets.get(answer.type) ?? [];
    sets.set(answer.type, set);
    set.push(answer);
  };

  const soa = apexSoa(zone, APEX_TTL);
  add(soa);
  for (const ns of zone.nameservers) add(toAnswer(apex, "NS", APEX_TTL, ns));
  for (const row of zone.rows) {
    const owner = row.name === "" ? apex : `${row.name}.${apex}`;
    // The apex SOA and NS belong to WEDOS (docs/reference/wapi.md#no-ns-at-the-apex, #soa-belongs-to-wedos); rows
    // claiming them are not what the servers publish.
    if (owner === apex && (row.type === "SOA" || row.type === "NS")) continue;
    add(toAnswer(owner, row.type, row.ttl, row.rdata));
  }
  for (const sets of owners.values()) for (const set of sets.values()) alignTtls(set);

  const existing = new Set<string>();
  for (const owner of owners.keys()) {
    for (let name: string | undefined = owner; name !== undefined && isAtOrBelow(name, apex); name = parentName(name)) {
      if (existing.has(name)) break;
      existing.add(name);
    }
  }

  return {
    zone,
    apex,
    negativeSoa: apexSoa(zone, Math.min(APEX_TTL, zone.minimum)),
    recordSets: (name) => owners.get(name),
    exists: (name) => existing.has(name),
  };
}

function apexSoa(zone: PublishedZone, ttl: number): RecordAnswer {
  const { mname, rname, serial, refresh, retry, expire, minimum } = zone;
  return {
    name: zone.name,
    type: "SOA",
    ttl,
    class: "IN",
    data: { mname, rname, serial, refresh, retry, expire, minimum },
  };
}

/** RFC 2181 §5.2: the records of one set share a TTL; if rows disagree, serve the lowest rather than a mix. */
function alignTtls(set: RecordAnswer[]): void {
  const ttl = Math.min(...set.map((answer) => answer.ttl ?? 0));
  for (let i = 0; i < set.length; i++) set[i] = { ...set[i]!, ttl } as RecordAnswer;
}
