import { formatRdata, recordToWedosRow, UnsupportedRecordError, type DnsRecord, type WedosRow } from "../dns/index.js";
import { runToEnd, sliceBoundary, type Steps } from "../util/slices.js";
import { AUDIT_RULES, MIXED_TTL_RULE, clampTtl, type AuditContext } from "./audit-rules.js";

/** One record the audit did not pass through unchanged, and why. */
export interface AuditFinding {
  rule: string;
  /** "skipped": not synced to WEDOS; "adjusted": synced with a changed TTL. */
  outcome: "skipped" | "adjusted";
  /** The owner relative to the zone ("@" for the apex) and the type. */
  name: string;
  type: string;
  /** The record's TTL and value (presentation form) as the panel has them, so a page can show which record it is. */
  ttl: number;
  value: string;
  reason: string;
}

export interface AuditResult {
  rows: WedosRow[];
  findings: AuditFinding[];
}

/**
 * Passes the panel's records through the capability audit (audit-rules.ts) and converts the rest to WEDOS rows.
 * Every record WEDOS cannot take is reported with its reason; none is dropped silently.
 */
export function auditRecords(records: readonly DnsRecord[], zone: string): AuditResult {
  return runToEnd(auditRecordsSteps(records, zone));
}

/** {@link auditRecords} as steps: yields between records, so a big zone can be audited in slices (util/slices.ts). */
export function* auditRecordsSteps(records: readonly DnsRecord[], zone: string): Steps<AuditResult> {
  const context: AuditContext = { zone, typesAt: yield* typesByName(records) };
  const findings: AuditFinding[] = [];
  const relative = (name: string) =>
    name === zone ? "@" : name.endsWith(`.${zone}`) ? name.slice(0, -(zone.length + 1)) : name;
  const note = (rule: string, outcome: AuditFinding["outcome"], record: DnsRecord, reason: string) =>
    findings.push({
      rule,
      outcome,
      name: relative(record.name),
      type: record.type,
      ttl: record.ttl,
      value: formatRdata(record),
      reason,
    });

  const kept: DnsRecord[] = [];
  for (const [index, record] of records.entries()) {
    if (sliceBoundary(index)) yield;
    const skip = AUDIT_RULES.find((rule) => rule.action === "skip" && rule.matches(record, context));
    if (skip !== undefined) {
      note(skip.id, "skipped", record, skip.reason(record, context));
      continue;
    }
    const clamp = AUDIT_RULES.find((rule) => rule.action === "clamp-ttl" && rule.matches(record, context));
    if (clamp !== undefined) note(clamp.id, "adjusted", record, clamp.reason(record, context));
    kept.push(clamp === undefined ? record : { ...record, ttl: clampTtl(record.ttl) });
  }

  const rows: WedosRow[] = [];
  const unified = yield* unifySetTtls(kept, (owner, type, ttls, chosen, sample) =>
    note(
      MIXED_TTL_RULE.id,
      "adjusted",
      sample,
      MIXED_TTL_RULE.reason(owner === zone ? "@" : relative(owner), type, ttls, chosen),
    ),
  );
  for (const [index, record] of unified.entries()) {
    if (sliceBoundary(index)) yield;
    try {
      rows.push(recordToWedosRow(record, zone));
    } catch (error) {
      if (!(error instanceof UnsupportedRecordError)) throw error;
      note("unconvertible", "skipped", record, error.message);
    }
  }
  return { rows, findings };
}

function* unifySetTtls(
  records: readonly DnsRecord[],
  report: (owner: string, type: string, ttls: number[], chosen: number, sample: DnsRecord) => void,
): Steps<DnsRecord[]> {
  // The key is made once per record, and a set gets a Set of TTLs only once it has two (this runs over every record).
  const sets = new Map<string, { lowest: number; mixed?: Set<number> }>();
  const keys: string[] = [];
  for (const [index, record] of records.entries()) {
    if (sliceBoundary(index)) yield;
    const key = `${record.name}\u0000${record.type}`;
    keys.push(key);
    const set = sets.get(key);
    if (set === undefined) sets.set(key, { lowest: record.ttl });
    else if (set.mixed !== undefined || record.ttl !== set.lowest) {
      (set.mixed ??= new Set([set.lowest])).add(record.ttl);
      set.lowest = Math.min(set.lowest, record.ttl);
    }
  }
  const reported = new Set<string>();
  const unified: DnsRecord[] = [];
  for (const [index, record] of records.entries()) {
    if (sliceBoundary(index)) yield;
    const key = keys[index] as string;
    const { lowest: chosen, mixed } = sets.get(key) ?? { lowest: record.ttl };
    if (mixed !== undefined && !reported.has(key)) {
      reported.add(key);
      report(
        record.name,
        record.type,
        [...mixed].sort((a, b) => a - b),
        chosen,
        record,
      );
    }
    unified.push(record.ttl === chosen ? record : { ...record, ttl: chosen });
  }
  return unified;
}

function* typesByName(records: readonly DnsRecord[]): Steps<Map<string, Set<string>>> {
  const map = new Map<string, Set<string>>();
  for (const [index, record] of records.entries()) {
    if (sliceBoundary(index)) yield;
    const types = map.get(record.name) ?? new Set<string>();
    types.add(record.type);
    map.set(record.name, types);
  }
  return map;
}
