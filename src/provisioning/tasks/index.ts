import type { TaskHandler } from "../worker.js";
import { TASK } from "../task-names.js";
import type { TaskContext } from "./context.js";
import { applyDrift, checkDrift } from "./drift-tasks.js";
import { pollNotifications, protectDomain, purgeCache, unprotectDomain } from "./protection-tasks.js";
import { reconcile } from "./reconcile.js";
import { testConnection } from "./test-connection.js";
import { provisionDomain, removeDomain, syncZone, withdrawZone } from "./zone-tasks.js";

/** The worker's task table. */
export function createTaskHandlers(ctx: TaskContext): Map<string, TaskHandler> {
  return new Map<string, TaskHandler>([
    [TASK.provisionDomain, (job) => provisionDomain(ctx, job)],
    [TASK.syncZone, (job) => syncZone(ctx, job)],
    [TASK.removeDomain, (job) => removeDomain(ctx, job)],
    [TASK.withdrawZone, (job) => withdrawZone(ctx, job)],
    [TASK.protectDomain, (job) => protectDomain(ctx, job)],
    [TASK.unprotectDomain, (job) => unprotectDomain(ctx, job)],
    [TASK.pollNotifications, (job) => pollNotifications(ctx, job)],
    [TASK.purgeCache, (job) => purgeCache(ctx, job)],
    [TASK.checkDrift, (job) => checkDrift(ctx, job)],
    [TASK.applyDrift, (job) => applyDrift(ctx, job)],
    [TASK.reconcile, async (job) => void (await reconcile(ctx, job))],
    [TASK.testConnection, (job) => testConnection(ctx, job)],
  ]);
}
