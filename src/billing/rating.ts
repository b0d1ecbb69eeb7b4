import { addDays, daysBetween, daysInMonth, firstDay, lastDay, type Day, type Month } from "./calendar.js";
import type { LedgerEntry } from "./ledger.js";
import { money, scaleMinor, type Money } from "./money.js";
import type { ProductKey } from "./product.js";
import type { CustomerStatement, ResellerStatement, StatementLine, StatementTotals } from "./statement.js";
import { splitVat, type VatRule } from "./vat.js";

/**
 * Rates a month from the usage ledger (docs/decisions/0044):
 *
 * - A day-rated service (one whose `start` or `change` entry carries a monthly retail price, e.g. a zone) is billed
 *   for the days it existed in the month: from its start day up to, not including, its stop day. Each run of days at
 *   one product and price is one line: price × days ÷ the month's days, rounded once. Days while the account was
 *   suspended are left out when the terms sold say so (`billedWhileSuspended`), and counted in `suspendedDays`.
 * - A `charge` (a paid period) and a `correction` are lines of the month of their day, with their amounts as written.
 * - Margin is retail − wholesale in the same currency; a line without a wholesale amount cost nothing at WEDOS.
 */
export interface RatingInput {
  month: Month;
  /** Every entry of the accounts to rate up to the month's last day, oldest first (by day, then as written). */
  entries: readonly LedgerEntry[];
  /** The provider's billing currency: every retail amount is in it. */
  currency: string;
  vat: VatRule;
}

/** Raised when the ledger holds something a bill cannot be made of; the message names the entry and the fix. */
export class RatingError extends Error {
  override readonly name = "RatingError";
}

interface DayRatedState {
  product: ProductKey;
  retail: Money | null;
  wholesale: Money | null;
  billedWhileSuspended: boolean;
  active: boolean;
  suspended: boolean;
  /** The first day of the month not yet put on a line. */
  openFrom: Day;
}

interface Run {
  product: ProductKey;
  retail: Money;
  wholesale: Money | null;
  from: Day;
  to: Day;
  days: number;
  suspendedDays: number;
  entryIds: number[];
}

const serviceOf = (product: ProductKey): string => (product === "zone" ? "zone" : "protection");
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

class MonthRater {
  private readonly first: Day;
  private readonly last: Day;
  private readonly monthDays: number;
  private readonly customers = new Map<string, { reseller: string | null; lines: StatementLine[] }>();

  constructor(private readonly input: RatingInput) {
    this.first = firstDay(input.month);
    this.last = lastDay(input.month);
    this.monthDays = daysInMonth(input.month);
  }

  rate(): CustomerStatement[] {
    const services = new Map<string, LedgerEntry[]>();
    for (const entry of this.input.entries) {
      if (entry.day > this.last) continue;
      this.customer(entry.username).reseller = entry.reseller;
      if (entry.event === "charge" || entry.event === "correction") {
        if (entry.day >= this.first) this.addAmountLine(entry);
        continue;
      }
      const key = `${entry.username}\u0000${entry.domain}\u0000${serviceOf(entry.product)}`;
      const list = services.get(key);
      if (list === undefined) services.set(key, [entry]);
      else list.push(entry);
    }
    for (const entries of services.values()) this.rateDays(entries);
    return [...this.customers.entries()]
      .filter(([, customer]) => customer.lines.length > 0)
      .sort(([a], [b]) => compareText(a, b))
      .map(([username, customer]) => this.statement(username, customer.reseller, customer.lines));
  }

  private customer(username: string): { reseller: string | null; lines: StatementLine[] } {
    let customer = this.customers.get(username);
    if (customer === undefined) {
      customer = { reseller: null, lines: [] };
      this.customers.set(username, customer);
    }
    return customer;
  }

  private retailOf(entry: LedgerEntry): Money {
    const retail = entry.retail ?? money(0, this.input.currency);
    if (retail.currency !== this.input.currency) {
      throw new RatingError(
        `ledger entry ${entry.id} (${entry.domain}, ${entry.day}) is in ${retail.currency} but bills are in ` +
          `${this.input.currency}: set billing.currency back, or write a correction in ${this.input.currency}`,
      );
    }
    return retail;
  }

  private addAmountLine(entry: LedgerEntry): void {
    const retail = this.retailOf(entry);
    this.customer(entry.username).lines.push({
      domain: entry.domain,
      product: entry.product,
      kind: entry.event === "charge" ? "charge" : "correction",
      from: entry.coversFrom ?? entry.day,
      to: entry.coversTo ?? entry.day,
      days: null,
      suspendedDays: 0,
      wholesale: entry.wholesale,
      retail,
      margin: marginOf(retail, entry.wholesale),
      reference: entry.reference,
      entryIds: [entry.id],
    });
  }

  /** Walks one service's start/stop/change/suspend/resume entries and bills its days in the month. */
  private rateDays(entries: LedgerEntry[]): void {
    const runs: Run[] = [];
    let state: DayRatedState | undefined;
    let lastEntry = entries[0] as LedgerEntry;
    for (const entry of entries) {
      const day = entry.day < this.first ? this.first : entry.day;
      if (state !== undefined) this.close(state, day, runs, entry.id);
      state = this.apply(state, entry, day);
      lastEntry = entry;
    }
    if (state !== undefined) this.close(state, addDays(this.last, 1), runs, lastEntry.id);
    const lines = this.customer(lastEntry.username).lines;
    for (const run of runs) {
      const retail = money(scaleMinor(run.retail.minor, run.days, this.monthDays), run.retail.currency);
      const wholesale =
        run.wholesale === null
          ? null
          : money(scaleMinor(run.wholesale.minor, run.days, this.monthDays), run.wholesale.currency);
      lines.push({
        domain: lastEntry.domain,
        product: run.product,
        kind: "days",
        from: run.from,
        to: run.to,
        days: run.days,
        suspendedDays: run.suspendedDays,
        wholesale,
        retail,
        margin: marginOf(retail, wholesale),
        reference: null,
        entryIds: run.entryIds,
      });
    }
  }

