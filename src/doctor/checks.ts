import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import type { Clock } from "../clock.js";
import { ConfigError, loadConfig, type Config } from "../config/load.js";
import { openConfiguredDatabase } from "../store/database.js";
import { JobStore } from "../store/job-store.js";
import { createWapi, type Wapi } from "../wapi/index.js";
import { isCredentialsRejected, isIpNotAllowed } from "../wapi/codes.js";
import { WapiDecodeError, WapiError, WapiHttpError, WapiResultError, WapiTransportError } from "../wapi/errors.js";
import { fuseSummary, testsInWords } from "../wapi/fuse.js";
import { pragueHour } from "../wapi/prague-hour.js";
import { checkBindTransfers } from "./bind-transfer.js";
import { checkCredit } from "./credit-check.js";
import { checkDatabase } from "./database-check.js";
import { checkLedgerPrices } from "./ledger-check.js";
import { checkCreatorLevels } from "./creator-level-check.js";
import { checkDatabaseDriver } from "./driver-check.js";
import { checkPanelReader } from "./panel-reader.js";
import { checkPages } from "./page-checks.js";
import { checkSessionChecks } from "./session-checks.js";
import { checkHookDataDir } from "./hook-data-dir.js";
import { checkHookWarnings } from "./hook-warnings.js";
import { checkInstallation } from "./installation.js";
import { hookSpool } from "../provisioning/spool.js";
import { checkDiskSpace } from "./disk-space.js";
import { checkOffers } from "./offer-check.js";
import { checkRenewals } from "./renewal-check.js";
import { checkAdoptions } from "./adoption-check.js";
import { checkPanelMessages } from "./panel-messages.js";

export type CheckStatus = "ok" | "warn" | "fail" | "skipped";
export interface CheckResult {
  check: string;
  status: CheckStatus;
  message: string;
}

/** Tolerated difference between this server's clock and WEDOS's before the auth hash is at risk. */
const MAX_CLOCK_SKEW_SECONDS = 60;

/**
 * Checks everything the plugin needs to talk to WEDOS, in order, and explains each failure in one sentence with
 * its fix. Sends at most one WAPI request (ping), and none while sending is paused.
 */
export async function runDoctor(
  env: Readonly<Record<string, string | undefined>>,
  clock: Clock,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const add = (check: string, status: CheckStatus, message: string) => results.push({ check, status, message });

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    add("configuration", "fail", error.message);
    return results;
  }
  add(
    "configuration",
    "ok",
    config.configFile === undefined
      ? "no configuration file; using the environment and defaults"
      : `read ${config.configFile}`,
  );
  results.push(...checkInstallation(config, env));
  results.push(...(await checkPanelReader(config)));
  results.push(...(await checkPages(config)));
  if (config.installation === undefined) results.push(checkHookDataDir(config, env));
  const spool = hookSpool(config.dataDir, config.installation);
  results.push(checkHookWarnings(spool, config.dataDir, clock.now()));
  results.push(checkDiskSpace([config.dataDir, spool.events]));
  results.push(...checkSessionChecks(config, clock.now()));
  results.push(checkPanelMessages(config));

  const { login, password, passwordSource } = config.wapi;
  if (login === undefined || password === undefined) {
    add(
      "credentials",
      "fail",
      `${login === undefined ? "the WAPI login is not set; set wapi.login or WEDOS_WAPI_LOGIN" : "the WAPI password is not set; set wapi.passwordFile (mode 0600) or WEDOS_WAPI_PASSWORD"}`,
    );
    return results;
  }
  add("credentials", "ok", `login ${login}, password from ${passwordSource ?? "?"}`);

  const dataDirProblem = checkDataDir(config.dataDir);
  add(
    "data directory",
    dataDirProblem === undefined ? "ok" : dataDirProblem.status,
    dataDirProblem?.message ?? `${config.dataDir} is private and writable`,
  );
  if (dataDirProblem?.status === "fail") return results;

  try {
    add("time zone data", "ok", `the Prague hour is ${pragueHour(clock.now())}`);
  } catch (error) {
    add("time zone data", "fail", (error as Error).message);
    return results;
  }

  if (config.dns.primaryIp !== undefined) {
    const transfers = checkBindTransfers(config.dns.namedConf);
    add("zone transfers", transfers.status, transfers.message);
  }

  results.push(checkDatabaseDriver(config));
  if (results.at(-1)?.status === "fail") return results;
  results.push(checkDatabase(config));
  if (results.at(-1)?.status === "fail") return results;

  const db = openConfiguredDatabase(config);
  const wapi = createWapi(config, db, clock);
  try {
    const paused = wapi.circuit.status();
    const budget = wapi.budget.status();
    const budgetMessage = `${budget.used} of ${budget.limit} requests used this hour (${budget.reserve} kept for people and for new and removed accounts), ${budget.rejected} rejected`;
    add(
      "request budget",
      budget.used >= budget.limit ? "fail" : budget.used >= budget.limit * 0.8 ? "warn" : "ok",
      budgetMessage,
    );
    const fuse = wapi.fuse.status();
    if (fuse.tripped) add("rejected requests", "fail", fuseSummary(fuse));
    else if (fuse.rejected > 0)
      add(
        "rejected requests",
        "warn",
        `WEDOS rejected ${fuse.rejected} request(s) in the last hour; the plugin stops sending by itself at ${fuse.fuse}, before WEDOS blocks this server's IP address (it does after 10); Test connection has ${testsInWords(fuse)}`,
      );
    results.push(checkLedgerPrices(db, config, clock.now()));
    results.push(checkCreatorLevels(db));
    results.push(checkRenewals(db, config.billing.timeZone, clock.now()));
    results.push(checkAdoptions(db, clock.now()));
    const jobs = new JobStore(db).countsByState();
    add(
      "job queue",
      jobs.dead > 0 ? "warn" : "ok",
      jobs.dead > 0
        ? `${jobs.dead} job(s) gave up; see wedos-panel jobs --failed, fix the cause and retry them`
        : `${jobs.queued} queued, ${jobs.running} running, none failed`,
    );
    results.push(checkOffers(db, config.billing));
    results.push(...checkCredit(db, config, clock.now()));
    if (paused?.reason === "ip-blocked" && fuse.rejected < 10) {
      // WEDOS blocks after 10 in its window; fewer in our hour means its window is longer, or another client shares the address.
      add(
        "invalid-request window",
        "fail",
        `WEDOS blocked this server's IP address although the plugin sent only ${fuse.rejected} rejected request(s) in the last hour, so WEDOS counts over a longer window or another program on this address sends invalid requests: set wapi.rejectedFuse lower (for example 2) and stop other WAPI clients on this server`,
      );
    }
    if (paused !== undefined) {
      add("WEDOS connection", "fail", `not tested: ${paused.summary}`);
      return results;
    }
    await pingWedos(wapi, config, clock, add);
  } finally {
    await wapi.close();
    db.close();
  }
  return results;
}

