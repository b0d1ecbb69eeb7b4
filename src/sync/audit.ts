import { formatRdata, recordToWedosRow, UnsupportedRecordError, type DnsRecord, type WedosRow } from "../dns/index.js";
import { runToEnd, sliceBoundary, type Steps } from "../util/slices.js";
import { AUDIT_RULES, MIXED_TTL_RULE, clampTtl, type AuditContext, type AuditRule } from "./audit-rules.js";

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
  const context: AuditContext = { zone, namesWithData: yield* namesWithData(records) };
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

  // Indexed loops and no closure per record: this runs over every record of a zone at each plan.
  const kept: DnsRecord[] = [];
  for (let index = 0; index < records.length; index++) {
    if (sliceBoundary(index)) yield;
    const record = records[index] as DnsRecord;
    const skip = firstMatch(SKIP_RULES, record, context);
    if (skip !== undefined) {
      note(skip.id, "skipped", record, skip.reason(record, context));
      continue;
    }
    const clamp = firstMatch(CLAMP_RULES, record, context);
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
  for (let index = 0; index < unified.length; index++) {
    if (sliceBoundary(index)) yield;
    const record = unified[index] as DnsRecord;
    try {
      rows.push(recordToWedosRow(record, zone));
    } catch (error) {
      if (!(error instanceof UnsupportedRecordError)) throw error;
      note("unconvertible", "skipped", record, error.message);
    }
  }
  return { rows, findings };
}

const SKIP_RULES = AUDIT_RULES.filter((rule) => rule.action === "skip");
const CLAMP_RULES = AUDIT_RULES.filter((rule) => rule.action === "clamp-ttl");

function firstMatch(rules: readonly AuditRule[], record: DnsRecord, context: AuditContext): AuditRule | undefined {
  for (const rule of rules) if (rule.matches(record, context)) return rule;
  return undefined;
}

/** The TTLs of one (name, type) set: the lowest, and all of them once the set has two. */
interface SetTtls {
  type: string;
  lowest: number;
  mixed?: Set<number>;
}

function* unifySetTtls(
  records: readonly DnsRecord[],
  report: (owner: string, type: string, ttls: number[], chosen: number, sample: DnsRecord) => void,
): Steps<DnsRecord[]> {
  // Sets are found by name, then among the name's few types: no key string per record.
  const byName = new Map<string, SetTtls[]>();
  const setOf: SetTtls[] = [];
  for (let index = 0; index < records.length; index++) {
    if (sliceBoundary(index)) yield;
    const { name, type, ttl } = records[index] as DnsRecord;
    const sets = byName.get(name);
    let set = sets?.find((candidate) => candidate.type === type);
    if (set === undefined) {
      set = { type, lowest: ttl };
      if (sets === undefined) byName.set(name, [set]);
      else sets.push(set);
    } else if (set.mixed !== undefined || ttl !== set.lowest) {
      (set.mixed ??= new Set([set.lowest])).add(ttl);
      set.lowest = Math.min(set.lowest, ttl);
    }
    setOf.push(set);
  }
  const reported = new Set<SetTtls>();
  const unified: DnsRecord[] = [];
  for (let index = 0; index < records.length; index++) {
    if (sliceBoundary(index)) yield;
    const record = records[index] as DnsRecord;
    const { lowest: chosen, mixed } = setOf[index] as SetTtls;
    if (mixed !== undefined && !reported.has(setOf[index] as SetTtls)) {
      reported.add(setOf[index] as SetTtls);
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

/** The owner names that hold a record of a type other than CNAME. */
function* namesWithData(records: readonly DnsRecord[]): Steps<Set<string>> {
  const names = new Set<string>();
  for (let index = 0; index < records.length; index++) {
    if (sliceBoundary(index)) yield;
    const record = records[index] as DnsRecord;
    if (record.type !== "CNAME") names.add(record.name);
  }
  return names;
}
