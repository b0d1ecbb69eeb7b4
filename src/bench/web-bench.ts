import { performance } from "node:perf_hooks";
import { seedAccounts } from "../emulators/directadmin/index.js";
import { percentile, startPageDaemon } from "./page-daemon.js";

/** Server time of the domain list of a user with 1,000 domains (the session check is cached as in production). */
export async function benchDomainListPage(runs = 300): Promise<string[][]> {
  const daemon = await startPageDaemon((layout, now) =>
    seedAccounts(layout, 1, { domainsPerAccount: 1000, zones: false, now }),
  );
  try {
    const fields = daemon.visitFields("user00001", "");
    const first = await daemon.visit(fields);
    if (!first.includes("acct00001-1000.test")) throw new Error("the domain list did not render");
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await daemon.visit(fields);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    return [
      [
        "domain list, user with 1,000 domains",
        percentile(timings, 0.5).toFixed(2),
        percentile(timings, 0.95).toFixed(2),
        "20",
        String(daemon.services.wapi.calls.latest(1).length),
      ],
    ];
  } finally {
    await daemon.close();
  }
}
