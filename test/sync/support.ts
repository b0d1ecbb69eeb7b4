import { parseZoneFile, type DnsRecord } from "../../src/dns/index.js";
import { DnsZoneStore } from "../../src/store/dns-zone-store.js";
import { ZoneSync } from "../../src/sync/zone-sync.js";
import type { WedosHarness } from "../support/wedos-harness.js";

export const ZONE = "example.test";

/** The panel's zone as DirectAdmin would write it: SOA and apex NS, then the records of the step. */
export function panelZone(body: string, zone = ZONE): DnsRecord[] {
  const text = `$TTL 3600\n@ IN SOA ns1.example.net. hostmaster.example.net. 2026031001 3600 900 1209600 300\n@ IN NS ns1.example.net.\n@ IN NS ns2.example.net.\n${body}\n`;
  return parseZoneFile(text, { origin: zone }).records;
}

export function zoneSyncFor(h: WedosHarness): { sync: ZoneSync; zones: DnsZoneStore } {
  const zones = new DnsZoneStore(h.db);
  return { sync: new ZoneSync({ wapi: h.wapi, zones, clock: h.clock }), zones };
}

/** Requests the simulator received, by command, since `from` (an index into its request log). */
export function commandsSince(h: WedosHarness, from: number): string[] {
  return h.sim.simulator.dump().requestLog.slice(from).map((entry) => entry.command ?? "?");
}
