import { parseMoney, percentToBasisPoints } from "./money.js";
import { OfferError, type OfferLine } from "./offer.js";
import { parseProductKey } from "./product.js";

/** An offer line as a person gives it, on the command line or in the offer form: text, not yet checked. */
export interface LineInput {
  product: string;
  /** A markup in percent ("25", "12.5"); exactly one of markup and price. */
  markup?: string | undefined;
  /** A fixed price in the offer's currency ("149.00"). */
  price?: string | undefined;
  billedWhileSuspended: boolean;
  renewal?: string | undefined;
}

const given = (text: string | undefined): text is string => text !== undefined && text.trim() !== "";

/** Reads a line's input; an OfferError (or MoneyError, ProductError) says what was wrong and how to write it. */
export function parseLineInput(input: LineInput, currency: string): OfferLine {
  parseProductKey(input.product);
  if (given(input.markup) === given(input.price))
    throw new OfferError(
      "eitherPrice",
      { product: input.product },
      `${input.product}: give either a markup (e.g. 25 %) or a fixed price (e.g. 149.00), not both`,
    );
  const renewal = input.renewal === undefined || input.renewal === "" ? "renew" : input.renewal;
  if (renewal !== "renew" && renewal !== "lapse")
    throw new OfferError(
      "badRenewal",
      { renewal: String(input.renewal) },
      `"${input.renewal}" is not a renewal: use renew or lapse`,
    );
  return {
    product: input.product,
    pricing: given(input.markup)
      ? { kind: "markup", markupBp: percentToBasisPoints(input.markup) }
      : { kind: "fixed", price: parseMoney(input.price ?? "", currency) },
    billedWhileSuspended: input.billedWhileSuspended,
    renewal,
  };
}
