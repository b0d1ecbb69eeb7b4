import {
  checkLine,
  checkOfferHeading,
  checkPublishable,
  checkTransition,
  DEFAULT_OFFER_PACKAGE,
  percentText,
  type Offer,
  type OfferLine,
} from "../billing/offer.js";
import { offerForSale } from "../billing/offer-choice.js";
import { termsUnder } from "../billing/offer-pricing.js";
import { currencyCode, decimalText, money, type Money } from "../billing/money.js";
import { parseProductKey, type ProductKey } from "../billing/product.js";
import { NO_OFFER, type TermsLookup } from "../billing/terms.js";
import { BillingAuditStore } from "./billing-audit-store.js";
import type { Database, Statement } from "./database.js";
import { PriceBookStore } from "./price-book-store.js";

type OfferRow = Omit<Offer, "lines">;

interface LineRow {
  offerId: number;
  product: string;
  markupBp: number | null;
  fixedMinor: number | null;
  billedWhileSuspended: number;
  renewal: "renew" | "lapse";
}

const SELECT_OFFERS = `SELECT id, name, package, currency, status, cloned_from AS clonedFrom, created_at AS createdAt,
  created_by AS createdBy, published_at AS publishedAt, deactivated_at AS deactivatedAt FROM offers`;
const SELECT_LINES = `SELECT offer_id AS offerId, product, markup_bp AS markupBp, fixed_minor AS fixedMinor,
  billed_while_suspended AS billedWhileSuspended, renewal FROM offer_lines`;

/** Who changed something and when: every change is written to the billing audit log with them. */
export interface Change {
  actor: string;
  at: number;
}

const subjectOf = (id: number) => `offer ${id}`;

/** A line as the audit log and the CLI write it: "markup 25.00 %" or "fixed 149.00 CZK". */
export function describePricing(line: OfferLine): string {
  return line.pricing.kind === "markup"
    ? `markup ${percentText(line.pricing.markupBp)} %`
    : `fixed ${decimalText(line.pricing.price)} ${line.pricing.price.currency}`;
}

/**
 * The offers (src/billing/offer.ts for the rules): stored, moved through their lifecycle and written to the billing
 * audit log in one transaction per change. The database refuses an edit of an offer that is no longer a draft and a
 * second published offer of a package (migration 24), so a rule broken here fails loudly rather than silently.
 */
export class OfferStore {
  private readonly audit: BillingAuditStore;
  private readonly prices: PriceBookStore;
  private candidates: Statement<[string | null, string, number | null], OfferRow> | undefined;

  constructor(private readonly db: Database) {
    this.audit = new BillingAuditStore(db);
    this.prices = new PriceBookStore(db);
  }

  /** Every offer, newest first, with its lines. */
  list(): Offer[] {
    return this.withLines(this.db.prepare<[], OfferRow>(`${SELECT_OFFERS} ORDER BY id DESC`).all(), "all");
  }

  /**
   * The offers a sale can fall under (offer-choice.ts): the published offers of the package and of `*`, and the
   * offer a running service was sold under unless it is a draft. A handful of rows, whatever the number of offers.
   */
  candidatesFor(sale: { package: string | null; soldUnder?: number | null | undefined }): Offer[] {
    // Prepared once per store: the sale terms are looked up for every ledger event.
    this.candidates ??= this.db.prepare<[string | null, string, number | null], OfferRow>(
      `${SELECT_OFFERS} WHERE (status = 'published' AND package IN (?, ?)) OR (id = ? AND status <> 'draft')`,
    );
    const rows = this.candidates.all(sale.package, DEFAULT_OFFER_PACKAGE, sale.soldUnder ?? null);
    return this.withLines(rows, "these");
  }

