import { MoneyError, type Money } from "../billing/money.js";
import { parseProductKey, type ProductKey } from "../billing/product.js";
import { BillingAuditStore } from "./billing-audit-store.js";
import type { Database } from "./database.js";
import { PriceBookStore, type WholesalePrice } from "./price-book-store.js";

/**
 * A wholesale price the admin enters (the CLI's `billing price set` and the prices page): a new row of the price
 * book and an entry in the billing audit log with who entered it, in one transaction. Prices WEDOS reports are
 * recorded by the tasks that see them (PriceBookStore.record), without an actor.
 */
export function enterWholesalePrice(
  db: Database,
  entry: { product: ProductKey; price: Money },
  change: { actor: string; at: number },
): WholesalePrice {
  parseProductKey(entry.product);
  if (entry.price.minor < 0) throw new MoneyError(`${entry.product}: a price cannot be negative`);
  return db.transaction(() => {
    const recorded = new PriceBookStore(db).record({
      product: entry.product,
      price: entry.price,
      source: "admin",
      reference: null,
      seenAt: change.at,
      enteredBy: change.actor,
    });
    new BillingAuditStore(db).record({
      at: change.at,
      actor: change.actor,
      action: "price.set",
      subject: entry.product,
      details: { amountMinor: entry.price.minor, currency: entry.price.currency, priceId: recorded.id },
    });
    return recorded;
  })();
}
