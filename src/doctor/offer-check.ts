import { decimalText } from "../billing/money.js";
import { retailOf } from "../billing/offer-pricing.js";
import type { BillingSettings } from "../store/billing-statements.js";
import type { Database } from "../store/database.js";
import { OfferStore } from "../store/offer-store.js";
import { PriceBookStore } from "../store/price-book-store.js";
import type { CheckResult } from "./checks.js";

/**
 * Whether the published offers can price what they sell (ADR 0045): a markup line whose product WEDOS now charges
 * in another currency (or whose price is unknown) records its sales without a retail price, and an offer in another
 * currency than `billing.currency` bills in a currency the provider no longer uses. Both happen only after a change
 * (WEDOS's currency, the configuration), so the doctor names them with the fix.
 */
export function checkOffers(db: Database, billing: BillingSettings): CheckResult {
  const prices = new PriceBookStore(db);
  const published = new OfferStore(db).list().filter((offer) => offer.status === "published");
  const problems: string[] = [];
  for (const offer of published) {
    if (offer.currency !== billing.currency)
      problems.push(
        `offer ${offer.id} (package ${offer.package}) sells in ${offer.currency} but billing.currency is ` +
          `${billing.currency}: make a new offer ("wedos-panel billing offer create ${offer.package}") and publish it`,
      );
    for (const line of offer.lines) {
      const wholesale = prices.latest(line.product)?.price;
      if (retailOf(line, offer.currency, wholesale) !== null) continue;
      const seen = wholesale === undefined ? "is unknown" : `is ${decimalText(wholesale)} ${wholesale.currency}`;
      problems.push(
        `offer ${offer.id} (package ${offer.package}) prices ${line.product} as a markup but WEDOS's price ${seen}, ` +
          `so its sales carry no retail price: clone the offer ("wedos-panel billing offer clone ${offer.id}"), ` +
          `give the line a fixed price in ${offer.currency} and publish the clone`,
      );
    }
  }
  if (problems.length > 0) return { check: "offers", status: "warn", message: problems.join("; ") };
  return {
    check: "offers",
    status: "ok",
    message:
      published.length === 0
        ? "no offer is published: the provider bills nothing for its customers' services"
        : `${published.length} published offer(s), every product priced`,
  };
}
