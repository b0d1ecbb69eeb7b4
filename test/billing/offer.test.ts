import { describe, expect, it } from "vitest";
import {
  checkLine,
  checkOfferHeading,
  checkPublishable,
  checkTransition,
  mayDo,
  OFFER_STATUSES,
  percentText,
  type Offer,
  type OfferAction,
  type OfferLine,
} from "../../src/billing/offer.js";
import { offerForSale } from "../../src/billing/offer-choice.js";
import { parseLineInput } from "../../src/billing/offer-input.js";
import { retailOf, termsUnder } from "../../src/billing/offer-pricing.js";
import { money, percentToBasisPoints } from "../../src/billing/money.js";
import { NO_OFFER } from "../../src/billing/terms.js";

const START = "protection/start/monthly";
const markup = (product: string, markupBp: number): OfferLine => ({
  product,
  pricing: { kind: "markup", markupBp },
  billedWhileSuspended: true,
  renewal: "renew",
});
const fixed = (product: string, minor: number, currency = "CZK"): OfferLine => ({
  product,
  pricing: { kind: "fixed", price: money(minor, currency) },
  billedWhileSuspended: false,
  renewal: "lapse",
});
const offer = (id: number, pkg: string, status: Offer["status"], lines: OfferLine[] = []): Offer => ({
  id,
  name: `offer ${id}`,
  package: pkg,
  currency: "CZK",
  status,
  clonedFrom: null,
  createdAt: 0,
  createdBy: "admin alice",
  publishedAt: null,
  deactivatedAt: null,
  lines,
});

describe("an offer's lifecycle", () => {
  const table: Record<Offer["status"], Record<OfferAction, boolean>> = {
    draft: { edit: true, publish: true, deactivate: false, clone: true },
    published: { edit: false, publish: false, deactivate: true, clone: true },
    deactivated: { edit: false, publish: false, deactivate: false, clone: true },
  };
  for (const status of OFFER_STATUSES)
    for (const [action, allowed] of Object.entries(table[status]) as Array<[OfferAction, boolean]>)
      it(`${allowed ? "allows" : "refuses"} ${action} of a ${status} offer`, () => {
        expect(mayDo(status, action)).toBe(allowed);
        const check = () => checkTransition({ id: 7, status }, action);
        if (allowed) expect(check).not.toThrow();
        else expect(check).toThrow(new RegExp(`^offer 7 is ${status}: `));
      });

  it("says what to do instead of editing a published offer", () => {
    expect(() => checkTransition({ id: 3, status: "published" }, "edit")).toThrow(
      "offer 3 is published: only a draft can be edited: clone the offer and edit the clone",
    );
  });

  it("publishes only a draft with at least one valid line", () => {
    const wholesale = () => money(49_000, "CZK");
    expect(() => checkPublishable(offer(1, "gold", "draft"), wholesale)).toThrow("offer 1 has no products");
    expect(() => checkPublishable(offer(1, "gold", "draft", [markup("zone", 0)]), () => undefined)).toThrow(
      /zone: no wholesale price is known yet/,
    );
    expect(() => checkPublishable(offer(1, "gold", "draft", [markup("zone", 2500)]), wholesale)).not.toThrow();
    expect(() => checkPublishable(offer(1, "gold", "published", [markup("zone", 2500)]), wholesale)).toThrow(
      "only a draft can be published",
    );
  });

  it("checks the package name and the offer's name", () => {
    expect(checkOfferHeading({ name: "  Gold 2027 ", package: "gold" })).toEqual({
      name: "Gold 2027",
      package: "gold",
    });
    expect(checkOfferHeading({ name: "Default", package: "*" }).package).toBe("*");
    expect(() => checkOfferHeading({ name: "x", package: "../etc" })).toThrow(/is not a package name/);
    expect(() => checkOfferHeading({ name: " ", package: "gold" })).toThrow(/name of 1 to 80 characters/);
  });
});

