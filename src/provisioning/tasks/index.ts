import type { RegisteredTask } from "../task-definition.js";
import { adoptionUpkeep, checkAdoptionProof, takeOverAdoption } from "./adoption-tasks.js";
import { checkCredit, fetchCreditMovements } from "./credit-tasks.js";
import { applyDrift, checkDrift } from "./drift-tasks.js";
import { pollNotifications, protectDomain, purgeCache, unprotectDomain } from "./protection-tasks.js";
import { changeProtectionPlan } from "./plan-tasks.js";
import { deliverNotices } from "./notice-delivery.js";
import { planUpkeep } from "./plan-upkeep.js";
import { reconcile } from "./reconcile.js";
import { renewProtection } from "./renewal-tasks.js";
import { refreshTemplates, replicateTemplate } from "./template-tasks.js";
import { testConnection } from "./test-connection.js";
import { provisionDomain, removeDomain, syncZone, withdrawZone } from "./zone-tasks.js";

/**
 * Every task the worker knows, by the name stored in the jobs table. A new task (a new WEDOS service's order,
 * check or removal) is one definition in its own module (task-definition.ts) and one line here.
 */
const ALL: readonly RegisteredTask[] = [
  // DNS zones
  provisionDomain,
  syncZone,
  removeDomain,
  withdrawZone,
  checkDrift,
  applyDrift,
  // WEDOS Global protection
  protectDomain,
  unprotectDomain,
  purgeCache,
  pollNotifications,
  // the WEDOS credit
  checkCredit,
  fetchCreditMovements,
  // protection plans as products
  changeProtectionPlan,
  renewProtection,
  refreshTemplates,
  replicateTemplate,
  planUpkeep,
  // the whole installation
  reconcile,
  testConnection,
  // taking over what exists at WEDOS, with its owner's consent
  takeOverAdoption,
  checkAdoptionProof,
  adoptionUpkeep,
  // telling people who must act on a request
  deliverNotices,
];

export const TASKS: ReadonlyMap<string, RegisteredTask> = new Map(ALL.map((task) => [task.name, task]));
