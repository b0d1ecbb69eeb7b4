import type { AuthenticatedContext } from "../context.js";
import {
  cancelEndsService,
  periodLabel,
  protectionSituation,
  variantLabel,
  type ProtectionInputs,
} from "./protection.js";

/** What a paid-service decision is about, shown before anything is queued (views/protection/confirm.ejs). */
export interface ProtectionConfirmView {
  domain: string;
  want: "on" | "off";
  title: string;
  intro: string;
  plan: string;
  period: string;
  price: string;
  button: string;
}

/** A price WEDOS reported, as its text. */
export type ReportedPrice = { amount: string; currency: string } | undefined;

/**
 * The confirmation of ordering (`want` on) or cancelling (off): the plan, the period and the price. An order shows
 * the price WEDOS last charged for the package's plan (`knownPrice`), else says WEDOS charges its list price; ending
 * a service shows what WEDOS charged for it; withdrawing an order not sent yet says nothing is charged.
 */
export function protectionConfirmView(
  page: AuthenticatedContext,
  inputs: ProtectionInputs,
  want: "on" | "off",
  knownPrice: ReportedPrice,
): ProtectionConfirmView {
  const { t } = page;
  const domain = inputs.domain.domain;
  const { phase } = protectionSituation(page, inputs);
  const service = want === "off" && cancelEndsService(phase) ? inputs.row : undefined;
  const variant = service?.variant ?? inputs.policy.protection;
  const period = service?.period ?? inputs.policy.protectionPeriod;
  const kind = want === "on" ? "order" : service === undefined ? "withdraw" : "cancel";
  return {
    domain,
    want,
    title: t(`protection.confirm.${kind}.title`, { domain }),
    intro: t(`protection.confirm.${kind}.intro`, { domain }),
    plan: variantLabel(page, variant),
    period: periodLabel(page, period),
    price: priceText(page, kind, service === undefined ? knownPrice : paidPrice(service)),
    button: t(`protection.confirm.${kind}.button`),
  };
}

function paidPrice(row: { amount: string | null; currency: string | null }): ReportedPrice {
  return row.amount === null || row.currency === null ? undefined : { amount: row.amount, currency: row.currency };
}

function priceText(page: AuthenticatedContext, kind: "order" | "cancel" | "withdraw", price: ReportedPrice): string {
  if (kind === "withdraw") return page.t("protection.price.none");
  if (price === undefined)
    return page.t(kind === "order" ? "protection.price.unknown" : "protection.price.notReported");
  return page.t(kind === "order" ? "protection.price.known" : "protection.price.paid", price);
}