  /** The offers of `rows` with their lines: every line ("all", for the whole list) or only these offers' lines. */
  private withLines(rows: OfferRow[], lines: "all" | "these"): Offer[] {
    const offers = new Map<number, Offer>(rows.map((row) => [row.id, { ...row, lines: [] }]));
    if (offers.size === 0) return [];
    const ids = [...offers.keys()];
    const where = lines === "all" ? "" : `WHERE offer_id IN (${ids.map(() => "?").join(", ")})`;
    const found = this.db
      .prepare<number[], LineRow>(`${SELECT_LINES} ${where} ORDER BY offer_id, product`)
      .all(...(lines === "all" ? [] : ids));
    for (const line of found) {
      const offer = offers.get(line.offerId);
      offer?.lines.push(lineOf(line, offer.currency));
    }
    return [...offers.values()];
  }

  get(id: number): Offer | undefined {
    const row = this.db.prepare<[number], OfferRow>(`${SELECT_OFFERS} WHERE id = ?`).get(id);
    if (row === undefined) return undefined;
    const lines = this.db
      .prepare<[number], LineRow>(`${SELECT_LINES} WHERE offer_id = ? ORDER BY product`)
      .all(id)
      .map((line) => lineOf(line, row.currency));
    return { ...row, lines };
  }

  /** The offer, or an OfferError that names the id (for the CLI and the pages). */
  require(id: number): Offer {
    const offer = this.get(id);
    if (offer === undefined) throw new OfferNotFound(id);
    return offer;
  }

