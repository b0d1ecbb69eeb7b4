import { canonicalRdataKey, type WedosRow } from "../dns/index.js";
import type { WapiRow } from "../wapi/schemas.js";
import { WEDOS_CAPABILITIES } from "./capabilities.js";
import { describeRow, type ExistingRow } from "./changes.js";
import { diffRows } from "./diff.js";
import type { ZonePlan } from "./plan.js";
import { checkPlanSafety } from "./safety.js";

export interface PlanZoneInput {
  zone: string;
  /** The panel's rows after the capability audit, and the audit's findings. */
  desired: readonly WedosRow[];
  findings: ZonePlan["findings"];
  /** The rows at WEDOS as dns-rows-list returned them. */
  listed: readonly WapiRow[];
  /** IDs of the rows the plugin owns. */
  owned: ReadonlySet<string>;
  createZone: boolean;
  /** Writes of an earlier, interrupted apply still wait for their commit. */
  commitPending: boolean;
  /** Take over every row the plugin does not own. */
  adopt: boolean;
}

const SYNCED_TYPES: ReadonlySet<string> = new Set(WEDOS_CAPABILITIES.supportedTypes);

/** The pure part of planning a primary zone: no I/O, so it can be timed and tested on its own. */
export function planZone(input: PlanZoneInput): ZonePlan {
  // A row of a type the plugin never syncs (NAPTR, DNSKEY, … made at WEDOS by hand) is never the plugin's: it is
  // not adopted, updated or deleted, and the panel's record of that type is no drift (docs/decisions/0017).
  const syncable = (row: { type: string }) => SYNCED_TYPES.has(row.type.trim().toUpperCase());
  const existing: ExistingRow[] = input.listed.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    ttl: row.ttl,
    rdata: row.rdata,
    managed: input.owned.has(row.id) && syncable(row),
  }));
  const adoptions = input.adopt
    ? existing
        .filter((row) => !row.managed && syncable(row))
        .map((row) => ({
          kind: "adopt" as const,
          message: `adopt ${describeRow(row)} (created outside the plugin)`,
          row,
        }))
    : [];
  const view = input.adopt ? existing.map((row) => ({ ...row, managed: syncable(row) })) : existing;
  const diff = diffRows(input.desired, view, canonicalRdataKey);
  return {
    zone: input.zone,
    mode: "primary",
    desired: [...input.desired],
    createZone: input.createZone,
    commitPending: input.commitPending,
    scheduleTransfer: false,
    changes: [...adoptions, ...diff.changes],
    findings: input.findings,
    conflicts: diff.conflicts,
    foreign: diff.foreign,
    safety: checkPlanSafety(diff.changes, view.filter((row) => row.managed).length),
    existing,
  };
}
