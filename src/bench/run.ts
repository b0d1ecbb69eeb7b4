import { openBenchEnvironment } from "./environment.js";
import { benchFairShares } from "./fair-bench.js";
import { benchHooks } from "./hooks-bench.js";
import { benchImportEstimate } from "./estimate-bench.js";
import { benchImportBudgetShare, benchNewAccountDuringImport } from "./provisioning-bench.js";
import { benchPlanning, benchSyncCalls } from "./sync-bench.js";
import { formatTable } from "./table.js";
import { benchWapi } from "./wapi-bench.js";
import { benchDomainListPage } from "./web-bench.js";
import { benchBigZonePages, benchDaemonMemory } from "./bigzone-bench.js";

/**
 * `npm run bench`: every figure the issues name, printed as tables. Runs against the local simulator only.
 * `node build/lib/bench/run.js --only big-zone`: only the big zone's pages and the daemon's memory;
 * `--only import-estimate`: only what an import costs and how well its end is estimated.
 */
async function main(): Promise<void> {
  if (process.argv.includes("--only")) {
    const only = process.argv[process.argv.indexOf("--only") + 1];
    if (only === "big-zone") await printBigZone();
    else if (only === "import-estimate") await printImportEstimate();
    else throw new Error(`--only ${only ?? ""}: the benches that run alone are big-zone and import-estimate`);
    return;
  }
  const env = await openBenchEnvironment();
  try {
    print("WAPI client", ["operation", "ops/s", "median µs"], await benchWapi(env));
    print(
      "Zone sync: WAPI requests per scenario group, reads included, against the minimum (per step: rows changed + 1 listing + 1 commit)",
      ["group", "steps", "requests", "of them reads", "minimum", "ratio"],
      await benchSyncCalls(env),
    );
    print("Zone sync: planning a 5,000-record zone", ["what", "median ms", "target ms"], benchPlanning());
  } finally {
    await env.close();
  }
  print(
    "Hooks: wall time over 1,000 runs, interleaved with an empty #!/bin/sh hook",
    ["hook", "hook p50 / p99 ms", "empty p50 / p99 ms", "added p50 ms", "added p99 ms", "target p99"],
    benchHooks(),
  );
  print(
    "Provisioning: a new account during an import",
    ["what", "seconds", "target s", "note"],
    await benchNewAccountDuringImport(),
  );
  print(
    "Pages: server time (the session check cached as in production)",
    ["page", "p50 ms", "p95 ms", "target p95 ms", "WAPI calls"],
    await benchDomainListPage(),
  );
  await printBigZone();
  print(
    "Fairness: one customer posts Sync now and Purge 4×/s for a simulated hour while accounts are created (100 ms a request)",
    ["new accounts", "worst s", "p95 s", "target s", "customer's requests of the hour's"],
    await benchFairShares(),
  );
  print(
    "Provisioning: import's share of the background budget per full hour (target ≥ 95 %)",
    ["hour", "requests", "available", "share"],
    await benchImportBudgetShare(),
  );
  await printImportEstimate();
}

async function printImportEstimate(): Promise<void> {
  print(
    "Provisioning: what an import of 400 domains costs, and its estimated end against the real end (1000 requests an hour)",
    ["what", "figure", "note"],
    await benchImportEstimate(),
  );
}

function print(title: string, headers: string[], rows: string[][]): void {
  process.stdout.write(`\n${title}\n${formatTable(headers, rows)}\n`);
}

async function printBigZone(): Promise<void> {
  print(
    "Pages: a 50,000-record zone and another customer's page meanwhile (server time)",
    ["page", "p50 ms", "p95 ms", "target p95", "note"],
    await benchBigZonePages(),
  );
  print(
    "Daemon memory: `wedos-panel serve` resident (RSS)",
    ["when", "MB", "target MB", ""],
    await benchDaemonMemory(),
  );
}

await main();
