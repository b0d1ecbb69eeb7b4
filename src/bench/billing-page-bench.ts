import { addDays, addMonthsToDay } from "../billing/calendar.js";
import type { LedgerEntryInput } from "../billing/ledger.js";
import { money } from "../billing/money.js";
import { seedAccounts } from "../emulators/directadmin/index.js";
import { UsageLedgerStore } from "../store/usage-ledger-store.js";
import type { Level } from "../web/identity/identity.js";
import { percentile, startPageDaemon, type PageDaemon } from "./page-daemon.js";
import { timePage } from "./web-bench.js";

/** The billing pages' target: server time p95, as the domain lists' at scale (web-bench.ts). */
const BILLING_TARGET_MS = "50";
/** A view right after the ledger changed rates the reseller's month again (about 6,200 entries). */
const RATED_TARGET_MS = "300";
const CUSTOMERS = 1000;

const pad = (n: number) => String(n).padStart(5, "0");

/**
 * The ledger of two resellers with 1,000 customers each since 1 December 2025: every customer has a zone (30.00 a
 * month) and a monthly protection period charged each month (490.00, WEDOS 390.00); every tenth was suspended from
 * 10 to 20 February and its zone is not billed while suspended.
 */
function seedLedger(daemon: PageDaemon): void {
  const ledger = new UsageLedgerStore(daemon.services.db);
  const blank = { offerId: null, wholesale: null, retail: null, billedWhileSuspended: null, coversFrom: null };
  const rest = { coversTo: null, reference: null, actor: "bench", corrects: null, note: null };
  const append = (entry: Omit<LedgerEntryInput, keyof typeof blank | keyof typeof rest> & Partial<LedgerEntryInput>) =>
    ledger.append({ ...blank, ...rest, ...entry }, 0);
  daemon.services.db.transaction(() => {
    for (const reseller of ["reseller1", "reseller2"])
      for (let n = 1; n <= CUSTOMERS; n++) {
        const username = reseller === "reseller1" ? `user${pad(n)}` : `other${pad(n)}`;
        const domain = `${username}.test`;
        const who = { username, reseller, domain };
        const start = addDays("2025-12-01", n % 28);
        append({ ...who, eventKey: `z:${domain}`, event: "start", day: start, product: "zone" });
        append({
          ...who,
          eventKey: `zs:${domain}`,
          event: "change",
          day: start,
          product: "zone",
          retail: money(3000, "CZK"),
          billedWhileSuspended: false,
        });
        for (let month = 0; month < 4; month++) {
          const day = addMonthsToDay(start, month);
          append({
            ...who,
            eventKey: `c:${domain}:${month}`,
            event: "charge",
            day,
            product: "protection/start/monthly",
            wholesale: money(39_000, "CZK"),
            retail: money(49_000, "CZK"),
            coversFrom: day,
            coversTo: addDays(addMonthsToDay(day, 1), -1),
            reference: `ORD-${domain}-${month}`,
          });
        }
        if (n % 10 === 0) {
          append({ ...who, eventKey: `s:${domain}`, event: "suspend", day: "2026-02-10", product: "zone" });
          append({ ...who, eventKey: `r:${domain}`, event: "resume", day: "2026-02-20", product: "zone" });
        }
      }
  })();
}

let corrections = 0;

/** A correction of another reseller's customer: a new ledger version for every month. */
function newEntry(daemon: PageDaemon): void {
  corrections += 1;
  new UsageLedgerStore(daemon.services.db).append(
    {
      eventKey: `bench-correction:${corrections}`,
      event: "correction",
      day: "2026-03-01",
      username: "other00001",
      reseller: "reseller2",
      domain: "other00001.test",
      product: "zone",
      offerId: null,
      wholesale: null,
      retail: money(-100, "CZK"),
      billedWhileSuspended: null,
      coversFrom: null,
      coversTo: null,
      reference: null,
      actor: "bench",
      corrects: null,
      note: "bench",
    },
    0,
  );
}

/**
 * Server time of the billing pages at scale (the session check cached as in production): a reseller with 1,000
 * customers (and another reseller's 1,000 in the same ledger) — their month's first page, a search, the last page and
 * one customer's statement — and a customer's own page with its twelve-month chart. A month is rated once per
 * ledger version (billing-cache.ts); one row writes a ledger entry before every view, so each view rates again.
 */
export async function benchBillingStatementPage(runs = 200): Promise<string[][]> {
  const daemon = await startPageDaemon((layout, now) => seedAccounts(layout, 1, { zones: false, now }));
  try {
    daemon.da.createStaffAccount("reseller1", "reseller", { creator: "admin" });
    seedLedger(daemon);
    const month = "month=2026-02";
    // page, visitor, level, query, what it must show, whether a ledger entry is written before each view.
    const rows: Array<[string, string, Level, string, string, boolean]> = [
      ["billing, reseller with 1,000 customers", "reseller1", "reseller", "", "Customers 1–50 of 1,000", false],
      ["… after every new ledger entry (rated again)", "reseller1", "reseller", "", "Customers 1–50 of 1,000", true],
      ["… a search", "reseller1", "reseller", "&q=user0099", "Customers 1–10 of 10", false],
      ["… page 20 of 20", "reseller1", "reseller", "&page=20", "Customers 951–1,000 of 1,000", false],
      ["… a customer's statement", "reseller1", "reseller", "&customer=user00700", "user00700.test", false],
      ["billing, a customer's own (12 months)", "user00001", "user", "", "user00001.test", false],
    ];
    const table: string[][] = [];
    for (const [label, username, level, query, expected, writes] of rows) {
      const path = query.includes("customer=") ? "/billing/statement" : "/billing";
      const fields = daemon.visitFields(username, `p=${path}&${month}${query}`);
      // A new entry (another reseller's customer's) changes the ledger's version: the month is rated again.
      const write = writes ? () => newEntry(daemon) : undefined;
      const timings = await timePage(daemon, fields, level, expected, writes ? runs / 4 : runs, write);
      table.push([
        label,
        percentile(timings, 0.5).toFixed(2),
        percentile(timings, 0.95).toFixed(2),
        writes ? RATED_TARGET_MS : BILLING_TARGET_MS,
        String(daemon.services.wapi.calls.latest(1).length),
      ]);
    }
    return table;
  } finally {
    await daemon.close();
  }
}
