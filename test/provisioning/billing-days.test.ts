import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import type { TermsLookup } from "../../src/billing/terms.js";
import { BillingEvents } from "../../src/provisioning/billing-events.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { InventoryStore } from "../../src/store/inventory-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { tempDir } from "../support/temp-dir.js";

/**
 * The ledger's days and terms, event by event on a real database: the provider's calendar day across daylight-saving
 * changes and month ends, a period's last day, the terms locked at the sale, suspended accounts, plan changes and
 * what WEDOS reports that cannot be read.
 */
let db: Database;
let ledger: UsageLedgerStore;
let inventory: InventoryStore;
const sold: Array<{ package: string | null; product: string; day: string }> = [];
const terms: TermsLookup = (sale) => {
  sold.push(sale);
  return {
    offerId: 3,
    retail: sale.product === "zone" ? money(4500, "CZK") : money(129_000, "CZK"),
    wholesale: null,
    billedWhileSuspended: false,
    renewal: "renew",
  };
};
let billing: BillingEvents;
const at = (iso: string) => Date.parse(iso);

beforeEach(() => {
  db = openDatabase(join(tempDir(), "db.sqlite"));
  ledger = new UsageLedgerStore(db);
  inventory = new InventoryStore(db);
  const priceBook = new PriceBookStore(db);
  billing = new BillingEvents({ db, ledger, priceBook, inventory, timeZone: "Europe/Prague", terms });
  sold.length = 0;
  inventory.upsertAccount({ username: "ann", package: "basic", creator: "res1" }, 0);
  inventory.upsertDomain({ domain: "ann.cz", username: "ann", kind: "domain" }, 0);
});

const lines = () => ledger.history({ domain: "ann.cz" }).map((entry) => `${entry.day} ${entry.event} ${entry.product}`);

describe("ledger days on the provider's calendar", () => {
  it("counts the Prague day across the autumn DST night and a month end, not the UTC one", () => {
    // 2026-10-25 02:00 CEST becomes 02:00 CET; 23:30 UTC on the 24th is already the 25th in Prague.
    billing.started("ann.cz", "zone", at("2026-10-24T22:30:00Z"), "daemon");
    billing.suspensionChanged("ann", true, at("2026-10-25T23:30:00Z"), "panel");
    // 23:30 UTC on 31 October is 00:30 on 1 November in Prague (CET, UTC+1).
    billing.suspensionChanged("ann", false, at("2026-10-31T23:30:00Z"), "panel");
    // The last second of November in Prague is still November; the next is December.
    billing.stopped("ann.cz", "zone", at("2026-11-30T22:59:59Z"), "daemon", "removed");
    billing.started("ann.cz", "zone", at("2026-11-30T23:00:00Z"), "daemon");
    expect(lines()).toEqual([
      "2026-10-25 start zone",
      "2026-10-26 suspend zone",
      "2026-11-01 resume zone",
      "2026-11-30 stop zone",
      "2026-12-01 start zone",
    ]);
  });

  it("counts the spring DST night as one day", () => {
    // 2026-03-29 02:00 CET becomes 03:00 CEST; 22:30 UTC on the 29th is 00:30 on the 30th.
    billing.started("ann.cz", "zone", at("2026-03-28T23:30:00Z"), "daemon");
    billing.stopped("ann.cz", "zone", at("2026-03-29T22:30:00Z"), "daemon", "removed");
    expect(lines()).toEqual(["2026-03-29 start zone", "2026-03-30 stop zone"]);
  });

  it("a monthly period bought on 31 January covers up to the day before the same date a month on", () => {
    billing.started("ann.cz", "protection/expert/monthly", at("2027-01-31T10:00:00Z"), "daemon", "2027000009");
    billing.protectionCharged({
      domain: "ann.cz",
      product: "protection/expert/monthly",
      at: at("2027-01-31T10:00:00Z"),
      orderNum: "2027000009",
      amount: "1490.00",
      currency: "CZK",
      source: "wedos-order",
      actor: "daemon",
    });
    billing.protectionCharged({
      domain: "ann.cz",
      product: "protection/expert/yearly",
      at: at("2028-02-29T10:00:00Z"),
      orderNum: "2028000001",
      amount: "14 900,00",
      currency: "czk",
      source: "wedos-renew",
      actor: "daemon",
    });
    const [, monthly, yearly] = ledger.history({ domain: "ann.cz" });
    expect(monthly).toMatchObject({ coversFrom: "2027-01-31", coversTo: "2027-02-27" });
    expect(monthly?.wholesale).toEqual(money(149_000, "CZK"));
    expect(yearly).toMatchObject({ coversFrom: "2028-02-29", coversTo: "2029-02-27" });
    expect(yearly?.wholesale).toEqual(money(1_490_000, "CZK"));
    expect(new PriceBookStore(db).history("protection/expert/yearly")).toMatchObject([{ source: "wedos-renew" }]);
  });
});

