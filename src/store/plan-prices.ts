import type { Database } from "./database.js";

/** A price WEDOS reported for a protection plan and period (its own text and currency, as it sent them). */
export interface PlanPrice {
  amount: string;
  currency: string;
}

/**
 * The last price WEDOS reported for each protection plan and billing period, keyed `<plan>/<period>`, from the
 * protections the plugin ordered. The pages never ask WEDOS for a price list (a view spends no requests), so a
 * plan nobody has ordered yet has no price here.
 */
export function lastPlanPrices(db: Database): Map<string, PlanPrice> {
  const rows = db
    .prepare<[], { variant: string; period: string; amount: string; currency: string }>(
      `SELECT variant, period, amount, currency FROM protections
        WHERE amount IS NOT NULL AND currency IS NOT NULL ORDER BY updated_at, domain`,
    )
    .all();
  return new Map(rows.map((row) => [`${row.variant}/${row.period}`, { amount: row.amount, currency: row.currency }]));
}
