import { dayOf } from "../billing/calendar.js";
import type { Config } from "../config/load.js";
import type { Database } from "../store/database.js";
import { UsageLedgerStore } from "../store/usage-ledger-store.js";
import type { CheckResult } from "./checks.js";

const QUARTER_MS = 90 * 86_400_000;

/**
 * Whether WEDOS reported the price of the protection it charged for (docs/decisions/0046): the plugin reads
 * `amount` and `currency` from the order's activation notification, where WEDOS documents them. A charge without
 * them in the last 90 days means WEDOS answered differently on this account, and bills lack that wholesale price.
 */
export function checkLedgerPrices(db: Database, config: Pick<Config, "billing">, now: number): CheckResult {
  const zone = config.billing.timeZone;
  const charges = new UsageLedgerStore(db)
    .between(dayOf(now - QUARTER_MS, zone), dayOf(now, zone))
    .filter((entry) => entry.event === "charge");
  const unpriced = charges.filter((entry) => entry.wholesale === null);
  const latest = unpriced.at(-1);
  if (latest === undefined) {
    return {
      check: "billing prices",
      status: "ok",
      message: `WEDOS reported the price of each of the ${charges.length} protection charge(s) of the last 90 days`,
    };
  }
  const order = latest.reference === null ? "" : `, order ${latest.reference}`;
  return {
    check: "billing prices",
    status: "warn",
    message:
      `${unpriced.length} protection charge(s) of the last 90 days have no price from WEDOS (the latest: ` +
      `${latest.domain} on ${latest.day}${order}: ${latest.note ?? "no amount"}), so bills show no wholesale or ` +
      "margin for them: compare them with WEDOS's credit movements on /admin/billing/reconciliation",
  };
}
