import type { Reason } from "../model/reason.js";

/**
 * Which failed jobs a task's success settles, besides the older failures of its own key (store/job-store.ts): the
 * failures of the same domain that the success makes moot, because the domain has recovered. A zone that a sync,
 * a provisioning or an admin's apply brought in line with the panel no longer needs the zone work that failed
 * before; a domain removed from WEDOS needs none of its earlier work. A task done with a note (nothing to do)
 * settles nothing but its own key: it did not show that the domain is well. Names as stored in the jobs table
 * (tasks/index.ts; a test checks each is a registered task).
 */
const ZONE_WORK = ["provision-domain", "sync-zone", "apply-drift"] as const;

const RECOVERS: Readonly<Record<string, readonly string[]>> = {
  "provision-domain": ZONE_WORK,
  "sync-zone": ZONE_WORK,
  "apply-drift": ZONE_WORK,
  "remove-domain": [...ZONE_WORK, "withdraw-zone", "protect-domain", "unprotect-domain", "purge-cache"],
};

/** The tasks whose failed jobs of the same domain a successful job of `task` settles. */
export function recoveredBy(task: string | undefined, note: Reason | undefined): readonly string[] {
  if (task === undefined || note !== undefined) return [];
  return RECOVERS[task] ?? [];
}

/** Every task name the table above mentions (for the test that they all exist). */
export function recoveryTaskNames(): string[] {
  return [...new Set([...Object.keys(RECOVERS), ...Object.values(RECOVERS).flat()])];
}
