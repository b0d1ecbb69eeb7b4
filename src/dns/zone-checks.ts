import { sliceBoundary, type Steps } from "../util/slices.js";
import type { ZoneFileProblem } from "./errors.js";
import { isAtOrBelow } from "./normalise.js";
import { grouped, oversizeReason, rdataWireLength, SET_WIRE_BYTES } from "./rdata-length.js";
import type { DnsRecord } from "./record.js";

/**
 * What BIND does with a zone once every line is read (the rdataset merge in the database and named's post-load
 * checks for a primary zone): one TTL per set, duplicates merged, a set's size, the singleton and CNAME rules, SOA
 * and apex NS present, and the integrity checks named runs by default (`check-integrity yes`).
 */

/** A record with where it came from. `batch` counts runs of lines with the same owner, as master.c commits them. */
export interface LoadedRecord {
  record: DnsRecord;
  line: number;
  batch: number;
}

/** Types of which a name holds at most one record (BIND's singleton attribute). */
const SINGLETON_TYPES = ["CNAME", "SOA", "DNAME"] as const;
/** DNSSEC types that may stand beside a CNAME (BIND's at-CNAME attribute, RFC 4035 §2.5). */
const ALLOWED_AT_CNAME: ReadonlySet<string> = new Set(["RRSIG", "NSEC", "KEY", "SIG", "NXT"]);

/**
 * Applies the zone-wide rules; appends to `errors`/`warnings` and returns the records BIND would serve. Steps that
 * yield between records (util/slices.ts), as the loader does.
 */
export function* checkZoneSteps(
  zone: string,
  file: string,
  loaded: readonly LoadedRecord[],
  errors: ZoneFileProblem[],
  warnings: ZoneFileProblem[],
): Steps<DnsRecord[]> {
  const problem = (list: ZoneFileProblem[], line: number, message: string) => list.push({ file, line, message });
  const kept = yield* mergeSets(
    loaded,
    (line, message) => problem(warnings, line, message),
    (line, message) => problem(errors, line, message),
  );

  const byName = new Map<string, LoadedRecord[]>();
  let checked = 0;
  for (const [index, item] of kept.entries()) {
    if (sliceBoundary(index)) yield;
    const items = byName.get(item.record.name) ?? [];
    items.push(item);
    byName.set(item.record.name, items);
  }
  for (const [name, items] of byName) {
    if (sliceBoundary(++checked)) yield;
    const cnames = items.filter((item) => item.record.type === "CNAME");
    for (const type of SINGLETON_TYPES) {
      const extra = items.filter((item) => item.record.type === type)[1];
      if (extra !== undefined)
        problem(errors, extra.line, `${name}: multiple RRs of singleton type (${extra.record.type}): keep one`);
    }
    const soas = items.filter((item) => item.record.type === "SOA");
    if (
      cnames.length > 0 &&
      items.some((item) => item.record.type !== "CNAME" && !ALLOWED_AT_CNAME.has(item.record.type))
    ) {
      const last = items.reduce((a, b) => (b.line > a.line ? b : a));
      problem(errors, last.line, `${name}: CNAME and other data: a name with a CNAME record can have no other records`);
    }
    if (name !== zone) for (const soa of soas) problem(errors, soa.line, `SOA record not at top of zone (${name})`);
  }
  // named checks the zone as a whole only once it loaded; before that these would only echo the load errors.
  if (errors.length === 0) {
    const apex = byName.get(zone) ?? [];
    if (!apex.some((item) => item.record.type === "SOA"))
      problem(errors, 0, `has 0 SOA records: the zone needs one SOA record at ${zone}`);
    if (!apex.some((item) => item.record.type === "NS"))
      problem(errors, 0, `has no NS records: the zone needs NS records at ${zone}`);
    yield* checkIntegrity(zone, kept, problem.bind(null, errors), problem.bind(null, warnings));
  }
  errors.sort((a, b) => a.line - b.line);
  return kept.map((item) => item.record);
}

/**
 * One TTL per (name, type) set, no duplicate records and no set bigger than BIND holds (rdata-length.ts), as BIND's
 * loader and database merge them.
 */
