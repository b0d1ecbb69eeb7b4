import { DEFAULT_OFFER_PACKAGE, type Offer } from "./offer.js";

/**
 * Which offer a sale falls under (ADR 0045): the package's published offer; else, for a running service being
 * renewed or changed, the offer it was sold under as long as that was published once (a deactivated offer takes no
 * new sales, but the services sold under it stay billed); else the published default offer (`*`); else none.
 */
export function offerForSale(
  offers: readonly Offer[],
  sale: { package: string | null; soldUnder?: number | null | undefined },
): Offer | undefined {
  const published = (pkg: string) => offers.find((offer) => offer.package === pkg && offer.status === "published");
  const own = sale.package === null ? undefined : published(sale.package);
  if (own !== undefined) return own;
  const kept = offers.find((offer) => offer.id === sale.soldUnder && offer.status !== "draft");
  return kept ?? published(DEFAULT_OFFER_PACKAGE);
}
