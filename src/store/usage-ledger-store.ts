import type { Day } from "../billing/calendar.js";
import type { LedgerEntry, LedgerEntryInput, LedgerEvent } from "../billing/ledger.js";
import { money, type Money } from "../billing/money.js";
import type { Database } from "./database.js";

interface Row {
  id: number;
  eventKey: string;
  recordedAt: number;
  day: string;
  event: string;
  username: string;
  reseller: string | null;
  domain: string;
  product: string;
  offerId: number | null;
  wholesaleMinor: number | null;
  wholesaleCurrency: string | null;
  retailMinor: number | null;
  retailCurrency: string | null;
  billedWhileSuspended: number | null;
  coversFrom: string | null;
  coversTo: string | null;
  reference: string | null;
  actor: string;
  corrects: number | null;
  note: string | null;
}

const SELECT = `SELECT id, event_key AS eventKey, recorded_at AS recordedAt, day, event, username, reseller, domain,
  product, offer_id AS offerId, wholesale_minor AS wholesaleMinor, wholesale_currency AS wholesaleCurrency,
  retail_minor AS retailMinor, retail_currency AS retailCurrency,
  billed_while_suspended AS billedWhileSuspended, covers_from AS coversFrom, covers_to AS coversTo,
  reference, actor, corrects, note FROM usage_ledger`;

const amount = (minor: number | null, currency: string | null): Money | null =>
  minor === null || currency === null ? null : money(minor, currency);

function entryOf(row: Row): LedgerEntry {
  return {
    id: row.id,
    eventKey: row.eventKey,
    recordedAt: row.recordedAt,
    day: row.day,
    event: row.event as LedgerEvent,
    username: row.username,
    reseller: row.reseller,
    domain: row.domain,
    product: row.product,
    offerId: row.offerId,
    wholesale: amount(row.wholesaleMinor, row.wholesaleCurrency),
    retail: amount(row.retailMinor, row.retailCurrency),
    billedWhileSuspended: row.billedWhileSuspended === null ? null : row.billedWhileSuspended === 1,
    coversFrom: row.coversFrom,
    coversTo: row.coversTo,
    reference: row.reference,
    actor: row.actor,
    corrects: row.corrects,
    note: row.note,
  };
}

/** Who a ledger query is about: everything, one reseller's accounts, or one account. */
export type LedgerScope = { all: true } | { reseller: string | null } | { username: string };

function scopeSql(scope: LedgerScope): { where: string; params: Record<string, string | null> } {
  if ("username" in scope) return { where: "username = @username", params: { username: scope.username } };
  if ("reseller" in scope) {
    return scope.reseller === null
      ? { where: "reseller IS NULL", params: {} }
      : { where: "reseller = @reseller", params: { reseller: scope.reseller } };
  }
  return { where: "1", params: {} };
}

/**
 * The usage ledger (src/billing/ledger.ts). Rows are only ever added (the database refuses UPDATE and DELETE);
 * `append` with an event key already written returns the entry written first, so replaying an event after a
 * crash records it once.
 */
export class UsageLedgerStore {
  constructor(private readonly db: Database) {}

  append(input: LedgerEntryInput, now: number): LedgerEntry {
    this.db
      .prepare(
        `INSERT INTO usage_ledger (event_key, recorded_at, day, event, username, reseller, domain, product, offer_id,
           wholesale_minor, wholesale_currency, retail_minor, retail_currency, billed_while_suspended, covers_from, covers_to, reference, actor,
           corrects, note)
         VALUES (@eventKey, @now, @day, @event, @username, @reseller, @domain, @product, @offerId, @wholesaleMinor,
           @wholesaleCurrency, @retailMinor, @retailCurrency, @billedWhileSuspended, @coversFrom, @coversTo, @reference, @actor, @corrects,
           @note)
         ON CONFLICT (event_key) DO NOTHING`,
      )
      .run({
        ...input,
        now,
        wholesaleMinor: input.wholesale?.minor ?? null,
        wholesaleCurrency: input.wholesale?.currency ?? null,
        retailMinor: input.retail?.minor ?? null,
        retailCurrency: input.retail?.currency ?? null,
        billedWhileSuspended: input.billedWhileSuspended === null ? null : input.billedWhileSuspended ? 1 : 0,
      });
    return this.byEventKey(input.eventKey) as LedgerEntry;
  }

  byEventKey(eventKey: string): LedgerEntry | undefined {
    const row = this.db.prepare<[string], Row>(`${SELECT} WHERE event_key = ?`).get(eventKey);
    return row === undefined ? undefined : entryOf(row);
  }

  /**
   * Every entry of one domain or one account in the order written: what the writers of the ledger read to know
   * which services are running and suspended before they add an entry (src/billing/service-state.ts).
   */
  history(of: { domain: string } | { username: string }): LedgerEntry[] {
    const [column, value] = "domain" in of ? ["domain", of.domain] : ["username", of.username];
    return this.db.prepare<[string], Row>(`${SELECT} WHERE ${column} = ? ORDER BY id`).all(value).map(entryOf);
  }

  /** Entries in a scope whose day is on or before `day`, oldest first (by day, then by the order written). */
  upTo(day: Day, scope: LedgerScope = { all: true }): LedgerEntry[] {
    const { where, params } = scopeSql(scope);
    return this.db
      .prepare<[Record<string, string | null>], Row>(`${SELECT} WHERE day <= @day AND ${where} ORDER BY day, id`)
      .all({ ...params, day })
      .map(entryOf);
  }

  /**
   * The id of the entry written last (0 for none): the ledger's version. The ledger only grows, so a month rated at
   * one version is rated the same until the next entry is written.
   */
  lastId(): number {
    return this.db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM usage_ledger").get()?.id ?? 0;
  }

  /**
   * What rating a month needs of a scope, oldest first: every state event (start, stop, change, suspend, resume) up
   * to the month's last day, and the charges and corrections of the month itself — not the charges of the months
   * before, which no later month bills again.
   */
  forMonth(first: Day, last: Day, scope: LedgerScope = { all: true }): LedgerEntry[] {
    const { where, params } = scopeSql(scope);
    return this.db
      .prepare<[Record<string, string | null>], Row>(
        `${SELECT} WHERE day <= @last AND (event NOT IN ('charge', 'correction') OR day >= @first) AND ${where}
          ORDER BY day, id`,
      )
      .all({ ...params, first, last })
      .map(entryOf);
  }

  /** Entries in a scope whose day lies in `from`..`to` (inclusive), oldest first. */
  between(from: Day, to: Day, scope: LedgerScope = { all: true }): LedgerEntry[] {
    const { where, params } = scopeSql(scope);
    return this.db
      .prepare<[Record<string, string | null>], Row>(
        `${SELECT} WHERE day >= @from AND day <= @to AND ${where} ORDER BY day, id`,
      )
      .all({ ...params, from, to })
      .map(entryOf);
  }
}
