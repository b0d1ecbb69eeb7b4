import { z } from "zod";
import type { Clock } from "../../clock.js";
import { toError } from "../../errors.js";
import type { Database } from "../../store/database.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import { WapiPausedError } from "../../wapi/errors.js";
import { testsInWords } from "../../wapi/fuse.js";
import type { Wapi } from "../../wapi/index.js";
import { pragueClockTime } from "../../wapi/prague-hour.js";
import { resumeSending } from "../resume.js";
import { defineTask } from "../task-definition.js";

export const CONNECTION_TEST_KEY = "connection_test";

/** The outcome of the last "Test connection", as the settings page shows it. */
export interface ConnectionTest {
  at: number;
  ok: boolean;
  message: string;
}

export interface ConnectionTestDeps {
  wapi: Pick<Wapi, "account" | "fuse" | "circuit">;
  clock: Clock;
  db: Database;
}

/**
 * An admin's explicit Test connection (the settings page, `wedos-panel wapi-resume --test-connection`): one ping
 * with the settings in use, allowed while sending is paused for the credentials, the IP allow-list or the
 * rejected-request fuse, and counted by the fuse against its hard ceiling. An accepted test shows the cause fixed: a
 * pause an admin fixes ends as with Resume, the jobs it put off due at once (the fuse holds). The outcome is kept for
 * the settings page; a failure is recorded, not retried: the admin asked for an answer, not for persistence.
 */
export async function runConnectionTest(deps: ConnectionTestDeps): Promise<ConnectionTest> {
  let result: ConnectionTest;
  try {
    await deps.wapi.account.ping({ lane: "interactive", whenBudgetExhausted: "refuse", connectionTest: true });
    resumeSending({ circuit: deps.wapi.circuit, db: deps.db, clock: deps.clock }, "admin");
    const fuse = deps.wapi.fuse.status();
    const resumes =
      fuse.tripped && fuse.resumesAt !== undefined
        ? `; the plugin resumes sending by itself at ${pragueClockTime(fuse.resumesAt)} Prague time, once the rejected requests are an hour old`
        : "";
    result = {
      at: deps.clock.now(),
      ok: true,
      message: `WEDOS accepted the login, the WAPI password and this server's IP address${resumes}`,
    };
  } catch (error) {
    const fuse = deps.wapi.fuse.status();
    // A refusal without sending already says why; after a rejection the admin needs to know how many tries remain.
    const tries =
      fuse.rejected > 0 && !(error instanceof WapiPausedError) ? `; Test connection has ${testsInWords(fuse)}` : "";
    result = { at: deps.clock.now(), ok: false, message: `${toError(error).message}${tries}` };
  }
  new DaemonStateStore(deps.db).set(CONNECTION_TEST_KEY, result, deps.clock.now());
  return result;
}

/** test-connection jobs queued by an earlier version of the settings page. */
export const testConnection = defineTask({
  name: "test-connection",
  payload: z.object({}),
  domainOf: () => null,
  lane: "interactive",
  progressLabel: "progress.task.testConnection",
  run: async (ctx) => void (await runConnectionTest(ctx)),
});
