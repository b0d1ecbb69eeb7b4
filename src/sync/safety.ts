import type { ZoneChange } from "./changes.js";

/**
 * octoDNS's safety threshold (provider/plan.py): a plan that updates or deletes more than 30 % of a zone with at
 * least 10 existing managed rows is refused unless forced, so a broken zone file or a wrong zone directory can
 * never wipe a customer's DNS in one go.
 */
export const MAX_SAFE_CHANGE_RATIO = 0.3;
export const MIN_EXISTING_ROWS = 10;

export interface SafetyVerdict {
  safe: boolean;
  existing: number;
  updates: number;
  deletes: number;
  message: string | undefined;
}

export function checkPlanSafety(changes: readonly ZoneChange[], existingManagedRows: number): SafetyVerdict {
  const updates = changes.filter((change) => change.kind === "update").length;
  const deletes = changes.filter((change) => change.kind === "delete").length;
  const verdict = { existing: existingManagedRows, updates, deletes };
  if (existingManagedRows < MIN_EXISTING_ROWS) return { safe: true, ...verdict, message: undefined };
  const updateShare = updates / existingManagedRows;
  const deleteShare = deletes / existingManagedRows;
  if (updateShare <= MAX_SAFE_CHANGE_RATIO && deleteShare <= MAX_SAFE_CHANGE_RATIO)
    return { safe: true, ...verdict, message: undefined };
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  return {
    safe: false,
    ...verdict,
    message: `the plan updates ${updates} of ${existingManagedRows} existing rows (${percent(updateShare)}) and deletes ${deletes} (${percent(deleteShare)}); more than ${percent(MAX_SAFE_CHANGE_RATIO)} needs --force — check the panel's zone first`,
  };
}
