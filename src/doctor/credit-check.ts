import { decimalText } from "../billing/money.js";
import type { Config } from "../config/load.js";
import { CreditStore } from "../store/credit-store.js";
import type { Database } from "../store/database.js";
import type { CheckResult } from "./checks.js";

const HOUR_MS = 3_600_000;

/**
 * The WEDOS credit as the daemon last saw it (no request is sent): whether the balance is being read, and whether
 * `account-list` — documented by WEDOS by name only — answered in a shape the plugin could read.
 */
export function checkCredit(db: Database, config: Pick<Config, "billing">, now: number): CheckResult[] {
  const store = new CreditStore(db);
  const latest = store.latestBalance();
  const hours = config.billing.creditCheckHours;
  const results: CheckResult[] = [];
  if (latest === undefined) {
    results.push({
      check: "WEDOS credit",
      status: "ok",
      message: "the balance has not been read yet; the running daemon reads it within the hour",
    });
  } else {
    const age = Math.floor((now - latest.at) / HOUR_MS);
    const balance = `${decimalText(latest.balance)} ${latest.balance.currency}`;
    results.push(
      now - latest.at > 2 * hours * HOUR_MS
        ? {
            check: "WEDOS credit",
            status: "warn",
            message: `the balance (${balance}) was last read ${age} h ago although it is read every ${hours} h: start the daemon (wedos-panel serve) and look at wedos-panel jobs --failed for check-credit`,
          }
        : { check: "WEDOS credit", status: "ok", message: `${balance}, read ${age} h ago` },
    );
  }
  const [unreadable] = store.unreadable();
  if (unreadable !== undefined) {
    results.push({
      check: "credit movements",
      status: "warn",
      message: `${unreadable.count} movement(s) WEDOS listed for ${unreadable.month} (account-list) have no amount or date the plugin can read, so reconciliation shows them as unreadable: run wedos-panel billing reconcile --month ${unreadable.month} --json and report their fields so the reader learns WEDOS's names`,
    });
  }
  return results;
}