  /** The state after an entry, from `day` on. */
  private apply(state: DayRatedState | undefined, entry: LedgerEntry, day: Day): DayRatedState | undefined {
    switch (entry.event) {
      case "start":
      case "change":
        if (entry.retail === null) return state === undefined ? undefined : { ...state, active: false, openFrom: day };
        return {
          product: entry.product,
          retail: this.retailOf(entry),
          wholesale: entry.wholesale,
          billedWhileSuspended: entry.billedWhileSuspended ?? true,
          active: true,
          suspended: entry.event === "change" ? (state?.suspended ?? false) : false,
          openFrom: day,
        };
      case "stop":
        return state === undefined ? undefined : { ...state, active: false, openFrom: day };
      case "suspend":
      case "resume":
        return state === undefined ? undefined : { ...state, suspended: entry.event === "suspend", openFrom: day };
      default:
        return state;
    }
  }

  /** Puts the days from `state.openFrom` up to (not including) `until` on a run of the month. */
  private close(state: DayRatedState, until: Day, runs: Run[], entryId: number): void {
    if (!state.active || state.retail === null || until <= state.openFrom) return;
    const days = daysBetween(state.openFrom, until);
    const billed = state.suspended && !state.billedWhileSuspended ? 0 : days;
    const previous = runs[runs.length - 1];
    if (
      previous !== undefined &&
      previous.product === state.product &&
      previous.retail.minor === state.retail.minor &&
      previous.wholesale?.minor === state.wholesale?.minor &&
      addDays(previous.to, 1) === state.openFrom
    ) {
      previous.to = addDays(until, -1);
      previous.days += billed;
      previous.suspendedDays += days - billed;
      if (!previous.entryIds.includes(entryId)) previous.entryIds.push(entryId);
      return;
    }
    runs.push({
      product: state.product,
      retail: state.retail,
      wholesale: state.wholesale,
      from: state.openFrom,
      to: addDays(until, -1),
      days: billed,
      suspendedDays: days - billed,
      entryIds: [entryId],
    });
  }

  private statement(username: string, reseller: string | null, lines: StatementLine[]): CustomerStatement {
    lines.sort((a, b) => compareText(a.domain, b.domain) || compareText(a.from, b.from));
    return {
      month: this.input.month,
      username,
      reseller,
      currency: this.input.currency,
      lines,
      totals: totalsOf(lines, this.input.currency, this.input.vat),
    };
  }
}

function marginOf(retail: Money, wholesale: Money | null): Money | null {
  if (wholesale === null) return retail;
  return wholesale.currency === retail.currency ? money(retail.minor - wholesale.minor, retail.currency) : null;
}

/**
 * Totals of lines: retail in the billing currency with VAT on the net total (one rounding per statement), wholesale
 * when every known wholesale amount is in one currency, margin when every line has one.
 */
export function totalsOf(
  lines: ReadonlyArray<Pick<StatementLine, "retail" | "wholesale" | "margin">>,
  currency: string,
  vat: VatRule,
): StatementTotals {
  let retail = 0;
  let wholesale = 0;
  let wholesaleCurrency: string | null | undefined;
  let margin: number | null = 0;
  for (const line of lines) {
    retail += line.retail.minor;
    if (line.wholesale !== null) {
      if (wholesaleCurrency === undefined) wholesaleCurrency = line.wholesale.currency;
      else if (wholesaleCurrency !== line.wholesale.currency) wholesaleCurrency = null;
      wholesale += line.wholesale.minor;
    }
    margin = margin === null || line.margin === null ? null : margin + line.margin.minor;
  }
  const retailTotal = money(retail, currency);
  return {
    retail: retailTotal,
    wholesale:
      wholesaleCurrency === null
        ? null
        : money(wholesale, wholesaleCurrency === undefined ? currency : wholesaleCurrency),
    margin: margin === null ? null : money(margin, currency),
    vat: splitVat(retailTotal, vat),
  };
}

/** Customer statements of a month, one per account with anything billed. */
export function rateMonth(input: RatingInput): CustomerStatement[] {
  return new MonthRater(input).rate();
}

/**
 * Groups customer statements by reseller (the creator the ledger holds), with totals of their lines; a group with
 * no reseller or an admin as creator (`admins`: store/creator-level-store.ts) is the admin's own, `direct`.
 */
export function resellerStatements(
  customers: readonly CustomerStatement[],
  vat: VatRule,
  admins: ReadonlySet<string> = new Set(),
): ResellerStatement[] {
  const byReseller = new Map<string | null, CustomerStatement[]>();
  for (const customer of customers) {
    const list = byReseller.get(customer.reseller);
    if (list === undefined) byReseller.set(customer.reseller, [customer]);
    else list.push(customer);
  }
  return [...byReseller.entries()]
    .sort(([a], [b]) => compareText(a ?? "", b ?? ""))
    .map(([reseller, list]) => {
      const first = list[0] as CustomerStatement;
      return {
        month: first.month,
        reseller,
        direct: reseller === null || admins.has(reseller),
        currency: first.currency,
        customers: list,
        totals: totalsOf(
          list.flatMap((customer) => customer.lines),
          first.currency,
          vat,
        ),
      };
    });
}
