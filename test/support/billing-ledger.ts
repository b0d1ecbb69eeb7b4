import type { LedgerEntryInput } from "../../src/billing/ledger.js";
import { parseMoney } from "../../src/billing/money.js";
import type { Database } from "../../src/store/database.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";

/** Appends an entry with the fields a test names; the rest are what a plain event leaves empty. */
type NamedFields = Partial<LedgerEntryInput> & Pick<LedgerEntryInput, "eventKey" | "event" | "day">;

const EMPTY_FIELDS = {
  ...{ username: "", reseller: null, domain: "", product: "zone", offerId: null, wholesale: null, retail: null },
  ...{ billedWhileSuspended: null, coversFrom: null, coversTo: null, reference: null, corrects: null, note: null },
  actor: "panel",
};

function append(db: Database, entry: NamedFields): void {
  new UsageLedgerStore(db).append({ ...EMPTY_FIELDS, ...entry }, 0);
}

/** A day-rated zone sold at `monthly` CZK a month from `day` (a `start` entry as the ledger's writers make it). */
export function zoneStarted(
  db: Database,
  entry: { username: string; reseller: string | null; domain: string; day: string; monthly: string },
): void {
  const { username, reseller, domain, day } = entry;
  append(db, {
    eventKey: `zone-start:${domain}:${day}`,
    event: "start",
    ...{ day, username, reseller, domain },
    retail: parseMoney(entry.monthly, "CZK"),
    billedWhileSuspended: true,
  });
}

/** A paid protection period: what WEDOS took (`wholesale`) and what the customer pays (`retail`), in `currency`. */
export function protectionCharged(
  db: Database,
  entry: {
    username: string;
    reseller: string | null;
    domain: string;
    day: string;
    coversTo: string;
    retail: string;
    wholesale: string;
    currency?: string;
    order: string;
  },
): void {
  const { username, reseller, domain, day, coversTo } = entry;
  append(db, {
    eventKey: `protection-charge:${domain}:${entry.order}`,
    event: "charge",
    ...{ day, username, reseller, domain, coversTo },
    product: "protection/start/monthly",
    wholesale: parseMoney(entry.wholesale, "CZK"),
    retail: parseMoney(entry.retail, entry.currency ?? "CZK"),
    coversFrom: day,
    reference: entry.order,
    actor: "daemon",
  });
}

/**
 * The ledger most billing page tests share, for February 2026 (28 days): alice (res1) has a zone at 30.00 a month all
 * month and a protection period charged 490.00 (WEDOS took 390.00); bob (res1) a zone at 30.00 from 15 February
 * (14 days: 15.00); carol (res2) a zone at 45.00 all month.
 */
export function seedFebruaryLedger(db: Database): void {
  zoneStarted(db, { username: "alice", reseller: "res1", domain: "alice.test", day: "2026-01-01", monthly: "30.00" });
  protectionCharged(db, {
    username: "alice",
    reseller: "res1",
    domain: "alice.test",
    day: "2026-02-05",
    coversTo: "2026-03-04",
    retail: "490.00",
    wholesale: "390.00",
    order: "ORD-1",
  });
  zoneStarted(db, { username: "bob", reseller: "res1", domain: "bob.test", day: "2026-02-15", monthly: "30.00" });
  zoneStarted(db, { username: "carol", reseller: "res2", domain: "carol.test", day: "2026-01-10", monthly: "45.00" });
}
