import { dayOf } from "../billing/calendar.js";
import type { Database } from "../store/database.js";
import { ProtectionPlanStore } from "../store/protection-plan-store.js";
import type { CheckResult } from "./checks.js";

/**
 * Whether any protection service is past its paid-until day without a renewal: WEDOS may end it, and the customer
 * loses protection they pay for. The usual cause is a WEDOS credit too low for `wgp-domain-renew` (2283).
 */
export function checkRenewals(db: Database, timeZone: string, now: number): CheckResult {
  const today = dayOf(now, timeZone);
  const overdue = new ProtectionPlanStore(db).overdue(today);
  const oldest = overdue[0];
  if (oldest === undefined)
    return { check: "renewals", status: "ok", message: "no protection service is past its paid period" };
  return {
    check: "renewals",
    status: "fail",
    message: `${overdue.length} protection service(s) are past their paid period without a renewal (the oldest, ${oldest.domain}, since ${oldest.paidUntil ?? "?"}); see wedos-panel jobs --failed for the renew-protection error — usually the WEDOS credit is too low: top it up, then retry the jobs`,
  };
}
