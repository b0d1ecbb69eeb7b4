import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OfferLine } from "../../src/billing/offer.js";
import { money } from "../../src/billing/money.js";
import { NO_OFFER } from "../../src/billing/terms.js";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { offerTerms, OfferStore } from "../../src/store/offer-store.js";
import { enterWholesalePrice } from "../../src/store/price-entry.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { rewindDatabase } from "../support/rewind-database.js";
import { tempDir } from "../support/temp-dir.js";

const alice = (at: number) => ({ actor: "admin alice", at });
const START = "protection/start/monthly";
const line = (product: string, pricing: OfferLine["pricing"]): OfferLine => ({
  product,
  pricing,
  billedWhileSuspended: true,
  renewal: "renew",
});

function setUp(): { db: Database; offers: OfferStore } {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  enterWholesalePrice(db, { product: START, price: money(10_000, "CZK") }, { actor: "cli root", at: 1 });
  return { db, offers: new OfferStore(db) };
}

/** A published offer for `pkg`: zone at a fixed 49.00, protection start at +20 %. */
function published(offers: OfferStore, pkg: string, at = 10): number {
  const { id } = offers.create({ name: `${pkg} offer`, package: pkg, currency: "CZK" }, alice(at));
  offers.setLine(id, line("zone", { kind: "fixed", price: money(4900, "CZK") }), alice(at));
  offers.setLine(id, line(START, { kind: "markup", markupBp: 2000 }), alice(at));
  offers.publish(id, alice(at));
  return id;
}

describe("the offer store", () => {
  it("keeps a draft's lines, refuses a markup with no wholesale price, and publishes", () => {
    const { offers } = setUp();
    const draft = offers.create({ name: "Gold", package: "gold", currency: "CZK" }, alice(5));
    expect(draft).toMatchObject({ status: "draft", currency: "CZK", createdBy: "admin alice", lines: [] });
    expect(() =>
      offers.setLine(draft.id, line("protection/expert/yearly", { kind: "markup", markupBp: 2500 }), alice(6)),
    ).toThrow(/protection\/expert\/yearly: no wholesale price is known yet/);
    expect(() => offers.setLine(draft.id, line("dns/free", { kind: "markup", markupBp: 0 }), alice(6))).toThrow(
      /"dns\/free" is not a product/,
    );
    offers.setLine(draft.id, line(START, { kind: "markup", markupBp: 2500 }), alice(6));
    offers.setLine(draft.id, line(START, { kind: "fixed", price: money(15_000, "CZK") }), alice(7));
    expect(offers.require(draft.id).lines).toEqual([line(START, { kind: "fixed", price: money(15_000, "CZK") })]);
    const { offer, replaced } = offers.publish(draft.id, alice(8));
    expect(offer).toMatchObject({ status: "published", publishedAt: 8 });
    expect(replaced).toBeNull();
  });

  it("never edits a published offer, in the store and in the database itself", () => {
    const { db, offers } = setUp();
    const id = published(offers, "gold");
    expect(() => offers.setLine(id, line("zone", { kind: "markup", markupBp: 0 }), alice(11))).toThrow(
      `offer ${id} is published: only a draft can be edited`,
    );
    expect(() => offers.removeLine(id, "zone", alice(11))).toThrow(/only a draft can be edited/);
    expect(() => db.prepare("UPDATE offer_lines SET fixed_minor = 1").run()).toThrow(/only a draft offer/);
    expect(() => db.prepare("DELETE FROM offer_lines").run()).toThrow(/only a draft offer/);
    expect(() => db.prepare("UPDATE offers SET name = 'x'").run()).toThrow(/never edited/);
    expect(() => db.prepare("UPDATE offers SET status = 'draft'").run()).toThrow(/never edited/);
    expect(() => db.prepare("DELETE FROM offers").run()).toThrow(/is kept/);
  });

  it("holds one published offer per package: publishing a clone deactivates the one it replaces", () => {
    const { db, offers } = setUp();
    const first = published(offers, "gold");
    const clone = offers.clone(first, alice(20), "Gold 2027");
    expect(clone).toMatchObject({ status: "draft", clonedFrom: first, name: "Gold 2027", package: "gold" });
    expect(clone.lines).toEqual(offers.require(first).lines);
    offers.setLine(clone.id, line(START, { kind: "markup", markupBp: 3000 }), alice(21));
    expect(offers.publish(clone.id, alice(22)).replaced).toBe(first);
    expect(offers.require(first)).toMatchObject({ status: "deactivated", deactivatedAt: 22 });
    expect(
      offers
        .list()
        .filter((offer) => offer.status === "published")
        .map((offer) => offer.id),
    ).toEqual([clone.id]);
    expect(() => db.prepare("UPDATE offers SET status = 'published' WHERE id = ?").run(first)).toThrow(/never edited/);
    // The index, not only the store, refuses a second published offer of the package.
    const other = offers.create({ name: "x", package: "gold", currency: "CZK" }, alice(23)).id;
    expect(() => db.prepare("UPDATE offers SET status = 'published' WHERE id = ?").run(other)).toThrow(/UNIQUE/);
  });

  it("deactivates only a published offer and clones any offer", () => {
    const { offers } = setUp();
    const id = published(offers, "gold");
    const draft = offers.create({ name: "d", package: "silver", currency: "CZK" }, alice(11)).id;
    expect(() => offers.deactivate(draft, alice(12))).toThrow(`offer ${draft} is draft`);
    offers.deactivate(id, alice(12));
    expect(() => offers.deactivate(id, alice(13))).toThrow(`offer ${id} is deactivated`);
    expect(() => offers.publish(id, alice(13))).toThrow(/only a draft can be published/);
    expect(offers.clone(id, alice(14)).status).toBe("draft");
    expect(() => offers.require(999)).toThrow('there is no offer 999: list the offers with "wedos-panel billing');
  });

  it("writes every change to the billing audit log with who made it", () => {
    const { db, offers } = setUp();
    const id = published(offers, "gold");
    const clone = offers.clone(id, { actor: "cli root", at: 30 });
    offers.removeLine(clone.id, "zone", { actor: "cli root", at: 31 });
    offers.publish(clone.id, { actor: "cli root", at: 32 });
    expect(
      offers
        .history(id)
        .reverse()
        .map((entry) => [entry.actor, entry.action, entry.details]),
    ).toEqual([
      ["admin alice", "offer.create", { name: "gold offer", package: "gold", currency: "CZK" }],
      [
        "admin alice",
        "offer.line.set",
        { product: "zone", price: "fixed 49.00 CZK", billedWhileSuspended: true, renewal: "renew" },
      ],
      [
        "admin alice",
        "offer.line.set",
        { product: START, price: "markup 20.00 %", billedWhileSuspended: true, renewal: "renew" },
      ],
      ["admin alice", "offer.publish", { package: "gold" }],
      ["cli root", "offer.deactivate", { replacedBy: clone.id }],
    ]);
    expect(offers.history(clone.id).map((entry) => entry.action)).toEqual([
      "offer.publish",
      "offer.line.remove",
      "offer.clone",
    ]);
    expect(new BillingAuditStore(db).list({ subject: START })).toMatchObject([
      { actor: "cli root", action: "price.set", details: { amountMinor: 10_000, currency: "CZK" } },
    ]);
  });

  it("records an admin's wholesale price in the price book with who entered it", () => {
    const { db } = setUp();
    enterWholesalePrice(db, { product: START, price: money(12_000, "CZK") }, alice(50));
    expect(new PriceBookStore(db).history(START).map((p) => [p.price.minor, p.source, p.enteredBy, p.seenAt])).toEqual([
      [12_000, "admin", "admin alice", 50],
      [10_000, "admin", "cli root", 1],
    ]);
    expect(() => enterWholesalePrice(db, { product: START, price: money(-1, "CZK") }, alice(51))).toThrow(
      /cannot be negative/,
    );
  });
});

