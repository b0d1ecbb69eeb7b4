import { canonicalRdataKey, type WedosRow } from "../dns/index.js";
import type { ZoneChangeKind } from "../model/plan-summary.js";

/** A row as it exists at WEDOS, with whether the plugin owns it. */
export interface ExistingRow extends WedosRow {
  id: string;
  /** The plugin created or adopted it (its id is in our database); only managed rows are changed or deleted. */
  managed: boolean;
}

/**
 * One step of a plan: a message a person can read and the action that makes it. The same list is printed as a
 * dry run and executed by apply (DNSControl's "corrections").
 */
export type ZoneChange =
  | { kind: "delete"; message: string; row: ExistingRow }
  | { kind: "update"; message: string; row: ExistingRow; to: WedosRow }
  | { kind: "add"; message: string; row: WedosRow }
  | { kind: "adopt"; message: string; row: ExistingRow };

/**
 * Order in which apply executes changes: deletes make room (CNAME ↔ A, 2316) before updates and adds. Keyed by the
 * summary's kinds, so a new kind of change does not compile until the summary counts it too.
 */
export const APPLY_ORDER: Readonly<Record<ZoneChangeKind, number>> = { adopt: 0, delete: 1, update: 2, add: 3 };

/** "www A 192.0.2.1 (TTL 300)" — how a row is named in messages; "@" stands for the apex. */
export function describeRow(row: WedosRow): string {
  return `${row.name === "" ? "@" : row.name} ${row.type} ${row.rdata} (TTL ${row.ttl})`;
}

/**
 * What identifies a row apart from its WEDOS ID and TTL: name, type and canonical value. WEDOS refuses a second row
 * with the same key (2316), so a key names at most one row of a zone.
 */
export function ownershipKey(row: Pick<WedosRow, "name" | "type" | "rdata">): string {
  return `${row.name}\u0000${row.type}\u0000${canonicalRdataKey(row)}`;
}
