import { performance } from "node:perf_hooks";
import type { Clock } from "../clock.js";
import type { RunningSimulator } from "../simulator/index.js";
import { openDatabase } from "../store/database.js";
import { DnsZoneStore } from "../store/dns-zone-store.js";
import { auditRecords } from "../sync/audit.js";
import { planZone } from "../sync/plan-zone.js";
import { ZoneSync } from "../sync/zone-sync.js";
import type { Wapi } from "../wapi/index.js";
import type { WapiRow } from "../wapi/schemas.js";
import type { BenchEnvironment } from "./environment.js";
import { panelZone, SCENARIO_GROUPS } from "./sync-scenarios.js";

/** One step of the battery as the simulator saw it: every request it took, and the least it could take. */
export interface BatteryStep {
  group: string;
  step: string;
  sent: string[];
  /** The rows it changes (and the zone's creation), one listing and one commit. */
  minimum: number;
}

const READS: ReadonlySet<string> = new Set(["dns-rows-list", "dns-domains-list"]);

/**
 * Runs the scenario battery (docs/reference/dns-sync.md#acceptance-scenarios): each group in its own zone with a
 * fresh zone store, as on a new installation, each step planned and applied, and the zone emptied at the end.
 * Every request a step sends is counted at the simulator, reads included; the steps' writes are WEDOS's minimum.
 */
export async function runBattery(wapi: Wapi, sim: RunningSimulator, clock: Clock): Promise<BatteryStep[]> {
  const counted: BatteryStep[] = [];
  for (const [group, steps] of Object.entries(SCENARIO_GROUPS)) {
    const zone = `${group.replace(/[^a-z]+/gi, "-").toLowerCase()}.bench.test`;
    const db = openDatabase(":memory:");
    try {
      const sync = new ZoneSync({ wapi, zones: new DnsZoneStore(db), clock });
      const rowsAtWedos = () =>
        sim.simulator.dump().zones.find((candidate) => candidate.name === zone)?.rows.length ?? 0;
      for (const step of [...steps, { name: "empty the zone", zone: "", writes: undefined }]) {
        const minimum = (step.writes?.length ?? rowsAtWedos() + 1) + 1;
        const before = sim.simulator.dump().requestLog.length;
        await sync.apply(await sync.plan(zone, panelZone(step.zone, zone), "primary"));
        counted.push({
          group,
          step: step.name,
          sent: sim.simulator
            .dump()
            .requestLog.slice(before)
            .map((entry) => entry.command ?? "?"),
          minimum,
        });
      }
    } finally {
      db.close();
    }
  }
  return counted;
}

/** WAPI requests per scenario group, reads included, against the minimum; the battery's ratio must be 1.00. */
export async function benchSyncCalls(env: BenchEnvironment): Promise<string[][]> {
  const counted = await runBattery(env.wapi, env.sim, env.clock);
  const row = (label: string, steps: readonly BatteryStep[]) => {
    const requests = steps.reduce((sum, step) => sum + step.sent.length, 0);
    const minimum = steps.reduce((sum, step) => sum + step.minimum, 0);
    const reads = steps.reduce((sum, step) => sum + step.sent.filter((command) => READS.has(command)).length, 0);
    return [
      label,
      String(steps.length),
      String(requests),
      String(reads),
      String(minimum),
      (requests / minimum).toFixed(2),
    ];
  };
  const groups = [...new Set(counted.map((step) => step.group))];
  return [
    ...groups.map((group) =>
      row(
        group,
        counted.filter((step) => step.group === group),
      ),
    ),
    row("whole battery", counted),
  ];
}

/** Planning a 5,000-record zone (audit + diff + safety) against 5,000 rows at WEDOS, one of them changed. */
export function benchPlanning(): string[][] {
  const zone = "big.bench.test";
  const body = Array.from({ length: 5000 }, (_, i) =>
    i % 5 === 0
      ? `t${i} 300 IN TXT "v=spf1 include:${i}.example ~all"`
      : `h${i} 300 IN A 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  ).join("\n");
  const parseStart = performance.now();
  const records = panelZone(body, zone);
  const parseMs = performance.now() - parseStart;
  const { rows: desired, findings } = auditRecords(records, zone);
  const listed: WapiRow[] = desired.map((row, i) => ({
    id: String(1000 + i),
    name: row.name,
    type: row.type,
    ttl: row.ttl,
    rdata: i === 42 ? "10.9.9.9" : row.rdata,
    changedDate: "",
    comment: "",
  }));
  const owned = new Set(listed.map((row) => row.id));
  const timings: number[] = [];
  let changes = 0;
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    const audited = auditRecords(records, zone);
    const plan = planZone({
      zone,
      desired: audited.rows,
      findings,
      listed,
      owned,
      createZone: false,
      commitPending: false,
      adopt: false,
    });
    timings.push(performance.now() - started);
    changes = plan.changes.length;
  }
  timings.sort((a, b) => a - b);
  return [
    ["parse the 5,000-record zone file", parseMs.toFixed(1), "—"],
    [
      `plan it (audit + diff), ${changes} change found`,
      (timings[Math.floor(timings.length / 2)] ?? 0).toFixed(1),
      "50",
    ],
  ];
}
