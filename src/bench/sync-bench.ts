import { performance } from "node:perf_hooks";
import { DnsZoneStore } from "../store/dns-zone-store.js";
import { auditRecords } from "../sync/audit.js";
import { planZone } from "../sync/plan-zone.js";
import { ZoneSync } from "../sync/zone-sync.js";
import type { WapiRow } from "../wapi/schemas.js";
import type { BenchEnvironment } from "./environment.js";
import { panelZone, SCENARIO_GROUPS } from "./sync-scenarios.js";

/**
 * WAPI requests per battery step against the minimum each step needs under WEDOS's rules (the writes listed in
 * the scenario), with the reads reported apart; the ratio must be exactly 1.00.
 */
export async function benchSyncCalls(env: BenchEnvironment): Promise<string[][]> {
  const rows: string[][] = [];
  for (const [group, steps] of Object.entries(SCENARIO_GROUPS)) {
    const zone = `${group.replace(/[^a-z]+/gi, "-").toLowerCase()}.bench.test`;
    const sync = new ZoneSync({ wapi: env.wapi, zones: new DnsZoneStore(env.db), clock: env.clock });
    let writes = 0;
    let minimum = 0;
    let reads = 0;
    for (const step of steps) {
      const before = env.sim.simulator.dump().requestLog.length;
      await sync.apply(await sync.plan(zone, panelZone(step.zone, zone), "primary"));
      const sent = env.sim.simulator.dump().requestLog.slice(before).map((entry) => entry.command ?? "?");
      reads += sent.filter((command) => command === "dns-rows-list" || command === "dns-domains-list").length;
      writes += sent.length - sent.filter((command) => command === "dns-rows-list" || command === "dns-domains-list").length;
      minimum += step.writes.length;
    }
    rows.push([group, String(steps.length), String(writes), String(minimum), (writes / minimum).toFixed(2), String(reads)]);
  }
  return rows;
}

/** Planning a 5,000-record zone (audit + diff + safety) against 5,000 rows at WEDOS, one of them changed. */
export function benchPlanning(): string[][] {
  const zone = "big.bench.test";
  const body = Array.from({ length: 5000 }, (_, i) => (i % 5 === 0 ? `t${i} 300 IN TXT "v=spf1 include:${i}.example ~all"` : `h${i} 300 IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)).join("\n");
  const parseStart = performance.now();
  const records = panelZone(body, zone);
  const parseMs = performance.now() - parseStart;
  const { rows: desired, findings } = auditRecords(records, zone);
  const listed: WapiRow[] = desired.map((row, i) => ({ id: String(1000 + i), name: row.name, type: row.type, ttl: row.ttl, rdata: i === 42 ? "10.9.9.9" : row.rdata, changedDate: "", comment: "" }));
  const owned = new Set(listed.map((row) => row.id));
  const timings: number[] = [];
  let changes = 0;
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    const audited = auditRecords(records, zone);
    const plan = planZone({ zone, desired: audited.rows, findings, listed, owned, createZone: false, commitPending: false, adopt: false });
    timings.push(performance.now() - started);
    changes = plan.changes.length;
  }
  timings.sort((a, b) => a - b);
  return [
    ["parse the 5,000-record zone file", parseMs.toFixed(1), "—"],
    [`plan it (audit + diff), ${changes} change found`, (timings[Math.floor(timings.length / 2)] ?? 0).toFixed(1), "50"],
  ];
}
