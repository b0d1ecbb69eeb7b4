import type { Clock } from "../clock.js";
import type { ResumeCause } from "../model/wapi-status.js";
import type { Database } from "../store/database.js";
import { PausedJobStore } from "../store/paused-job-store.js";
import type { WapiCircuit } from "../wapi/circuit.js";

/**
 * The one way to end a pause whose cause is fixed — the admin's Resume, `wapi-resume`, new WAPI settings
 * (WapiCircuit.endFixedPause says which pause each ends): the jobs it put off (requeued for its planned end) are due
 * now, not up to a day later. The rejected-request fuse still decides for every request, so a job taken while it
 * holds is refused unsent and waits for the fuse (docs/decisions/0014). False when no such pause held.
 */
export function resumeSending(deps: { circuit: WapiCircuit; db: Database; clock: Clock }, cause: ResumeCause): boolean {
  const plannedEnd = deps.circuit.endFixedPause(cause);
  if (plannedEnd === undefined) return false;
  new PausedJobStore(deps.db).dueNow(plannedEnd, deps.clock.now());
  return true;
}
