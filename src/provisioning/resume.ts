import type { Clock } from "../clock.js";
import type { PausedJobStore } from "../store/paused-job-store.js";
import type { WapiCircuit } from "../wapi/circuit.js";

/**
 * An admin's Resume on the pages, once the cause of a pause is fixed: ends a pause an admin fixes (a time-bound one
 * holds) and makes the jobs it put off due now, not at the pause's planned end. False when there was no such pause.
 */
export function resumeSending(deps: { circuit: WapiCircuit; pausedJobs: PausedJobStore; clock: Clock }): boolean {
  const until = deps.circuit.status()?.retryAt;
  if (!deps.circuit.resumeAfterFix()) return false;
  if (until !== undefined) deps.pausedJobs.dueNow(until, deps.clock.now());
  return true;
}
