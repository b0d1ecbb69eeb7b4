import { existsSync } from "node:fs";
import type { Config } from "../config/load.js";
import { toError } from "../errors.js";
import { serverPanel } from "../panel/adapters.js";
import { databaseFileIn, openDatabase } from "../store/database.js";
import { SessionCheckStore, type SessionCheckBound } from "../store/session-check-store.js";
import type { CheckResult } from "./checks.js";

const WEEK_MS = 7 * 86_400_000;

/**
 * Whether the DirectAdmin session check reached its bound on failed checks in the last week
 * (docs/decisions/0019-session-checks-and-clean-stops.md): pages then refused visitors not yet verified, so that
 * DirectAdmin's brute-force monitor never blocks this server's address. Nothing to say when the check is off.
 */
export function checkSessionChecks(config: Config, now: number): CheckResult[] {
  if (serverPanel(config.panel).pages.proof(config) === "uid") return [];
  return [sessionCheckResult(config, now)];
}

function sessionCheckResult(config: Config, now: number): CheckResult {
  const check = "session checks";
  let bound: SessionCheckBound | undefined;
  try {
    bound = readBound(config.dataDir);
  } catch (error) {
    return {
      check,
      status: "warn",
      message: `the session check's record in ${config.dataDir} cannot be read (${toError(error).message})`,
    };
  }
  if (bound === undefined || now - bound.at >= WEEK_MS)
    return { check, status: "ok", message: "no bound on failed session checks was reached in the last 7 days" };
  const whose = bound.scope === "server" ? "the whole server" : bound.source;
  return {
    check,
    status: "warn",
    message: `at ${new Date(bound.at).toISOString()} ${bound.failures} session checks DirectAdmin did not confirm within an hour reached the bound of ${bound.limit} for ${whose}, and visitors not yet verified were refused for up to an hour; if one account is named, it sent sessions DirectAdmin does not know (see the daemon's log), else DirectAdmin refuses sessions replayed from this server: set directadmin.identity to "uid"`,
  };
}

function readBound(dataDir: string): SessionCheckBound | undefined {
  if (!existsSync(databaseFileIn(dataDir))) return undefined;
  const db = openDatabase(databaseFileIn(dataDir));
  try {
    return new SessionCheckStore(db).lastBound();
  } finally {
    db.close();
  }
}