  /** A new draft for a package, in the provider's currency. */
  create(heading: { name: string; package: string; currency: string }, change: Change): Offer {
    const checked = checkOfferHeading(heading);
    const currency = currencyCode(heading.currency);
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare("INSERT INTO offers (name, package, currency, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
          .run(checked.name, checked.package, currency, change.at, change.actor).lastInsertRowid,
      );
      this.record(change, "offer.create", id, { ...checked, currency });
      return this.require(id);
    })();
  }

  /** Sets (adds or replaces) a draft's line for one product, checked against the current wholesale price. */
  setLine(id: number, line: OfferLine, change: Change): Offer {
    return this.db.transaction(() => {
      const offer = this.require(id);
      checkTransition(offer, "edit");
      parseProductKey(line.product);
      checkLine(line, offer.currency, this.prices.latest(line.product)?.price);
      this.db
        .prepare(
          `INSERT INTO offer_lines (offer_id, product, markup_bp, fixed_minor, billed_while_suspended, renewal)
           VALUES (@id, @product, @markupBp, @fixedMinor, @billed, @renewal)
           ON CONFLICT (offer_id, product) DO UPDATE SET markup_bp = excluded.markup_bp,
             fixed_minor = excluded.fixed_minor, billed_while_suspended = excluded.billed_while_suspended,
             renewal = excluded.renewal`,
        )
        .run({
          id,
          product: line.product,
          markupBp: line.pricing.kind === "markup" ? line.pricing.markupBp : null,
          fixedMinor: line.pricing.kind === "fixed" ? line.pricing.price.minor : null,
          billed: line.billedWhileSuspended ? 1 : 0,
          renewal: line.renewal,
        });
      this.record(change, "offer.line.set", id, {
        product: line.product,
        price: describePricing(line),
        billedWhileSuspended: line.billedWhileSuspended,
        renewal: line.renewal,
      });
      return this.require(id);
    })();
  }

  /** Takes a product off a draft. False if the draft had no line for it. */
  removeLine(id: number, product: ProductKey, change: Change): boolean {
    return this.db.transaction(() => {
      checkTransition(this.require(id), "edit");
      const removed = this.db.prepare("DELETE FROM offer_lines WHERE offer_id = ? AND product = ?").run(id, product);
      if (removed.changes === 0) return false;
      this.record(change, "offer.line.remove", id, { product });
      return true;
    })();
  }

  /**
   * Publishes a draft: from now on it is what new sales of its package get. A published offer of the same package
   * is deactivated in the same transaction (the clone-to-change step: its services keep their price).
   */
  publish(id: number, change: Change): { offer: Offer; replaced: number | null } {
    return this.db.transaction(() => {
      const offer = this.require(id);
      checkPublishable(offer, (product) => this.prices.latest(product)?.price);
      const current = this.db
        .prepare<[string], { id: number }>("SELECT id FROM offers WHERE package = ? AND status = 'published'")
        .get(offer.package);
      if (current !== undefined) this.setDeactivated(current.id, change, { replacedBy: id });
      this.db.prepare("UPDATE offers SET status = 'published', published_at = ? WHERE id = ?").run(change.at, id);
      this.record(change, "offer.publish", id, {
        package: offer.package,
        ...(current === undefined ? {} : { replaces: current.id }),
      });
      return { offer: this.require(id), replaced: current?.id ?? null };
    })();
  }

  /** Deactivates a published offer: no new sales; the services sold under it keep their price and are billed. */
  deactivate(id: number, change: Change): Offer {
    return this.db.transaction(() => {
      checkTransition(this.require(id), "deactivate");
      this.setDeactivated(id, change, {});
      return this.require(id);
    })();
  }

  /** A new draft with the offer's package, currency and lines, to change and publish in its place. */
  clone(id: number, change: Change, name?: string): Offer {
    return this.db.transaction(() => {
      const source = this.require(id);
      checkTransition(source, "clone");
      const heading = checkOfferHeading({ name: name ?? source.name, package: source.package });
      const cloneId = Number(
        this.db
          .prepare(
            `INSERT INTO offers (name, package, currency, cloned_from, created_at, created_by)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(heading.name, heading.package, source.currency, id, change.at, change.actor).lastInsertRowid,
      );
      this.db
        .prepare(
          `INSERT INTO offer_lines (offer_id, product, markup_bp, fixed_minor, billed_while_suspended, renewal)
           SELECT ?, product, markup_bp, fixed_minor, billed_while_suspended, renewal FROM offer_lines
            WHERE offer_id = ?`,
        )
        .run(cloneId, id);
      this.record(change, "offer.clone", cloneId, { from: id, name: heading.name });
      return this.require(cloneId);
    })();
  }

  /** What was done to an offer and by whom, newest first. */
  history(id: number): ReturnType<BillingAuditStore["list"]> {
    return this.audit.list({ subject: subjectOf(id) });
  }

  private setDeactivated(id: number, change: Change, details: Record<string, unknown>): void {
    this.db.prepare("UPDATE offers SET status = 'deactivated', deactivated_at = ? WHERE id = ?").run(change.at, id);
    this.record(change, "offer.deactivate", id, details);
  }

  private record(change: Change, action: string, id: number, details: Record<string, unknown>): void {
    this.audit.record({ at: change.at, actor: change.actor, action, subject: subjectOf(id), details });
  }
}

/** Raised for an offer id that does not exist. */
export class OfferNotFound extends Error {
  override readonly name = "OfferNotFound";
  constructor(readonly id: number) {
    super(`there is no offer ${id}: list the offers with "wedos-panel billing offer list"`);
  }
}

function lineOf(row: LineRow, currency: string): OfferLine {
  return {
    product: row.product,
    pricing:
      row.markupBp !== null
        ? { kind: "markup", markupBp: row.markupBp }
        : { kind: "fixed", price: money(row.fixedMinor ?? 0, currency) },
    billedWhileSuspended: row.billedWhileSuspended === 1,
    renewal: row.renewal,
  };
}

/**
 * The sale terms from the offers (TermsLookup, src/billing/terms.ts): the offer a sale falls under (offer-choice.ts)
 * and its line for the product, priced on the product's current wholesale price. Read fresh on each call, so a sale
 * right after a publish gets the new offer.
 */
export function offerTerms(db: Database): TermsLookup {
  const store = new OfferStore(db);
  const prices = new PriceBookStore(db);
  return (sale) => {
    const wholesale: Money | undefined = prices.latest(sale.product)?.price;
    const offer = offerForSale(store.candidatesFor(sale), sale);
    if (offer === undefined) return { ...NO_OFFER, wholesale: wholesale ?? null };
    return termsUnder(offer, sale.product, wholesale);
  };
}
