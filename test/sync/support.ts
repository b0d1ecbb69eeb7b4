import { DnsZoneStore } from "../../src/store/dns-zone-store.js";
import { ZoneSync } from "../../src/sync/zone-sync.js";
import type { WedosHarness } from "../support/wedos-harness.js";

export { panelZone } from "../../src/bench/sync-scenarios.js";
export const ZONE = "example.test";

export function zoneSyncFor(h: WedosHarness): { sync: ZoneSync; zones: DnsZoneStore } {
  const zones = new DnsZoneStore(h.db);
  return { sync: new ZoneSync({ wapi: h.wapi, zones, clock: h.clock }), zones };
}

/** Requests the simulator received, by command, since `from` (an index into its request log). */
export function commandsSince(h: WedosHarness, from: number): string[] {
  return h.sim.simulator
    .dump()
    .requestLog.slice(from)
    .map((entry) => entry.command ?? "?");
}
