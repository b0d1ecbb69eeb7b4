import { BASIS_POINTS, money, scaleMinor, type Money } from "./money.js";

/**
 * VAT as a Czech or EU provider charges it: a rate in basis points (21 % = 2100), computed once per statement and
 * rate on the net total (Czech VAT law rounds the tax of a document, not of each line), half away from zero.
 * Reverse charge (an EU business customer with a VAT ID) is a rate of zero with the reason shown on the bill.
 */
export interface VatRule {
  rateBp: number;
  /** True when the provider's retail prices already include VAT (consumer prices); false for net prices. */
  pricesIncludeVat: boolean;
}

export interface VatSplit {
  net: Money;
  vat: Money;
  gross: Money;
}

/** Splits a total of retail prices into net, VAT and gross according to the rule. */
export function splitVat(total: Money, rule: VatRule): VatSplit {
  const { minor, currency } = total;
  if (rule.pricesIncludeVat) {
    const net = scaleMinor(minor, BASIS_POINTS, BASIS_POINTS + rule.rateBp);
    return { net: money(net, currency), vat: money(minor - net, currency), gross: total };
  }
  const vat = scaleMinor(minor, rule.rateBp, BASIS_POINTS);
  return { net: total, vat: money(vat, currency), gross: money(minor + vat, currency) };
}
