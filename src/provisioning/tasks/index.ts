import type { RegisteredTask } from "../task-definition.js";
import { applyDrift, checkDrift } from "./drift-tasks.js";
import { pollNotifications, protectDomain, purgeCache, unprotectDomain } from "./protection-tasks.js";
import { reconcile } from "./reconcile.js";
import { testConnection } from "./test-connection.js";
import { provisionDomain, removeDomain, syncZone, withdrawZone } from "./zone-tasks.js";

/**
 * Every task the worker knows, by the name stored in the jobs table. A new task (a new WEDOS service's order,
 * check or removal) is one definition in its own module (task-definition.ts) and one line here.
 */
export const TASKS: ReadonlyMap<string, RegisteredTask> = new Map(
  [provisionDomain, syncZone, removeDomain, withdrawZone, protectDomain, unprotectDomain, pollNotifications, purgeCache, checkDrift, applyDrift, reconcile, testConnection].map(
    (task): [string, RegisteredTask] => [task.name, task],
  ),
);