describe("terms, owners and replays", () => {
  it("locks the zone's monthly price and suspension rule at the start, for the account's package", () => {
    billing.started("ann.cz", "zone", at("2026-11-02T09:00:00Z"), "daemon");
    expect(sold).toEqual([{ package: "basic", product: "zone", day: "2026-11-02" }]);
    expect(ledger.history({ domain: "ann.cz" })[0]).toMatchObject({
      username: "ann",
      reseller: "res1",
      offerId: 3,
      retail: money(4500, "CZK"),
      billedWhileSuspended: false,
    });
  });

  it("a service that starts while the account is suspended is suspended from the same day", () => {
    inventory.setAccountSuspended("ann", true, 0);
    billing.started("ann.cz", "zone", at("2026-11-02T09:00:00Z"), "daemon");
    billing.suspensionChanged("ann", true, at("2026-11-03T09:00:00Z"), "panel");
    expect(lines()).toEqual(["2026-11-02 start zone", "2026-11-02 suspend zone"]);
  });

  it("each event writes one entry; the same event again writes none, a new one gets the next number", () => {
    const day1 = at("2026-11-02T09:00:00Z");
    billing.started("ann.cz", "zone", day1, "daemon");
    billing.started("ann.cz", "zone", day1 + 1000, "daemon");
    billing.stopped("ann.cz", "zone", day1 + 2000, "daemon", "removed");
    billing.stopped("ann.cz", "zone", day1 + 3000, "daemon", "removed");
    billing.started("ann.cz", "zone", day1 + 4000, "daemon");
    expect(ledger.history({ domain: "ann.cz" }).map((entry) => entry.eventKey)).toEqual([
      "zone:start:ann.cz:1",
      "zone:stop:ann.cz:1",
      "zone:start:ann.cz:2",
    ]);
  });

  it("a plan change on a running service is one change entry; the same plan again or a stopped service none", () => {
    const day = at("2026-11-02T09:00:00Z");
    billing.changed({ domain: "ann.cz", product: "protection/expert/yearly", at: day, actor: "customer ann" });
    billing.started("ann.cz", "protection/start/monthly", day, "daemon");
    billing.changed({ domain: "ann.cz", product: "protection/expert/yearly", at: day, actor: "customer ann" });
    billing.changed({ domain: "ann.cz", product: "protection/expert/yearly", at: day, actor: "customer ann" });
    expect(lines()).toEqual([
      "2026-11-02 start protection/start/monthly",
      "2026-11-02 change protection/expert/yearly",
    ]);
    expect(ledger.history({ domain: "ann.cz" })[1]).toMatchObject({ actor: "customer ann", offerId: 3, retail: null });
  });

  it("the same WEDOS order is charged once; an amount WEDOS wrote unreadably is kept as unknown with a note", () => {
    const charge = {
      domain: "ann.cz",
      product: "protection/start/monthly",
      at: at("2026-11-02T09:00:00Z"),
      orderNum: "2026000042",
      amount: "99.999",
      currency: "CZK",
      source: "wedos-order",
      actor: "daemon",
    } as const;
    billing.protectionCharged(charge);
    billing.protectionCharged({ ...charge, amount: "99.00" });
    const entries = ledger.history({ domain: "ann.cz" });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ wholesale: null, retail: money(129_000, "CZK"), reference: "2026000042" });
    expect(entries[0]?.note).toContain('"99.999 CZK"');
    expect(new PriceBookStore(db).history("protection/start/monthly")).toEqual([]);
  });

  it("writes nothing for a zone no account owns (another cluster server bills it)", () => {
    inventory.upsertClusterZone("other.cz", 0);
    billing.started("other.cz", "zone", at("2026-11-02T09:00:00Z"), "daemon");
    expect(ledger.history({ domain: "other.cz" })).toEqual([]);
  });
});