describe("an offer line's price", () => {
  it("applies a markup once to the wholesale price, rounding half away from zero", () => {
    // 490.00 + 12.5 % = 551.25; 0.99 + 33.33 % = 1.319967 -> 1.32; 0.03 + 50 % = 0.045 -> 0.05 (half away).
    expect(retailOf(markup("p", 1250), "CZK", money(49_000, "CZK"))).toEqual(money(55_125, "CZK"));
    expect(retailOf(markup("p", 3333), "CZK", money(99, "CZK"))).toEqual(money(132, "CZK"));
    expect(retailOf(markup("p", 5000), "CZK", money(3, "CZK"))).toEqual(money(5, "CZK"));
    expect(retailOf(markup("p", -1000), "CZK", money(49_000, "CZK"))).toEqual(money(44_100, "CZK"));
  });

  it("uses a fixed price as it is, whatever the wholesale price", () => {
    expect(retailOf(fixed("zone", 4900), "CZK", undefined)).toEqual(money(4900, "CZK"));
    expect(retailOf(fixed("zone", 4900), "CZK", money(1, "EUR"))).toEqual(money(4900, "CZK"));
  });

  it("has no retail price for a markup without a wholesale price in the offer's currency", () => {
    expect(retailOf(markup("p", 2500), "CZK", undefined)).toBeNull();
    expect(retailOf(markup("p", 2500), "CZK", money(2000, "EUR"))).toBeNull();
  });

  it("refuses a markup across currencies and asks for a fixed price instead", () => {
    expect(() => checkLine(markup("protection/start/monthly", 2500), "CZK", money(2000, "EUR"))).toThrow(
      "protection/start/monthly: WEDOS charges it in EUR but the offer sells in CZK: " +
        "a markup works only within one currency, give a fixed price in CZK instead",
    );
    expect(() => checkLine(fixed("protection/start/monthly", 59_000), "CZK", money(2000, "EUR"))).not.toThrow();
    expect(() => checkLine(fixed("zone", 100, "EUR"), "CZK", undefined)).toThrow(/must be in CZK/);
    expect(() => checkLine(fixed("zone", -1), "CZK", undefined)).toThrow(/cannot be negative/);
    expect(() => checkLine(markup("zone", -10_000), "CZK", money(1, "CZK"))).toThrow(/from -99.99 % to 1000 %/);
    expect(() => checkLine(markup("zone", 100_001), "CZK", money(1, "CZK"))).toThrow(/from -99.99 % to 1000 %/);
  });

  it("writes basis points back as the percentage they were read from", () => {
    for (const text of ["25.00", "12.50", "0.05", "-3.00", "1000.00"])
      expect(percentText(percentToBasisPoints(text))).toBe(text);
  });

  it("gives a sale the line's terms, and no offer's terms for a product the offer does not sell", () => {
    const gold = offer(4, "gold", "published", [fixed("zone", 4900), markup("protection/start/monthly", 2000)]);
    expect(termsUnder(gold, "zone", money(0, "CZK"))).toEqual({
      offerId: 4,
      retail: money(4900, "CZK"),
      wholesale: money(0, "CZK"),
      billedWhileSuspended: false,
      renewal: "lapse",
    });
    expect(termsUnder(gold, "protection/start/monthly", money(10_000, "CZK")).retail).toEqual(money(12_000, "CZK"));
    expect(termsUnder(gold, "protection/expert/yearly", undefined)).toEqual(NO_OFFER);
  });
});

describe("which offer a sale falls under", () => {
  const offers = [
    offer(1, "*", "published"),
    offer(2, "gold", "deactivated"),
    offer(3, "gold", "published"),
    offer(4, "silver", "deactivated"),
    offer(5, "bronze", "draft"),
  ];
  it("takes the package's published offer, then the default", () => {
    expect(offerForSale(offers, { package: "gold" })?.id).toBe(3);
    expect(offerForSale(offers, { package: "silver" })?.id).toBe(1);
    expect(offerForSale(offers, { package: null })?.id).toBe(1);
    expect(offerForSale(offers, { package: "bronze" })?.id).toBe(1); // a draft sells nothing
  });

  it("keeps a running service on the deactivated offer it was sold under while its package has none", () => {
    expect(offerForSale(offers, { package: "silver", soldUnder: 4 })?.id).toBe(4);
    expect(offerForSale(offers, { package: "gold", soldUnder: 2 })?.id).toBe(3); // the next period: the new offer
    expect(offerForSale(offers, { package: "bronze", soldUnder: 5 })?.id).toBe(1);
  });

  it("finds none without a default offer", () => {
    expect(offerForSale(offers.slice(1), { package: "silver" })).toBeUndefined();
  });
});

describe("an offer line as a person writes it", () => {
  it("reads a markup or a fixed price, with renew as the default", () => {
    expect(parseLineInput({ product: "zone", price: "1 490,50", billedWhileSuspended: false }, "CZK")).toEqual({
      product: "zone",
      pricing: { kind: "fixed", price: money(149_050, "CZK") },
      billedWhileSuspended: false,
      renewal: "renew",
    });
    expect(
      parseLineInput({ product: START, markup: "12.5 %", billedWhileSuspended: true, renewal: "lapse" }, "CZK"),
    ).toMatchObject({ pricing: { kind: "markup", markupBp: 1250 }, renewal: "lapse" });
  });

  it("refuses both or neither price, a bad renewal, amount or product, saying what to write", () => {
    const base = { product: START, billedWhileSuspended: true };
    const either = `${START}: give either a markup (e.g. 25 %) or a fixed price (e.g. 149.00), not both`;
    expect(() => parseLineInput({ ...base, markup: "10", price: "1" }, "CZK")).toThrow(either);
    expect(() => parseLineInput({ ...base, markup: " ", price: "" }, "CZK")).toThrow(either);
    expect(() => parseLineInput({ ...base, price: "1", renewal: "auto" }, "CZK")).toThrow('"auto" is not a renewal');
    expect(() => parseLineInput({ ...base, price: "1.234" }, "CZK")).toThrow(/at most two decimals/);
    expect(() => parseLineInput({ ...base, markup: "ten" }, "CZK")).toThrow(/is not a percentage/);
    expect(() => parseLineInput({ ...base, product: "hosting", price: "1" }, "CZK")).toThrow(/is not a product/);
  });
});
