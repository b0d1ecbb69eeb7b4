import { withMarkup, type Money } from "./money.js";
import type { Offer, OfferLine } from "./offer.js";
import type { ProductKey } from "./product.js";
import { NO_OFFER, type SaleTerms } from "./terms.js";

/**
 * A line's retail price: the fixed price, or the markup applied once to the wholesale price (rounded half away from
 * zero, money.ts). Null when a markup has no wholesale price in the offer's currency to apply to — a sale is then
 * recorded without a retail price rather than at a price nobody set (the offer's page shows the line as unpriced).
 */
export function retailOf(line: OfferLine, currency: string, wholesale: Money | undefined): Money | null {
  if (line.pricing.kind === "fixed") return line.pricing.price;
  if (wholesale === undefined || wholesale.currency !== currency) return null;
  return withMarkup(wholesale, line.pricing.markupBp);
}

/**
 * The terms a sale of `product` gets under `offer`: its line's retail price, billing while suspended and renewal.
 * A product the offer has no line for is not sold by the provider under it: it gets NO_OFFER's terms (not billed).
 */
export function termsUnder(offer: Offer, product: ProductKey, wholesale: Money | undefined): SaleTerms {
  const line = offer.lines.find((candidate) => candidate.product === product);
  if (line === undefined) return { ...NO_OFFER, wholesale: wholesale ?? null };
  return {
    offerId: offer.id,
    retail: retailOf(line, offer.currency, wholesale),
    wholesale: wholesale ?? null,
    billedWhileSuspended: line.billedWhileSuspended,
    renewal: line.renewal,
  };
}
