/**
 * What the provider sells: a WEDOS DNS zone (free at WEDOS, billed by the provider if it wishes) and WEDOS Global
 * protection in one of three plans, paid to WEDOS per month or per year. A product is written as one key:
 * `zone`, or `protection/<plan>/<period>` (e.g. `protection/advanced/yearly`).
 */
export const PROTECTION_PLANS = ["start", "advanced", "expert"] as const;
export const BILLING_PERIODS = ["monthly", "yearly"] as const;

export type ProtectionPlan = (typeof PROTECTION_PLANS)[number];
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export type Product = { service: "zone" } | { service: "protection"; plan: ProtectionPlan; period: BillingPeriod };

export type ProductKey = string;

/** Months one billing period pays for. */
export const PERIOD_MONTHS: Readonly<Record<BillingPeriod, number>> = { monthly: 1, yearly: 12 };

/** Raised for a product key that names nothing the plugin sells. */
export class ProductError extends Error {
  override readonly name = "ProductError";
}

export function productKey(product: Product): ProductKey {
  return product.service === "zone" ? "zone" : `protection/${product.plan}/${product.period}`;
}

export function parseProductKey(key: string): Product {
  if (key === "zone") return { service: "zone" };
  const [service, plan, period] = key.split("/");
  if (
    service === "protection" &&
    (PROTECTION_PLANS as readonly string[]).includes(plan ?? "") &&
    (BILLING_PERIODS as readonly string[]).includes(period ?? "")
  ) {
    return { service, plan: plan as ProtectionPlan, period: period as BillingPeriod };
  }
  throw new ProductError(`"${key}" is not a product: use zone or protection/<start|advanced|expert>/<monthly|yearly>`);
}

/** Every product the plugin sells, in a stable order (for price lists and forms). */
export const ALL_PRODUCTS: readonly ProductKey[] = [
  "zone",
  ...PROTECTION_PLANS.flatMap((plan) => BILLING_PERIODS.map((period) => `protection/${plan}/${period}`)),
];