const sale = (pkg: string | null, product = START, soldUnder?: number) => ({
  package: pkg,
  product,
  day: "2026-11-30",
  soldUnder,
});

describe("the sale terms from the offers", () => {
  it("prices a sale from the package's published offer on the current wholesale price", () => {
    const { db, offers } = setUp();
    const gold = published(offers, "gold");
    const terms = offerTerms(db);
    expect(terms(sale("gold"))).toEqual({
      offerId: gold,
      retail: money(12_000, "CZK"),
      wholesale: money(10_000, "CZK"),
      billedWhileSuspended: true,
      renewal: "renew",
    });
    expect(terms(sale("gold", "zone"))).toMatchObject({ offerId: gold, retail: money(4900, "CZK"), wholesale: null });
    // A new wholesale price moves a markup's retail price for the next sale.
    enterWholesalePrice(db, { product: START, price: money(11_000, "CZK") }, alice(40));
    expect(terms(sale("gold")).retail).toEqual(money(13_200, "CZK"));
  });

  it("falls back to the default offer, then to no offer", () => {
    const { db, offers } = setUp();
    const terms = offerTerms(db);
    expect(terms(sale("silver"))).toEqual({ ...NO_OFFER, wholesale: money(10_000, "CZK") });
    const draft = offers.create({ name: "d", package: "*", currency: "CZK" }, alice(11));
    expect(terms(sale("silver")).offerId).toBeNull(); // a draft sells nothing
    offers.setLine(draft.id, line("zone", { kind: "fixed", price: money(100, "CZK") }), alice(12));
    offers.publish(draft.id, alice(13));
    expect(terms(sale("silver", "zone"))).toMatchObject({ offerId: draft.id, retail: money(100, "CZK") });
    expect(terms(sale(null, "zone")).offerId).toBe(draft.id);
  });

  it("keeps billing a running service under its deactivated offer; new sales fall to the default", () => {
    const { db, offers } = setUp();
    const fallback = published(offers, "*");
    const gold = published(offers, "gold", 20);
    offers.deactivate(gold, alice(30));
    const terms = offerTerms(db);
    expect(terms(sale("gold")).offerId).toBe(fallback);
    expect(terms(sale("gold", START, gold))).toMatchObject({ offerId: gold, retail: money(12_000, "CZK") });
  });
});

describe("migration 24", () => {
  it("adds the offers to a database version 23 left, keeping its price book", () => {
    const file = join(tempDir(), "db.sqlite");
    const old = openDatabase(file);
    enterWholesalePrice(old, { product: START, price: money(10_000, "CZK") }, alice(1));
    rewindDatabase(old, 23);
    expect(() => old.prepare("SELECT * FROM offers").all()).toThrow(/no such table/);
    old.close();
    const upgraded = openDatabase(file);
    expect(upgraded.pragma("user_version")).toBe(MIGRATIONS.at(-1)?.version);
    expect(published(new OfferStore(upgraded), "gold")).toBe(1);
    expect(offerTerms(upgraded)(sale("gold")).retail).toEqual(money(12_000, "CZK"));
  });
});
