import type { WedosRow } from "../dns/index.js";
import type { PlanSummary, ZoneChangeKind } from "../model/plan-summary.js";
import type { ZoneMode } from "../store/dns-zone-store.js";
import type { AuditFinding } from "./audit.js";
import { APPLY_ORDER, describeRow, type ExistingRow, type ZoneChange } from "./changes.js";
import type { SyncConflict } from "./diff.js";
import type { SafetyVerdict } from "./safety.js";

/**
 * Everything a sync would do to one zone, computed without side effects: printed as a dry run, serialised for
 * pages and the audit log, and executed as it stands by apply.
 */
export interface ZonePlan {
  zone: string;
  mode: ZoneMode;
  /** The zone does not exist at WEDOS yet: apply creates it first. */
  createZone: boolean;
  /** The panel's rows after the audit: what the zone should hold. */
  desired: WedosRow[];
  /** An earlier apply sent writes but was cut short before its commit: this plan commits them. */
  commitPending: boolean;
  /** Secondary mode: ask WEDOS to transfer the zone from the panel's server again. */
  scheduleTransfer: boolean;
  changes: ZoneChange[];
  findings: AuditFinding[];
  conflicts: SyncConflict[];
  foreign: ExistingRow[];
  safety: SafetyVerdict;
  /** The rows at WEDOS the plan was made from (the apply derives the state it leaves from them). */
  existing: ExistingRow[];
}

/** True when applying the plan would send anything to WEDOS. */
export function planHasWork(plan: ZonePlan): boolean {
  return plan.createZone || plan.scheduleTransfer || plan.commitPending || plan.changes.length > 0;
}

/** The changes in the order apply executes them. */
export function orderedChanges(plan: ZonePlan): ZoneChange[] {
  return [...plan.changes].sort((a, b) => APPLY_ORDER[a.kind] - APPLY_ORDER[b.kind]);
}

const rowJson = (row: WedosRow) => ({ name: row.name, type: row.type, ttl: row.ttl, rdata: row.rdata });

/** The plan as JSON: `{"changes": [...]}` plus the audit findings, conflicts and foreign rows. */
export function planToJson(plan: ZonePlan): Record<string, unknown> {
  return {
    zone: plan.zone,
    mode: plan.mode,
    createZone: plan.createZone,
    commitPending: plan.commitPending,
    scheduleTransfer: plan.scheduleTransfer,
    changes: orderedChanges(plan).map((change) => ({
      kind: change.kind,
      message: change.message,
      ...rowJson(change.row),
      ...("id" in change.row ? { rowId: change.row.id } : {}),
      ...(change.kind === "update" ? { to: rowJson(change.to) } : {}),
    })),
    findings: plan.findings,
    conflicts: plan.conflicts.map((conflict) => ({ ...rowJson(conflict.row), reason: conflict.reason })),
    foreign: plan.foreign.map((row) => ({ rowId: row.id, ...rowJson(row) })),
    safety: {
      safe: plan.safety.safe,
      existing: plan.safety.existing,
      updates: plan.safety.updates,
      deletes: plan.safety.deletes,
      message: plan.safety.message ?? null,
    },
  };
}

const MARK: Record<ZoneChange["kind"], string> = { add: "+", update: "~", delete: "-", adopt: "=" };

/** Every step an apply would take, in order, each marked + (add), ~ (change), - (delete) or = (adopt). */
export function planSteps(plan: ZonePlan): Array<{ mark: string; text: string }> {
  const steps: Array<{ mark: string; text: string }> = [];
  if (plan.createZone) steps.push({ mark: "+", text: `create the ${plan.mode} zone ${plan.zone} at WEDOS` });
  if (plan.commitPending)
    steps.push({ mark: "~", text: "commit the changes an interrupted sync left uncommitted at WEDOS" });
  if (plan.scheduleTransfer)
    steps.push({ mark: "~", text: `ask WEDOS to transfer ${plan.zone} from the panel's server again` });
  for (const change of orderedChanges(plan)) steps.push({ mark: MARK[change.kind], text: change.message });
  return steps;
}

export function planSummary(plan: ZonePlan): PlanSummary {
  const count = (kind: ZoneChangeKind) => plan.changes.filter((change) => change.kind === kind).length;
  return {
    steps: planSteps(plan),
    counts: { add: count("add"), update: count("update"), delete: count("delete"), adopt: count("adopt") },
    foreign: plan.foreign.map((row) => describeRow(row)),
    conflicts: plan.conflicts.map((conflict) => conflict.reason),
    safe: plan.safety.safe,
    safetyMessage: plan.safety.message ?? null,
  };
}

/** The plan as text, one line per change, for the CLI and logs. */
export function planToText(plan: ZonePlan): string {
  const lines = [`Plan for ${plan.zone} (${plan.mode}${plan.createZone ? ", to be created at WEDOS" : ""}):`];
  for (const step of planSteps(plan)) lines.push(`  ${step.mark} ${step.text}`);
  if (!planHasWork(plan)) lines.push("  (no changes: WEDOS already holds what the panel holds)");
  if (plan.findings.length > 0) {
    lines.push("Not synced as the panel has them (WEDOS cannot take them):");
    for (const finding of plan.findings) lines.push(`  ! ${finding.name} ${finding.type}: ${finding.reason}`);
  }
  if (plan.conflicts.length > 0) {
    lines.push("Conflicts (left for an admin):");
    for (const conflict of plan.conflicts) lines.push(`  ✗ ${conflict.reason}`);
  }
  if (plan.foreign.length > 0) {
    lines.push("Left alone (not created by the plugin; --adopt takes them over):");
    for (const row of plan.foreign) lines.push(`  · ${describeRow(row)}`);
  }
  if (!plan.safety.safe) lines.push(`Refused without --force: ${plan.safety.message ?? ""}`);
  const count = (kind: ZoneChange["kind"]) => plan.changes.filter((change) => change.kind === kind).length;
  lines.push(
    `${plan.changes.length} change(s): ${count("add")} to add, ${count("update")} to update, ${count("delete")} to delete, ${count("adopt")} to adopt.`,
  );
  return `${lines.join("\n")}\n`;
}
