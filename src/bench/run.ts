import { benchBillingRating } from "./billing-bench.js";
import { openBenchEnvironment, type BenchEnvironment } from "./environment.js";
import { benchFairShares } from "./fair-bench.js";
import { benchHooks } from "./hooks-bench.js";
import { benchImportEstimate } from "./estimate-bench.js";
import { benchImportBudgetShare, benchNewAccountDuringImport } from "./provisioning-bench.js";
import { benchPlanning, benchSyncCalls } from "./sync-bench.js";
import { formatTable } from "./table.js";
import { benchWapi } from "./wapi-bench.js";
import { benchDomainListPage } from "./web-bench.js";
import { benchBillingStatementPage } from "./billing-page-bench.js";
import { benchBigZonePages, benchDaemonMemory } from "./bigzone-bench.js";
import { benchDaemonMemoryAtScale } from "./memory-bench.js";

/** One table of the bench: its title, its column headers, and how to measure its rows. */
interface Row {
  title: string;
  headers: string[];
  measure(): Promise<string[][]> | string[][];
}

/** Runs `measure` with a simulator and a client wired to it, closed afterwards. */
async function withEnvironment<T>(measure: (env: BenchEnvironment) => Promise<T> | T): Promise<T> {
  const env = await openBenchEnvironment();
  try {
    return await measure(env);
  } finally {
    await env.close();
  }
}

/** Every figure the issues name, by the name `--only` takes, in the order `npm run bench` prints them. */
const ROWS: Record<string, Row> = {
  wapi: {
    title: "WAPI client",
    headers: ["operation", "ops/s", "median µs"],
    measure: () => withEnvironment(benchWapi),
  },
  battery: {
    title:
      "Zone sync: WAPI requests per scenario group, reads included, against the minimum (per step: rows changed + 1 listing + 1 commit)",
    headers: ["group", "steps", "requests", "of them reads", "minimum", "ratio"],
    measure: () => withEnvironment(benchSyncCalls),
  },
  plan: {
    title: "Zone sync: planning a 5,000-record zone",
    headers: ["what", "median ms", "target ms"],
    measure: benchPlanning,
  },
  hooks: {
    title: "Hooks: wall time over 1,000 runs, interleaved with an empty #!/bin/sh hook",
    headers: ["hook", "hook p50 / p99 ms", "empty p50 / p99 ms", "added p50 ms", "added p99 ms", "target p99"],
    measure: () => benchHooks(),
  },
  "new-account": {
    title: "Provisioning: a new account during an import",
    headers: ["what", "seconds", "target s", "note"],
    measure: benchNewAccountDuringImport,
  },
  "domain-list": {
    title: "Pages: server time (the session check cached as in production)",
    headers: ["page", "p50 ms", "p95 ms", "target p95 ms", "WAPI calls"],
    measure: benchDomainListPage,
  },
  "billing-statement-page": {
    title:
      "Pages: billing, a reseller with 1,000 customers (server time, session check cached; a month rated once per ledger version)",
    headers: ["page", "p50 ms", "p95 ms", "target p95 ms", "WAPI calls"],
    measure: () => benchBillingStatementPage(),
  },
  "big-zone": {
    title: "Pages: a 50,000-record zone and another customer's page meanwhile (server time)",
    headers: ["page", "p50 ms", "p95 ms", "target p95", "note"],
    measure: () => benchBigZonePages(),
  },
  memory: {
    title: "Daemon memory: `wedos-panel serve` resident (RSS)",
    headers: ["when", "MB", "target MB", ""],
    measure: () => benchDaemonMemory(),
  },
  "memory-10k": {
    title: "Daemon memory at 10,000 domains: `wedos-panel serve` resident (RSS)",
    headers: ["when", "MB", "target MB", ""],
    measure: () => benchDaemonMemoryAtScale(),
  },
  fairness: {
    title:
      "Fairness: one customer posts Sync now and Purge 4×/s for a simulated hour while accounts are created (100 ms a request)",
    headers: ["new accounts", "worst s", "p95 s", "target s", "customer's requests of the hour's"],
    measure: benchFairShares,
  },
  "import-share": {
    title: "Provisioning: import's share of the background budget per full hour (target ≥ 95 %)",
    headers: ["hour", "requests", "available", "share"],
    measure: benchImportBudgetShare,
  },
  "import-estimate": {
    title:
      "Provisioning: what an import of 400 domains costs, and its estimated end against the real end (1000 requests an hour)",
    headers: ["what", "figure", "note"],
    measure: benchImportEstimate,
  },
  "billing-rating": {
    title: "Billing: rating a month of 10,000 customers with 20,000 services, interleaved with reading the ledger",
    headers: ["what", "median ms", "CPU ms", "target ms", "× baseline", "note"],
    measure: () => benchBillingRating(),
  },
};

/**
 * `npm run bench`: every figure the issues name, printed as tables. Runs against the local simulator only.
 * `node build/lib/bench/run.js --only hooks,plan`: only the named rows (the names are the keys of ROWS).
 */
async function main(): Promise<void> {
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  const names = only === undefined ? Object.keys(ROWS) : only.split(",");
  const unknown = names.filter((name) => !(name in ROWS));
  if (unknown.length > 0)
    throw new Error(`--only ${unknown.join(",")}: no such bench row; the rows are ${Object.keys(ROWS).join(", ")}`);
  for (const name of names) {
    const row = ROWS[name] as Row;
    process.stdout.write(`\n${row.title}\n${formatTable(row.headers, await row.measure())}\n`);
  }
}

await main();
