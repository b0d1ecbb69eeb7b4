import type { Service } from "../billing/service-state.js";
import type { Clock } from "../clock.js";
import type { DnsZoneStore } from "../store/dns-zone-store.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { ProtectionStore } from "../store/protection-store.js";
import type { BillingEvents } from "./billing-events.js";
import type { JobQueue } from "./queue.js";
import { jobKey } from "./task-definition.js";
import { removeDomain } from "./tasks/zone-tasks.js";

export interface RemovalDeps {
  inventory: Pick<InventoryStore, "domain" | "setDomainState">;
  queue: JobQueue;
  clock: Clock;
}

/** What cancelling needs besides: what still runs at WEDOS, and the ledger's writer to bill it again. */
export interface CancelRemovalDeps extends RemovalDeps {
  zones: Pick<DnsZoneStore, "zone">;
  protections: Pick<ProtectionStore, "get">;
  billing: Pick<BillingEvents, "batch" | "restarted">;
}

/** Why a removal job ended without running (kept with it for the admin's job lists). */
const CANCELLED = "cancelled by an admin: the domain's zone and services stay at WEDOS until removed by hand";

/**
 * An admin's answer to a deleted domain's scheduled removal from WEDOS (lifecycle.ts schedules it after the
 * package's grace period). Cancel: the queued removal is cancelled and the domain kept (no removal date, like the
 * "keep" termination policy); false when no removal is queued (already running, done or never scheduled). Only a
 * deleted domain qualifies: a live one has nothing scheduled. Billing stopped the day the domain was deleted
 * (docs/decisions/0046-the-ledger-written-where-things-happen.md): the zone and any protection still at WEDOS are
 * billed again from today, in the transaction that cancels, so the ledger never disagrees with the queue.
 */
export function cancelRemoval(deps: CancelRemovalDeps, domain: string, actor: string): boolean {
  return deps.billing.batch(() => {
    const row = deps.inventory.domain(domain);
    if (row?.state !== "deleted") return false;
    if (!deps.queue.cancel(jobKey(removeDomain, { domain }), CANCELLED)) return false;
    const now = deps.clock.now();
    deps.inventory.setDomainState(domain, "deleted", null, now);
    deps.billing.restarted(domain, stillAtWedos(deps, domain), now, actor, "the removal was cancelled by an admin");
    return true;
  });
}

/**
 * The domain's services still running at WEDOS: its zone unless removed, its protection while active (a protection
 * in any other state is not billed again: what is not known to run is not charged).
 */
function stillAtWedos(deps: CancelRemovalDeps, domain: string): Service[] {
  const zone = deps.zones.zone(domain) !== undefined && deps.inventory.domain(domain)?.dnsStatus !== "removed";
  const protection = deps.protections.get(domain)?.state === "active";
  return [...(zone ? (["zone"] as const) : []), ...(protection ? (["protection"] as const) : [])];
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