function* mergeSets(loaded: readonly LoadedRecord[], warn: Report, error: Report): Steps<LoadedRecord[]> {
  const sets = new Map<string, { ttl: number; batch: number }>();
  const seen = new Map<string, number>();
  const setBytes = new Map<string, number>();
  const kept: LoadedRecord[] = [];
  for (const [index, item] of loaded.entries()) {
    if (sliceBoundary(index)) yield;
    const { name, type, ttl } = item.record;
    const key = `${name}\u0000${type}`;
    const set = sets.get(key);
    if (set === undefined) {
      sets.set(key, { ttl, batch: item.batch });
    } else if (set.batch === item.batch) {
      if (ttl !== set.ttl) warn(item.line, `TTL set to prior TTL (${set.ttl}): the records of one set share one TTL`);
    } else {
      if (ttl !== set.ttl)
        warn(
          item.line,
          `TTL ${ttl} also applies to the ${type} records at ${name} defined earlier with TTL ${set.ttl}: BIND keeps one TTL per set and the later definition wins`,
        );
      sets.set(key, { ttl, batch: item.batch });
    }
    const identity = `${key}\u0000${JSON.stringify(item.record.data)}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      warn(item.line, `duplicate record ignored (the same as line ${first})`);
      continue;
    }
    seen.set(identity, item.line);
    const bytes = (setBytes.get(key) ?? 0) + 2 + rdataWireLength(item.record);
    setBytes.set(key, bytes);
    if (bytes > SET_WIRE_BYTES) error(item.line, setTooBig(item.record, bytes));
    kept.push(item);
  }
  return kept.map((item) => {
    const ttl = sets.get(`${item.record.name}\u0000${item.record.type}`)?.ttl ?? item.record.ttl;
    return ttl === item.record.ttl ? item : { ...item, record: { ...item.record, ttl } };
  });
}

type Report = (line: number, message: string) => void;

/** BIND's "ran out of space", with what is too big and what to do. */
function setTooBig(record: DnsRecord, setBytes: number): string {
  const alone = oversizeReason(record);
  if (alone !== undefined) return `ran out of space: ${alone}; shorten it`;
  return (
    `ran out of space: the ${record.type} records of ${record.name} come to ${grouped(setBytes)} bytes with this one ` +
    `(their data and 2 bytes each), more than the ${grouped(SET_WIRE_BYTES)} BIND holds for one set; ` +
    "shorten them or remove some"
  );
}

function* checkIntegrity(zone: string, kept: readonly LoadedRecord[], error: Report, warn: Report): Steps<void> {
  const typesAt = new Map<string, Set<string>>();
  for (const [index, { record }] of kept.entries()) {
    if (sliceBoundary(index)) yield;
    typesAt.set(record.name, (typesAt.get(record.name) ?? new Set()).add(record.type));
  }
  const hasAddress = (name: string) => typesAt.get(name)?.has("A") === true || typesAt.get(name)?.has("AAAA") === true;
  const isCname = (name: string) => typesAt.get(name)?.has("CNAME") === true;
  const inZone = (name: string) => name !== "" && isAtOrBelow(name, zone);

  for (const [index, { record, line }] of kept.entries()) {
    if (sliceBoundary(index)) yield;
    if (record.type === "NS" && inZone(record.data.target) && !hasAddress(record.data.target)) {
      const target = record.data.target;
      if (record.name === zone) {
        error(
          line,
          isCname(target) ? `NS '${target}' is a CNAME (illegal)` : `NS '${target}' has no address records (A or AAAA)`,
        );
      } else {
        const glue = isAtOrBelow(target, record.name) ? "REQUIRED GLUE " : "";
        warn(line, `${record.name}/NS '${target}' has no ${glue}address records (A or AAAA)`);
      }
    }
    const target = record.type === "MX" ? record.data.exchange : record.type === "SRV" ? record.data.target : undefined;
    if (target !== undefined && inZone(target)) {
      if (isCname(target)) warn(line, `${record.name}/${record.type} '${target}' is a CNAME (illegal)`);
      else if (!hasAddress(target))
        warn(line, `${record.name}/${record.type} '${target}' has no address records (A or AAAA)`);
    }
    if (
      record.type === "SPF" &&
      !kept.some(
        ({ record: other }) =>
          other.name === record.name && other.type === "TXT" && other.data.strings.join("").startsWith("v=spf1"),
      )
    ) {
      warn(line, `'${record.name}' found type SPF record but no SPF TXT record found, add matching type TXT record`);
    }
  }
}