type AddCheck = (check: string, status: CheckStatus, message: string) => void;

async function pingWedos(wapi: Wapi, config: Config, clock: Clock, add: AddCheck): Promise<void> {
  const started = clock.now();
  let serverTimestamp: number | undefined;
  try {
    serverTimestamp = (
      await wapi.client.call("ping", undefined, { lane: "interactive", whenBudgetExhausted: "refuse" })
    ).timestamp;
  } catch (error) {
    if (!(error instanceof WapiError)) throw error;
    if (error instanceof WapiTransportError || error instanceof WapiHttpError || error instanceof WapiDecodeError) {
      add("reachability", "fail", error.message);
      return;
    }
    add("reachability", "ok", `${config.wapi.url} answers`);
    if (error instanceof WapiResultError) {
      const clockOk = addClockCheck(error.serverTimestamp, started, add);
      if (isCredentialsRejected(error)) {
        add(
          "WEDOS login",
          "fail",
          clockOk
            ? `WEDOS rejected the login or the WAPI password (code 2050) while the clocks agree, so the password or login is wrong: check wapi.login and the WAPI password (set under WAPI in the WEDOS customer administration)`
            : error.message,
        );
      } else {
        add(isIpNotAllowed(error) ? "IP allow-list" : "WEDOS ping", "fail", error.message);
      }
      return;
    }
    add("WEDOS ping", "fail", error.message);
    return;
  }
  add("reachability", "ok", `${config.wapi.url} answers`);
  addClockCheck(serverTimestamp, started, add);
  add("WEDOS login", "ok", "WEDOS accepted the login and WAPI password");
  add("IP allow-list", "ok", "WEDOS accepts requests from this server");
}

/** Compares our clock with the timestamp WEDOS sent; true when they agree (or WEDOS sent none). */
function addClockCheck(serverTimestamp: number | undefined, localMs: number, add: AddCheck): boolean {
  if (serverTimestamp === undefined) return true;
  const skew = Math.round(localMs / 1000 - serverTimestamp);
  if (Math.abs(skew) <= MAX_CLOCK_SKEW_SECONDS) {
    add("clock", "ok", `this server's clock is within ${Math.abs(skew)} s of WEDOS's`);
    return true;
  }
  add(
    "clock",
    "fail",
    `this server's clock is ${Math.abs(skew)} s ${skew > 0 ? "ahead of" : "behind"} WEDOS's, which breaks the hourly auth hash; enable NTP time synchronisation`,
  );
  return false;
}

function checkDataDir(dir: string): { status: CheckStatus; message: string } | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    return {
      status: "fail",
      message: `${dir} cannot be created or written (${(error as Error).message}); create it and give it to the user running wedos-panel`,
    };
  }
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) !== 0)
    return {
      status: "warn",
      message: `${dir} has mode ${mode.toString(8).padStart(4, "0")} and holds the database; run: chmod 700 ${dir}`,
    };
  return undefined;
}
