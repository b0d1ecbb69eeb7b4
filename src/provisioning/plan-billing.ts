import type { Money } from "../billing/money.js";
import type { ProductKey } from "../billing/product.js";
import { NO_OFFER, type TermsLookup } from "../billing/terms.js";

/** Whether a paid change may go ahead under the customer's and reseller's spending limits, and if not, why. */
export type SpendVerdict = { allowed: true } | { allowed: false; reason: string };

/** What is about to be bought: the account, its reseller, the product and its retail price per period. */
export interface SpendRequest {
  username: string;
  reseller: string | null;
  product: ProductKey;
  price: Money | null;
}

/**
 * What plans, renewals and lapses need of the rest of billing before they act: the sale terms of a package's product
 * (renew or lapse, the retail price) and the spending check before a customer's paid change. What they did is
 * written to the ledger by its one writer, `BillingEvents` (billing-events.ts). The composition root wires the
 * offers' terms and the spending limits; without them nothing is refused and nothing is priced (NO_OFFER).
 */
export interface PlanBilling {
  terms: TermsLookup;
  checkSpend(request: SpendRequest): SpendVerdict;
}

const ALLOW_ALL = (): SpendVerdict => ({ allowed: true });

/** Plan billing with the terms and spending check given (by default: no offer, everything allowed). */
export function planBillingOf(
  options: { terms?: TermsLookup; checkSpend?: (request: SpendRequest) => SpendVerdict } = {},
): PlanBilling {
  return { terms: options.terms ?? (() => NO_OFFER), checkSpend: options.checkSpend ?? ALLOW_ALL };
}
