import { AsyncLocalStorage } from "node:async_hooks";
import type { BudgetOwner } from "../store/wapi-share-store.js";

export type { BudgetOwner } from "../store/wapi-share-store.js";

// Carries the owner of the job being run to every request it makes, however deep in the task (sync, protection)
// the request is sent, without threading it through each WAPI call's options.
const current = new AsyncLocalStorage<BudgetOwner>();

/** Runs `work` with its interactive WAPI requests counted toward `owner`'s fair shares (none without an owner). */
export function spendingFor<T>(owner: BudgetOwner | undefined, work: () => Promise<T>): Promise<T> {
  return owner === undefined ? work() : current.run(owner, work);
}

/** The owner the requests being made now are counted for, if any. */
export function currentOwner(): BudgetOwner | undefined {
  return current.getStore();
}
