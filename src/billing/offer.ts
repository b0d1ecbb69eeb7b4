import { DEFAULT_POLICY_PACKAGE, PACKAGE_NAME } from "../model/policy.js";
import { type Money } from "./money.js";
import { type ProductKey } from "./product.js";

/**
 * An offer: what the provider sells a hosting package's customers, line by line (one line per product), and at what
 * retail price. Its life is one way (ADR 0045): a draft is edited freely; published, it is what new sales of the
 * package get and is never edited again; deactivated, it takes no new sales while the services sold under it keep
 * their price and keep being billed. To change a published offer, clone it into a new draft and publish that.
 */
export const OFFER_STATUSES = ["draft", "published", "deactivated"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The package name of the default offer, used by packages without a published offer of their own. */
export const DEFAULT_OFFER_PACKAGE = DEFAULT_POLICY_PACKAGE;

/** How a line's retail price is set: a markup in basis points on the current wholesale price, or a fixed price. */
export type LinePricing = { kind: "markup"; markupBp: number } | { kind: "fixed"; price: Money };

export interface OfferLine {
  product: ProductKey;
  pricing: LinePricing;
  /** Whether the service is billed on the days its account is suspended. */
  billedWhileSuspended: boolean;
  /** Whether a paid period is renewed when it ends, or left to lapse. */
  renewal: "renew" | "lapse";
}

export interface Offer {
  id: number;
  name: string;
  package: string;
  /** The provider's currency when the offer was made: every retail price of the offer is in it. */
  currency: string;
  status: OfferStatus;
  /** The offer this one was cloned from, if any. */
  clonedFrom: number | null;
  createdAt: number;
  createdBy: string;
  publishedAt: number | null;
  deactivatedAt: number | null;
  lines: OfferLine[];
}

/** What may be done to an offer. */
export type OfferAction = "edit" | "publish" | "deactivate" | "clone";

/** Why a change to an offer is refused: the pages show it in the visitor's language (`offer.refused.<why>`). */
export type OfferRefusal =
  | "editRefused"
  | "publishRefused"
  | "deactivateRefused"
  | "noLines"
  | "noWholesale"
  | "currencyMismatch"
  | "fixedCurrency"
  | "negative"
  | "markupRange"
  | "badPackage"
  | "badName"
  | "eitherPrice"
  | "badRenewal";

/**
 * Raised for a change the offer's state or prices do not allow. The message (English, for the CLI and the log)
 * says what to do instead; `why` and `params` let a page say the same in its visitor's language.
 */
export class OfferError extends Error {
  override readonly name = "OfferError";
  constructor(
    readonly why: OfferRefusal,
    readonly params: Readonly<Record<string, string | number>>,
    message: string,
  ) {
    super(message);
  }
}

const ALLOWED: Readonly<Record<OfferStatus, readonly OfferAction[]>> = {
  draft: ["edit", "publish", "clone"],
  published: ["deactivate", "clone"],
  deactivated: ["clone"],
};

/** Why an action is refused in a state, as a sentence that says what to do instead. */
const REFUSALS: Readonly<Record<Exclude<OfferAction, "clone">, string>> = {
  edit: "only a draft can be edited: clone the offer and edit the clone",
  publish: "only a draft can be published",
  deactivate: "only a published offer can be deactivated",
};

export function mayDo(status: OfferStatus, action: OfferAction): boolean {
  return ALLOWED[status].includes(action);
}

/** Throws an OfferError unless the offer's state allows the action. */
export function checkTransition(offer: Pick<Offer, "id" | "status">, action: OfferAction): void {
  if (!mayDo(offer.status, action) && action !== "clone")
    throw new OfferError(
      `${action}Refused`,
      { id: offer.id, status: offer.status },
      `offer ${offer.id} is ${offer.status}: ${REFUSALS[action]}`,
    );
}

/** Checks what names a new offer: a package name the panels allow (or `*`) and a name of 1–80 characters. */
export function checkOfferHeading(heading: { name: string; package: string }): { name: string; package: string } {
  const name = heading.name.trim();
  const pkg = heading.package.trim();
  if (!PACKAGE_NAME.test(pkg))
    throw new OfferError(
      "badPackage",
      { package: heading.package },
      `"${heading.package}" is not a package name: use the panel's package name, or * for all`,
    );
  if (name.length === 0 || name.length > 80)
    throw new OfferError("badName", {}, "give the offer a name of 1 to 80 characters");
  return { name, package: pkg };
}

/** Basis points as a percentage with two decimals, the way percentToBasisPoints reads it back ("12.50", "-3.00"). */
export function percentText(bp: number): string {
  const sign = bp < 0 ? "-" : "";
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Markups from −99.99 % (never below nothing) to +1000 %. */
export const MARKUP_BP_RANGE = { min: -9_999, max: 100_000 } as const;

/**
 * Checks a line against the offer's currency and the product's current wholesale price: a markup needs a wholesale
 * price in the offer's currency (a markup on another currency would be a price nobody set); a fixed price must be
 * in the offer's currency and not negative.
 */
export function checkLine(line: OfferLine, currency: string, wholesale: Money | undefined): void {
  const { product } = line;
  if (line.pricing.kind === "fixed") {
    if (line.pricing.price.currency !== currency)
      throw new OfferError(
        "fixedCurrency",
        { product, currency },
        `${product}: the fixed price must be in ${currency}, the offer's currency`,
      );
    if (line.pricing.price.minor < 0)
      throw new OfferError("negative", { product }, `${product}: a price cannot be negative`);
    return;
  }
  const { markupBp } = line.pricing;
  if (!Number.isInteger(markupBp) || markupBp < MARKUP_BP_RANGE.min || markupBp > MARKUP_BP_RANGE.max)
    throw new OfferError("markupRange", { product }, `${product}: a markup must be from -99.99 % to 1000 %`);
  if (wholesale === undefined)
    throw new OfferError(
      "noWholesale",
      { product },
      `${product}: no wholesale price is known yet, so a markup has nothing to apply to: ` +
        `enter the wholesale price first (billing price set) or give a fixed price`,
    );
  if (wholesale.currency !== currency)
    throw new OfferError(
      "currencyMismatch",
      { product, currency, wholesaleCurrency: wholesale.currency },
      `${product}: WEDOS charges it in ${wholesale.currency} but the offer sells in ${currency}: ` +
        `a markup works only within one currency, give a fixed price in ${currency} instead`,
    );
}

/** Checks an offer before it is published: at least one line, every line valid against the current wholesale. */
export function checkPublishable(offer: Offer, wholesaleOf: (product: ProductKey) => Money | undefined): void {
  checkTransition(offer, "publish");
  if (offer.lines.length === 0)
    throw new OfferError("noLines", { id: offer.id }, `offer ${offer.id} has no products: add at least one line`);
  for (const line of offer.lines) checkLine(line, offer.currency, wholesaleOf(line.product));
}
