import { MoneyError, type Money } from "../../billing/money.js";
import { OfferError, type OfferRefusal } from "../../billing/offer.js";
import { parseProductKey, ProductError } from "../../billing/product.js";
import { splitVat } from "../../billing/vat.js";
import type { Config } from "../../config/load.js";
import type { AuthenticatedContext } from "../context.js";
import { actorName } from "../identity/identity.js";
import type { MessageKey } from "../i18n/index.js";
import { moneyFormatter } from "../i18n/money-format.js";

/** The catalogue text of each reason an offer change is refused (the compiler holds that none is missing). */
const REFUSALS: Readonly<Record<OfferRefusal, MessageKey>> = {
  editRefused: "offers.refused.editRefused",
  publishRefused: "offers.refused.publishRefused",
  deactivateRefused: "offers.refused.deactivateRefused",
  noLines: "offers.refused.noLines",
  noWholesale: "offers.refused.noWholesale",
  currencyMismatch: "offers.refused.currencyMismatch",
  fixedCurrency: "offers.refused.fixedCurrency",
  negative: "offers.refused.negative",
  markupRange: "offers.refused.markupRange",
  badPackage: "offers.refused.badPackage",
  badName: "offers.refused.badName",
  eitherPrice: "offers.refused.eitherPrice",
  badRenewal: "offers.refused.badRenewal",
};

/** Who changed a price or an offer, as the billing audit log names them ("admin alice"). */
export function billingActor(page: AuthenticatedContext): string {
  return `${page.identity.level} ${actorName(page.identity)}`;
}

/** A product as the pages name it: "DNS zone (per month)", "Protection Advanced, yearly". */
export function productLabel(page: AuthenticatedContext, key: string): string {
  const product = parseProductKey(key);
  if (product.service === "zone") return page.t("billing.product.zone");
  return page.t("billing.product.protection", {
    plan: page.t(`protection.variant.${product.plan}`),
    period: page.t(`protection.period.${product.period}`),
  });
}

/** A retail price with VAT as configured: "CZK 149.00 + 21 % VAT = CZK 180.29", or with VAT included. */
export function priceWithVat(page: AuthenticatedContext, retail: Money, billing: Config["billing"]): string {
  const money = moneyFormatter(page.language);
  if (billing.vatRateBp === 0) return money(retail);
  const split = splitVat(retail, { rateBp: billing.vatRateBp, pricesIncludeVat: billing.pricesIncludeVat });
  const rate = (billing.vatRateBp / 100).toLocaleString(page.language === "cs" ? "cs-CZ" : "en-GB");
  return billing.pricesIncludeVat
    ? page.t("offers.inclVat", { price: money(retail), rate, net: money(split.net) })
    : page.t("offers.withVat", { price: money(retail), rate, gross: money(split.gross) });
}

/** The note on how VAT is shown on the offers pages. */
export function vatNote(page: AuthenticatedContext, billing: Config["billing"]): string {
  const rate = (billing.vatRateBp / 100).toLocaleString(page.language === "cs" ? "cs-CZ" : "en-GB");
  if (billing.vatRateBp === 0) return page.t("offers.vat.none");
  return page.t(billing.pricesIncludeVat ? "offers.vat.gross" : "offers.vat.net", { rate });
}

/**
 * What a refused change says to the admin in their language; undefined for an error that is not about the input
 * (the page's error handler shows that one).
 */
export function refusalText(
  page: AuthenticatedContext,
  error: unknown,
  input: Record<string, string>,
): string | undefined {
  if (error instanceof OfferError) {
    const params = { ...error.params };
    if (typeof params["status"] === "string")
      params["status"] = page.t(`offers.status.${params["status"]}` as MessageKey);
    if (typeof params["product"] === "string") params["product"] = productLabel(page, params["product"]);
    return page.t(REFUSALS[error.why], params);
  }
  if (error instanceof ProductError) return page.t("prices.badProduct");
  if (error instanceof MoneyError) {
    if (/percentage/.test(error.message)) return page.t("offers.badPercent", { markup: input["markup"] ?? "" });
    if (/currency code/.test(error.message)) return page.t("prices.badCurrency", { currency: input["currency"] ?? "" });
    return page.t("prices.badAmount", { amount: input["amount"] ?? input["price"] ?? "" });
  }
  return undefined;
}
