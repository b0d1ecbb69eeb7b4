import { openBenchEnvironment } from "./environment.js";
import { benchHooks } from "./hooks-bench.js";
import { benchImportBudgetShare, benchNewAccountDuringImport } from "./provisioning-bench.js";
import { benchPlanning, benchSyncCalls } from "./sync-bench.js";
import { formatTable } from "./table.js";
import { benchWapi } from "./wapi-bench.js";
import { benchDomainListPage } from "./web-bench.js";

/** `npm run bench`: every figure the issues name, printed as tables. Runs against the local simulator only. */
async function main(): Promise<void> {
  const env = await openBenchEnvironment();
  try {
    const print = (title: string, headers: string[], rows: string[][]) => process.stdout.write(`\n${title}\n${formatTable(headers, rows)}\n`);
    print("WAPI client", ["operation", "ops/s", "median µs"], await benchWapi(env));
    print("Zone sync: WAPI requests per scenario group (writes vs the minimum; reads apart)", ["group", "steps", "writes", "minimum", "ratio", "reads"], await benchSyncCalls(env));
    print("Zone sync: planning a 5,000-record zone", ["what", "median ms", "target ms"], benchPlanning());
  } finally {
    await env.close();
  }
  const print = (title: string, headers: string[], rows: string[][]) => process.stdout.write(`\n${title}\n${formatTable(headers, rows)}\n`);
  print("Hooks: wall time over 1,000 runs, interleaved with an empty #!/bin/sh hook", ["hook", "hook p50 / p99 ms", "empty p50 / p99 ms", "added p50 ms", "added p99 ms", "target p99"], benchHooks());
  print("Provisioning: a new account during an import", ["what", "seconds", "target s", "note"], await benchNewAccountDuringImport());
  print("Pages: server time (the session check cached as in production)", ["page", "p50 ms", "p95 ms", "target p95 ms", "WAPI calls"], await benchDomainListPage());
  print("Provisioning: import's share of the background budget per full hour (target ≥ 95 %)", ["hour", "requests", "available", "share"], await benchImportBudgetShare());
}

await main();
