import { provisionDomain } from "../provisioning/tasks/zone-tasks.js";
import { importWorld } from "./provisioning-bench.js";

const HOUR_MS = 3_600_000;

/**
 * What an import really costs, for the README's figures and the estimate's honesty: `domains` domains of seeded
 * DirectAdmin accounts (DirectAdmin's default records) imported against the simulator with WEDOS's hourly limit,
 * on a manual clock that jumps to the next hour whenever the background lane's share is used up. It reports the
 * requests per domain as the estimate measures them (the call log) and as WEDOS counted them, the domains a full
 * hour provisions, and the estimated end of the import at its start and after its first hour against the real end.
 */
export async function benchImportEstimate(domains = 400): Promise<string[][]> {
  const world = await importWorld(domains);
  try {
    const { estimates, worker, db } = world.services;
    const started = world.clock.now();
    const firstHour = Math.floor(started / HOUR_MS) * HOUR_MS;
    const atStart = estimates.queueDrain("background");
    while (world.clock.now() < firstHour + HOUR_MS) await worker.runOnce();
    const afterFirstHour = estimates.queueDrain("background");
    while ((await worker.runOnce()) === "ran");
    const finished = world.clock.now();
    const cost = estimates.jobCost(provisionDomain.name);
    const sent = world.sim.simulator.dump().requestLog.length;
    const doneIn = db
      .prepare<[number, number], { done: number }>(
        "SELECT COUNT(*) AS done FROM jobs WHERE state = 'done' AND finished_at >= ? AND finished_at < ?",
      )
      .get(firstHour + HOUR_MS, firstHour + 2 * HOUR_MS);
    const perHour = doneIn?.done ?? 0;
    const cap = estimates.perHour("background");
    const hours = (at: number) => ((at - started) / HOUR_MS).toFixed(2);
    const predicted = (estimate: typeof atStart) => (estimate.kind === "at" ? hours(estimate.at) : "—");
    return [
      [
        "requests per domain (call log, as the estimate measures)",
        cost.requests.toFixed(2),
        `mean of the last ${cost.measuredJobs} finished provisionings`,
      ],
      ["requests per domain (all WEDOS received ÷ domains)", (sent / domains).toFixed(2), `${sent} requests`],
      ["domains provisioned in a full hour", String(perHour), `background lane: ${cap} of 1000 requests an hour`],
      ["10,000 domains", `${(10_000 / perHour).toFixed(0)} h`, "at that rate, nothing else queued"],
      [`estimated end of ${domains} domains, at the start`, `${predicted(atStart)} h`, "starting figure: 13 a domain"],
      [`… after the first hour`, `${predicted(afterFirstHour)} h`, "measured cost"],
      [`… real end`, `${hours(finished)} h`, "the clock stands still within an hour"],
    ];
  } finally {
    await world.close();
  }
}
