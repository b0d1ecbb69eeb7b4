import { money } from "../billing/money.js";
import type { OfferLine } from "../billing/offer.js";
import { BILLING_PERIODS, PROTECTION_PLANS } from "../billing/product.js";
import { WGP_VARIANTS } from "../wapi/commands/wgp.js";
import { WGP_PRICES_CZK } from "../simulator/wgp-services.js";
import type { Database } from "../store/database.js";
import { OfferStore } from "../store/offer-store.js";
import { enterWholesalePrice } from "../store/price-entry.js";

/** The simulator's period ids (WEDOS's `period_id`): 1 a month, 4 a year. */
const PERIOD_IDS = { monthly: 1, yearly: 4 } as const;

/**
 * The demo's price book and offer, at its first start: the simulator's protection prices as wholesale prices, and a
 * published default offer (`*`) — a zone at a fixed 29.00 CZK a month, not billed while suspended, and protection at
 * 25 % over WEDOS's price — so the billing pages have something true to show. Nothing is seeded once an offer exists.
 */
export function seedDemoOffers(db: Database, now: number): void {
  const offers = new OfferStore(db);
  if (offers.list().length > 0) return;
  const change = { actor: "demo", at: now };
  const zone = { kind: "fixed", price: money(2900, "CZK") } as const;
  const lines: OfferLine[] = [{ product: "zone", pricing: zone, billedWhileSuspended: false, renewal: "renew" }];
  for (const plan of PROTECTION_PLANS)
    for (const period of BILLING_PERIODS) {
      const product = `protection/${plan}/${period}`;
      const czk = WGP_PRICES_CZK[WGP_VARIANTS[plan]]?.[PERIOD_IDS[period]] ?? 0;
      enterWholesalePrice(db, { product, price: money(czk * 100, "CZK") }, change);
      lines.push({
        product,
        pricing: { kind: "markup", markupBp: 2500 },
        billedWhileSuspended: true,
        renewal: "renew",
      });
    }
  const { id } = offers.create({ name: "Standard", package: "*", currency: "CZK" }, change);
  for (const line of lines) offers.setLine(id, line, change);
  offers.publish(id, change);
}
