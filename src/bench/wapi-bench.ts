import type { ManualClock } from "../clock.js";
import { WapiBudgetStore } from "../store/wapi-budget-store.js";
import { wapiAuth } from "../wapi/auth.js";
import { WapiBudget } from "../wapi/budget.js";
import type { BenchEnvironment } from "./environment.js";
import { measure } from "./table.js";

/** The costs that bound how fast the client can work through WEDOS's 1000 requests an hour. */
export async function benchWapi(env: BenchEnvironment): Promise<string[][]> {
  const { wapi, clock, db } = env;
  const rows: string[][] = [];
  const add = (name: string, result: { perSecond: number; medianMicros: number }) =>
    rows.push([name, Math.round(result.perSecond).toLocaleString("en-US"), result.medianMicros.toFixed(1)]);
  add(
    "auth hash (sha1 + Prague hour)",
    await measure(50_000, (i) => wapiAuth("bench@example.test", "bench-pass-123", clock.now() + i * 1000)),
  );
  const budget = new WapiBudget(new WapiBudgetStore(db), { hourlyLimit: 1_000_000_000, interactiveReserve: 0 }, clock);
  add("budget take (SQLite upsert)", await measure(20_000, () => budget.take("ping", "records", "refuse")));
  add(
    "WAPI ping round trip",
    await measure(2_000, async () => {
      nextHour(clock);
      await wapi.account.ping();
    }),
  );
  await wapi.dns.domainAdd({ name: "bench.test" });
  for (let i = 0; i < 500; i++) {
    nextHour(clock);
    await wapi.dns.rowAdd({ domain: "bench.test", name: `host${i}`, ttl: 300, type: "A", rdata: `192.0.2.${i % 250}` });
  }
  add(
    "dns-rows-list, 500 rows",
    await measure(200, async () => {
      nextHour(clock);
      await wapi.dns.rowsList("bench.test");
    }),
  );
  return rows;
}

/** Each request moves the clock an hour on, so the real 1000-per-hour budget never makes the bench wait. */
export function nextHour(clock: ManualClock): void {
  clock.advance(3_600_000);
}
