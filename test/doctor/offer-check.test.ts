import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { checkOffers } from "../../src/doctor/offer-check.js";
import { openDatabase } from "../../src/store/database.js";
import { OfferStore } from "../../src/store/offer-store.js";
import { enterWholesalePrice } from "../../src/store/price-entry.js";
import { tempDir } from "../support/temp-dir.js";

const START = "protection/start/monthly";
const root = (at: number) => ({ actor: "cli root", at });
const BILLING = { currency: "CZK", timeZone: "Europe/Prague", vatRateBp: 2100, pricesIncludeVat: false };

function publishedMarkupOffer() {
  const db = openDatabase(join(tempDir(), "db.sqlite"));
  enterWholesalePrice(db, { product: START, price: money(10_000, "CZK") }, root(1));
  const offers = new OfferStore(db);
  const { id } = offers.create({ name: "Gold", package: "gold", currency: "CZK" }, root(2));
  offers.setLine(
    id,
    { product: START, pricing: { kind: "markup", markupBp: 2000 }, billedWhileSuspended: true, renewal: "renew" },
    root(3),
  );
  offers.publish(id, root(4));
  return db;
}

describe("the doctor's offers check", () => {
  it("says when nothing is published, and when every product is priced", () => {
    expect(checkOffers(openDatabase(join(tempDir(), "db.sqlite")), BILLING)).toEqual({
      check: "offers",
      status: "ok",
      message: "no offer is published: the provider bills nothing for its customers' services",
    });
    expect(checkOffers(publishedMarkupOffer(), BILLING)).toMatchObject({
      status: "ok",
      message: "1 published offer(s), every product priced",
    });
  });

  it("warns with the fix when WEDOS's currency moved under a markup, or billing.currency changed", () => {
    const db = publishedMarkupOffer();
    enterWholesalePrice(db, { product: START, price: money(400, "EUR") }, root(5));
    const result = checkOffers(db, { ...BILLING, currency: "EUR" });
    expect(result.status).toBe("warn");
    expect(result.message).toBe(
      'offer 1 (package gold) sells in CZK but billing.currency is EUR: make a new offer ("wedos-panel billing offer create gold") and publish it; ' +
        `offer 1 (package gold) prices ${START} as a markup but WEDOS's price is 4.00 EUR, so its sales carry no retail price: ` +
        'clone the offer ("wedos-panel billing offer clone 1"), give the line a fixed price in CZK and publish the clone',
    );
  });
});
