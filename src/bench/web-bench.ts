import { performance } from "node:perf_hooks";
import { reason } from "../model/reason.js";
import { seedAccounts } from "../emulators/directadmin/index.js";
import type { Level } from "../web/identity/identity.js";
import { percentile, startPageDaemon, type PageDaemon } from "./page-daemon.js";

/** The domain lists' target: server time p95 at 10,000 domains on the server and 1,000 per customer. */
const LIST_TARGET_MS = "50";
/** A customer's own list had a target of 20 ms before the lists were paged; it keeps it. */
const CUSTOMER_TARGET_MS = "20";

/**
 * Server time of the domain lists at scale (the session check is cached as in production): 10 customers with 1,000
 * domains each, a tenth of them with problems; the admin's list of all 10,000 (first page, a search, a filtered
 * page deep in the list) and a customer's own 1,000.
 */
export async function benchDomainListPage(runs = 300): Promise<string[][]> {
  const daemon = await startPageDaemon((layout, now) =>
    seedAccounts(layout, 10, { domainsPerAccount: 1000, zones: false, now }),
  );
  try {
    daemon.da.createStaffAccount("admin", "admin");
    const { inventory } = daemon.services.tasks;
    for (let n = 1; n <= 10; n++)
      for (let i = 1; i <= 1000; i += 10) {
        const domain = `acct${String(n).padStart(5, "0")}-${i + 1}.test`;
        inventory.setDnsStatus(domain, "error", reason("wedos-refused", "refused"), 0);
      }
    const rows: Array<[string, string, Level, string, string]> = [
      ["domain list, admin, 10,000 domains", "admin", "admin", "", "Domains 1–50 of 10,000"],
      ["… a search", "admin", "admin", "q=acct00007-99", "acct00007-990.test"],
      ["… waiting, page 150 of 180", "admin", "admin", "status=pending&page=150", "Domains 7,451–7,500 of 9,000"],
      ["domain list, customer with 1,000 domains", "user00001", "user", "", "Domains 1–50 of 1,000"],
    ];
    const table: string[][] = [];
    for (const [label, username, level, query, expected] of rows) {
      const timings = await timePage(daemon, daemon.visitFields(username, query), level, expected, runs);
      table.push([
        label,
        percentile(timings, 0.5).toFixed(2),
        percentile(timings, 0.95).toFixed(2),
        level === "user" ? CUSTOMER_TARGET_MS : LIST_TARGET_MS,
        String(daemon.services.wapi.calls.latest(1).length),
      ]);
    }
    return table;
  } finally {
    await daemon.close();
  }
}

/**
 * The sorted timings of `runs` requests of one page, after one that must show `expected`; `before` runs ahead of
 * each timed request, outside its time.
 */
export async function timePage(
  daemon: PageDaemon,
  fields: Record<string, string>,
  level: Level,
  expected: string,
  runs: number,
  before?: () => void,
): Promise<number[]> {
  if (!(await daemon.visit(fields, level)).includes(expected)) throw new Error(`the page did not show ${expected}`);
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const started = performance.now();
    await daemon.visit(fields, level);
    timings.push(performance.now() - started);
  }
  return timings.sort((a, b) => a - b);
}
