import { toError } from "../../errors.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import type { Job } from "../queue.js";
import type { TaskContext } from "./context.js";

export const CONNECTION_TEST_KEY = "connection_test";

/** The outcome of the last "Test connection", as the settings page shows it. */
export interface ConnectionTest {
  at: number;
  ok: boolean;
  message: string;
}

/**
 * test-connection: one ping with the configured credentials; the outcome (or the reason WEDOS gave) is kept for
 * the settings page. A failure is recorded, not retried: the admin asked for an answer, not for persistence.
 */
export async function testConnection(ctx: TaskContext, job: Job): Promise<void> {
  let result: ConnectionTest;
  try {
    await ctx.wapi.account.ping({ lane: job.lane, whenBudgetExhausted: "refuse" });
    result = { at: ctx.clock.now(), ok: true, message: "WEDOS accepted the login, the WAPI password and this server's IP address" };
  } catch (error) {
    result = { at: ctx.clock.now(), ok: false, message: toError(error).message };
  }
  new DaemonStateStore(ctx.db).set(CONNECTION_TEST_KEY, result, ctx.clock.now());
}
