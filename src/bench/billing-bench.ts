import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { addMonths, addMonthsToDay, lastDay, type Month } from "../billing/calendar.js";
import { exportDocument } from "../billing/export-document.js";
import type { LedgerEntryInput } from "../billing/ledger.js";
import { money } from "../billing/money.js";
import { rateMonth, resellerStatements } from "../billing/rating.js";
import { billingConfigSchema } from "../config/schema.js";
import { customerStatements, vatRuleOf } from "../store/billing-statements.js";
import { openDatabase, type Database } from "../store/database.js";
import { UsageLedgerStore } from "../store/usage-ledger-store.js";
import { percentile } from "./page-daemon.js";

const MONTH: Month = "2026-11";
const HISTORY_MONTHS = 6;
const RESELLERS = 50;

const day = (month: Month, index: number): string => `${month}-${String(1 + (index % 28)).padStart(2, "0")}`;

/**
 * A ledger as a provider's would be after half a year: `customers` customers of 50 resellers, each with a zone
 * (3 % stopped and one in ten started in the rated month) and monthly WEDOS Global protection charged every month
 * since, 5 % suspended for ten days of the month — two services a customer, about nine entries each.
 */
function seedLedger(db: Database, customers: number): number {
  const ledger = new UsageLedgerStore(db);
  const first = addMonths(MONTH, -HISTORY_MONTHS);
  type Base = Pick<LedgerEntryInput, "offerId" | "coversFrom" | "coversTo" | "reference" | "corrects" | "note">;
  const base: Base = { offerId: 1, coversFrom: null, coversTo: null, reference: null, corrects: null, note: null };
  let written = 0;
  db.transaction(() => {
    for (let i = 0; i < customers; i++) {
      const who = { username: `c${i}`, reseller: `r${i % RESELLERS}`, domain: `c${i}.example.cz`, actor: "daemon" };
      type Fields = Omit<LedgerEntryInput, "eventKey" | keyof typeof who | keyof Base> & Partial<Base>;
      const write = (key: string, entry: Fields) => {
        ledger.append({ ...base, ...who, ...entry, eventKey: `${key}:${i}` }, 0);
        written++;
      };
      const zone = { product: "zone", wholesale: null, retail: null, billedWhileSuspended: null };
      const started = day(i % 10 === 0 ? MONTH : first, i);
      const sold = { retail: money(3100, "CZK"), billedWhileSuspended: i % 2 === 0 };
      write("zone", { ...zone, ...sold, event: "start", day: started });
      if (i % 33 === 0) write("zone-stop", { ...zone, event: "stop", day: `${MONTH}-15` });
      if (i % 20 === 1) {
        write("suspend", { ...zone, event: "suspend", day: `${MONTH}-10` });
        write("resume", { ...zone, event: "resume", day: `${MONTH}-20` });
      }
      const plan = { product: "protection/start/monthly", billedWhileSuspended: null };
      write("protection", { ...plan, event: "start", day: day(first, i), wholesale: null, retail: null });
      for (let m = 0; m <= HISTORY_MONTHS; m++) {
        const from = day(addMonths(first, m), i);
        const paid = { wholesale: money(9900, "CZK"), retail: money(12_900, "CZK"), reference: `ORD-${m}-${i}` };
        const covers = { coversFrom: from, coversTo: addMonthsToDay(from, 1) };
        write(`charge:${m}`, { ...plan, ...paid, ...covers, event: "charge", day: from });
      }
    }
  })();
  return written;
}

interface Samples {
  wall: number[];
  cpu: number[];
}

const median = (samples: number[]): number =>
  percentile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );

/** Wall time and this process's CPU time of a task, in ms: on a shared machine the CPU time is the steadier one. */
function timed(samples: { wall: number[]; cpu: number[] }, task: () => unknown): void {
  const cpu = process.cpuUsage();
  const started = performance.now();
  task();
  samples.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  samples.cpu.push((used.user + used.system) / 1000);
}

/**
 * Rating a month of 10,000 customers with 20,000 services (target: under 1 s). Each run, interleaved so
 * both see the same load on a shared machine: the baseline — reading the month's ledger entries (every entry up to
 * the month's end, as rating needs them) — then rating them in memory, then the whole of what a statement export
 * does (read, rate, group per reseller, build the document). The ratio says what rating adds to reading.
 */
export function benchBillingRating(customers = 10_000, runs = 5): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "wedos-panel-bench-billing-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  try {
    const entries = seedLedger(db, customers);
    const billing = billingConfigSchema.parse({});
    const vat = vatRuleOf(billing);
    const ledger = new UsageLedgerStore(db);
    const newSamples = (): Samples => ({ wall: [], cpu: [] });
    const [read, rate, whole] = [newSamples(), newSamples(), newSamples()];
    let statements = 0;
    for (let run = 0; run < runs; run++) {
      let loaded = ledger.upTo(lastDay(MONTH));
      timed(read, () => (loaded = ledger.upTo(lastDay(MONTH))));
      timed(rate, () => (statements = rateMonth({ month: MONTH, entries: loaded, currency: "CZK", vat }).length));
      timed(whole, () => {
        const rated = customerStatements(db, billing, MONTH);
        const resellers = resellerStatements(rated, vat);
        const scope = { kind: "all" } as const;
        return JSON.stringify(exportDocument({ month: MONTH, currency: "CZK", vat, scope, generatedAt: 0, resellers }));
      });
    }
    const row = (what: string, samples: Samples, target: string, note: string): string[] => [
      what,
      median(samples.wall).toFixed(0),
      median(samples.cpu).toFixed(0),
      target,
      (median(samples.wall) / median(read.wall)).toFixed(2),
      note,
    ];
    const services = `${customers} customers, ${customers * 2} services, ${entries} entries`;
    return [
      row("read the ledger up to the month's end (baseline)", read, "—", services),
      row("rate the month (entries in memory)", rate, "< 1000", `${statements} statements`),
      row("read, rate, group per reseller, JSON document", whole, "< 1000", "what the CLI export and the pull API do"),
    ];
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
