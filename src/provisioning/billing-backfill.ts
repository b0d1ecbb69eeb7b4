import type { DaemonStateStore } from "../store/daemon-state-store.js";
import type { DnsZoneStore } from "../store/dns-zone-store.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { ProtectionStore } from "../store/protection-store.js";
import type { BillingEvents } from "./billing-events.js";

/** The daemon_state key that says the ledger was given the services that existed before it (and on which day). */
export const BACKFILL_STATE_KEY = "billing-backfill";

export interface BackfillDeps {
  inventory: Pick<InventoryStore, "allDomains">;
  zones: Pick<DnsZoneStore, "zoneNames">;
  protections: Pick<ProtectionStore, "running">;
  state: Pick<DaemonStateStore, "get" | "set">;
  billing: BillingEvents;
  now: number;
}

export interface BackfillResult {
  day: string;
  zones: number;
  protections: number;
}

/**
 * Once, when a version with the usage ledger first starts: every service that already exists gets a `start` dated
 * that day (its earlier days and periods were before billing), and a suspended account's services a `suspend` the
 * same day. A live domain of an account with a zone the plugin keeps at WEDOS is a running zone; protection runs when
 * WEDOS activated it. Undefined when it was done before: services that end later must not be started again.
 */
export function backfillLedger(deps: BackfillDeps): BackfillResult | undefined {
  if (deps.state.get(BACKFILL_STATE_KEY) !== undefined) return undefined;
  const result: BackfillResult = { day: deps.billing.dayOf(deps.now), zones: 0, protections: 0 };
  // Two queries find what runs, so a server of 10,000 domains does per-domain work only where there is a service.
  const zones = deps.zones.zoneNames();
  const running = new Map(deps.protections.running().map((protection) => [protection.domain, protection]));
  deps.billing.batch(() => {
    for (const row of deps.inventory.allDomains()) {
      if (row.username === null || row.state === "deleted") continue;
      if (zones.has(row.domain) && start(deps, row.domain, "zone", null)) result.zones += 1;
      const protection = running.get(row.domain);
      if (protection === undefined) continue;
      const product = `protection/${protection.variant}/${protection.period}`;
      if (start(deps, row.domain, product, protection.orderNum)) result.protections += 1;
    }
    deps.state.set(BACKFILL_STATE_KEY, result, deps.now);
  });
  return result;
}

function start(deps: BackfillDeps, domain: string, product: string, reference: string | null): boolean {
  return deps.billing.started(domain, product, deps.now, "upgrade", reference, "running when billing began");
}
