import type { Database } from "../store/database.js";
import { ServiceRequestStore } from "../store/service-request-store.js";
import type { CheckResult } from "./checks.js";

const ALL = { scope: { kind: "all" } as const, kinds: ["adoption"] as const, limit: 100 };

/**
 * Adoption requests a person must look at (docs/decisions/0054): a take-over its owner approved that failed (the
 * service at WEDOS is still not the plugin's), or a waiting request past its expiry (the upkeep, queued by the
 * reconciler, is not running).
 */
export function checkAdoptions(db: Database, now: number): CheckResult {
  const requests = new ServiceRequestStore(db);
  const failed = requests.page({ ...ALL, states: ["failed"] });
  const overdue = requests.expiring(["requested"], now, 100);
  if (failed[0] !== undefined)
    return {
      check: "adoptions",
      status: "warn",
      message: `${failed.length} approved take-over(s) failed (the newest: ${failed[0].domain}); an admin opens its adoption page in the plugin, reads why in its history, fixes the cause and takes it over again with a reason`,
    };
  if (overdue[0] !== undefined)
    return {
      check: "adoptions",
      status: "warn",
      message: `${overdue.length} adoption request(s) wait past their expiry (the oldest: ${overdue[0].domain}); the daemon's reconciler, which expires them, has not run: check that wedos-panel serve is running`,
    };
  return { check: "adoptions", status: "ok", message: "no adoption request needs a person" };
}
