import { existsSync } from "node:fs";
import { toError } from "../errors.js";
import { pendingWarnings, type HookSpool } from "../provisioning/spool.js";
import { databaseFileIn, openDatabase } from "../store/database.js";
import { HookWarningStore, type HookWarning } from "../store/hook-warning-store.js";
import type { CheckResult } from "./checks.js";

const WEEK_MS = 7 * 86_400_000;

/**
 * Whether a pre hook let a panel action through without the zone-quota check in the last week, because the plugin
 * failed (hooks/pre-check.sh): the warnings the daemon recorded, and those still waiting in the spool (the daemon
 * may be the thing that is down).
 */
export function checkHookWarnings(spool: HookSpool, dataDir: string, now: number): CheckResult {
  let warnings: HookWarning[];
  try {
    warnings = [...pendingWarnings(spool), ...recordedWarnings(dataDir)];
  } catch (error) {
    return {
      check: "pre hooks",
      status: "warn",
      message: `the pre hooks' warnings in ${dataDir} cannot be read (${toError(error).message})`,
    };
  }
  const recent = warnings.filter((warning) => now - warning.at < WEEK_MS).sort((a, b) => b.at - a.at);
  const latest = recent[0];
  if (latest === undefined)
    return { check: "pre hooks", status: "ok", message: "no pre hook failed in the last 7 days" };
  const subject =
    latest.domain === null ? "" : ` for ${latest.domain}${latest.username === null ? "" : ` (${latest.username})`}`;
  return {
    check: "pre hooks",
    status: "warn",
    message: `${recent.length} pre hook run(s) in the last 7 days let a panel action through without the zone-quota check, because the plugin failed; the latest, ${latest.hook}${subject} at ${new Date(latest.at).toISOString()}: ${latest.message}. Fix what it names; this check is clear once no pre hook has failed for 7 days`,
  };
}

function recordedWarnings(dataDir: string): HookWarning[] {
  if (!existsSync(databaseFileIn(dataDir))) return [];
  const db = openDatabase(databaseFileIn(dataDir));
  try {
    return new HookWarningStore(db).read().latest;
  } finally {
    db.close();
  }
}
