import type { Day } from "./calendar.js";
import type { Money } from "./money.js";
import type { ProductKey } from "./product.js";

/**
 * What a sale of a product is sold at, looked up when a service starts, changes or is charged (so a running service
 * keeps the price it was sold at): the offer it falls under, the retail price (per month for a day-rated product
 * such as a zone, per period for protection), what WEDOS charges for it as far as the price book knows, whether it
 * is billed while the account is suspended, and whether it is renewed when its period ends.
 */
export interface SaleTerms {
  offerId: number | null;
  retail: Money | null;
  wholesale: Money | null;
  billedWhileSuspended: boolean;
  renewal: "renew" | "lapse";
}

/**
 * Terms for an account's package, a product and the day of the sale. `soldUnder` is the offer a running service
 * was sold under (a renewal or a change): it keeps being billed under it when its package has no published offer.
 */
export type TermsLookup = (sale: {
  package: string | null;
  product: ProductKey;
  day: Day;
  soldUnder?: number | null;
}) => SaleTerms;

/** The terms without any offer: nothing is billed by the provider, services are renewed as WEDOS does. */
export const NO_OFFER: SaleTerms = {
  offerId: null,
  retail: null,
  wholesale: null,
  billedWhileSuspended: true,
  renewal: "renew",
};
