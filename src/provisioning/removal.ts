import type { Clock } from "../clock.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { JobQueue } from "./queue.js";
import { jobKey } from "./task-definition.js";
import { removeDomain } from "./tasks/zone-tasks.js";

export interface RemovalDeps {
  inventory: Pick<InventoryStore, "domain" | "setDomainState">;
  queue: JobQueue;
  clock: Clock;
}

/** Why a removal job ended without running (kept with it for the admin's job lists). */
const CANCELLED = "cancelled by an admin: the domain's zone and services stay at WEDOS until removed by hand";

/**
 * An admin's answer to a deleted domain's scheduled removal from WEDOS (lifecycle.ts schedules it after the
 * package's grace period). Cancel: the queued removal is cancelled and the domain kept (no removal date, like the
 * "keep" termination policy); false when no removal is queued (already running, done or never scheduled). Only a
 * deleted domain qualifies: a live one has nothing scheduled.
 */
export function cancelRemoval(deps: RemovalDeps, domain: string): boolean {
  const row = deps.inventory.domain(domain);
  if (row?.state !== "deleted") return false;
  if (!deps.queue.cancel(jobKey(removeDomain, { domain }), CANCELLED)) return false;
  deps.inventory.setDomainState(domain, "deleted", null, deps.clock.now());
  return true;
}

/**
 * Remove now: the deleted domain's removal is due at once and runs in the interactive lane (joining a queued
 * removal, if one waits for its date); returns the job's id, or undefined when the domain is not deleted or is
 * already removed.
 */
export function removeNow(deps: RemovalDeps, domain: string): number | undefined {
  const row = deps.inventory.domain(domain);
  if (row?.state !== "deleted" || row.dnsStatus === "removed") return undefined;
  const now = deps.clock.now();
  deps.inventory.setDomainState(domain, "deleted", now, now);
  return deps.queue.enqueue(removeDomain, { domain }, { lane: "interactive" });
}
