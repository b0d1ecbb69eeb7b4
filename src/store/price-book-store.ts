import { money, type Money } from "../billing/money.js";
import type { ProductKey } from "../billing/product.js";
import type { Database } from "./database.js";

/** Where a wholesale price was seen: in WEDOS's answer to an order or a renewal, a credit movement, or an admin. */
export const PRICE_SOURCES = ["wedos-order", "wedos-renew", "wedos-credit", "admin"] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

export interface WholesalePrice {
  id: number;
  product: ProductKey;
  price: Money;
  source: PriceSource;
  reference: string | null;
  seenAt: number;
  enteredBy: string | null;
}

interface Row {
  id: number;
  product: string;
  amountMinor: number;
  currency: string;
  source: string;
  reference: string | null;
  seenAt: number;
  enteredBy: string | null;
}

const SELECT = `SELECT id, product, amount_minor AS amountMinor, currency, source, reference, seen_at AS seenAt,
  entered_by AS enteredBy FROM price_book`;

const priceOf = (row: Row): WholesalePrice => ({
  id: row.id,
  product: row.product,
  price: money(row.amountMinor, row.currency),
  source: row.source as PriceSource,
  reference: row.reference,
  seenAt: row.seenAt,
  enteredBy: row.enteredBy,
});

/**
 * What WEDOS charges per product (the wholesale side of the price book), append-only: each price is a new row
 * with the time it was seen; the newest row of a product is its current price.
 */
export class PriceBookStore {
  constructor(private readonly db: Database) {}

  record(entry: Omit<WholesalePrice, "id">): WholesalePrice {
    const result = this.db
      .prepare(
        `INSERT INTO price_book (product, amount_minor, currency, source, reference, seen_at, entered_by)
         VALUES (@product, @amountMinor, @currency, @source, @reference, @seenAt, @enteredBy)`,
      )
      .run({ ...entry, amountMinor: entry.price.minor, currency: entry.price.currency });
    return { ...entry, id: Number(result.lastInsertRowid) };
  }

  /** The current price of each product that has one, keyed by product. */
  current(): Map<ProductKey, WholesalePrice> {
    const rows = this.db
      .prepare<[], Row>(
        `${SELECT} WHERE id IN (SELECT id FROM price_book p WHERE p.seen_at = (SELECT MAX(seen_at) FROM price_book q
           WHERE q.product = p.product)) ORDER BY product, id`,
      )
      .all();
    return new Map(rows.map((row) => [row.product, priceOf(row)]));
  }

  latest(product: ProductKey): WholesalePrice | undefined {
    const row = this.db
      .prepare<[string], Row>(`${SELECT} WHERE product = ? ORDER BY seen_at DESC, id DESC LIMIT 1`)
      .get(product);
    return row === undefined ? undefined : priceOf(row);
  }

  history(product: ProductKey): WholesalePrice[] {
    return this.db
      .prepare<[string], Row>(`${SELECT} WHERE product = ? ORDER BY seen_at DESC, id DESC`)
      .all(product)
      .map(priceOf);
  }
}
