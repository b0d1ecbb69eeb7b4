import type { ManagedRow } from "../store/dns-zone-store.js";
import { runToEnd, sliceBoundary, type Steps } from "../util/slices.js";
import type { AuditResult } from "./audit.js";
import { ownershipKey } from "./changes.js";

/** A panel record as a customer sees it: synced to WEDOS, waiting, served by WEDOS itself, or not accepted and why. */
export interface RecordState {
  /** Relative to the zone, "@" for the apex. */
  name: string;
  type: string;
  ttl: number;
  value: string;
  state: "in-sync" | "pending" | "by-wedos" | "not-accepted";
  /** Why it is not accepted, or what was adjusted (a clamped TTL). */
  note: string | undefined;
  /** The audit rule behind the note (audit-rules.ts), so a page can say it in the visitor's language. */
  rule: string | undefined;
}

/**
 * Audit rules whose records WEDOS serves in its own way (its SOA, its name servers at the apex): nothing for the
 * customer to fix, so they are shown as handled by WEDOS, not as refused, and never counted as "not synced".
 */
export const HANDLED_BY_WEDOS: ReadonlySet<string> = new Set(["soa", "apex-ns"]);

/**
 * Each panel record's sync state, from local knowledge only (the panel's zone after the capability audit, and the
 * rows the plugin last recorded at WEDOS): a page view never spends WAPI budget. "In sync" means WEDOS held this
 * row, with this TTL, when the plugin last synced the zone.
 */
export function recordStates(
  audit: AuditResult,
  managed: ReadonlyArray<Pick<ManagedRow, "name" | "type" | "ttl" | "rdata">>,
): RecordState[] {
  return runToEnd(recordStatesSteps(audit, managed));
}

/** {@link recordStates} as steps: yields between rows, so a big zone's states can be worked out in slices. */
export function* recordStatesSteps(
  audit: AuditResult,
  managed: ReadonlyArray<Pick<ManagedRow, "name" | "type" | "ttl" | "rdata">>,
): Steps<RecordState[]> {
  const atWedos = new Map<string, Pick<ManagedRow, "name" | "type" | "ttl" | "rdata">>();
  for (const [index, row] of managed.entries()) {
    atWedos.set(ownershipKey(row), row);
    if (sliceBoundary(index)) yield;
  }
  const adjusted = new Map(
    audit.findings
      .filter((finding) => finding.outcome === "adjusted")
      .map((finding) => [`${finding.name}\u0000${finding.type}`, finding]),
  );
  const synced: RecordState[] = [];
  for (const [index, row] of audit.rows.entries()) {
    const name = row.name === "" ? "@" : row.name;
    const stored = atWedos.get(ownershipKey(row));
    const finding = adjusted.get(`${name}\u0000${row.type}`);
    synced.push({
      name,
      type: row.type,
      ttl: row.ttl,
      value: row.rdata,
      state: stored !== undefined && stored.ttl === row.ttl ? "in-sync" : "pending",
      note: finding?.reason,
      rule: finding?.rule,
    });
    if (sliceBoundary(index)) yield;
  }
  const refused: RecordState[] = audit.findings
    .filter((finding) => finding.outcome === "skipped")
    .map((finding) => ({
      name: finding.name,
      type: finding.type,
      ttl: finding.ttl,
      value: finding.value,
      state: HANDLED_BY_WEDOS.has(finding.rule) ? "by-wedos" : "not-accepted",
      note: finding.reason,
      rule: finding.rule,
    }));
  return [...synced, ...refused];
}
