/**
 * How full this hour's WAPI budget is, as a level the pages colour: amber from 80 %, red from 95 %.
 * The same level colours the gauge and the chart's bars, and the gauge also says it in words (never colour alone).
 */
export type BudgetLevel = "ok" | "warn" | "critical";

/** The share of the hour's limit from which the gauge turns amber. */
export const BUDGET_WARN_SHARE = 0.8;
/** The share of the hour's limit from which the gauge turns red. */
export const BUDGET_CRITICAL_SHARE = 0.95;

/** The level of `used` requests against `limit` (a limit of 0 or less is treated as spent). */
export function budgetLevel(used: number, limit: number): BudgetLevel {
  if (limit <= 0) return "critical";
  const share = used / limit;
  if (share >= BUDGET_CRITICAL_SHARE) return "critical";
  if (share >= BUDGET_WARN_SHARE) return "warn";
  return "ok";
}

/** The gauge of the operations page: an SVG bar (widths as attributes: the CSP allows no inline style). */
export interface BudgetGaugeModel {
  used: number;
  limit: number;
  /** 0–100, rounded; above 100 is shown as 100. */
  percent: number;
  level: BudgetLevel;
  /** The status badge that says the level in words, with its icon (views/README.md: never colour alone). */
  status: "active" | "waiting" | "error";
  /** The filled part's width in the gauge's 0–200 user units. */
  fill: number;
  /** Where the amber and red thresholds start, in the same units (marks on the gauge). */
  warnAt: number;
  criticalAt: number;
}

/** The gauge's width in SVG user units (it scales with the page; only proportions matter). */
export const GAUGE_WIDTH = 200;

export function budgetGauge(used: number, limit: number): BudgetGaugeModel {
  const share = limit <= 0 ? 1 : Math.min(1, Math.max(0, used / limit));
  return {
    used,
    limit,
    percent: Math.round(share * 100),
    level: budgetLevel(used, limit),
    status: STATUS[budgetLevel(used, limit)],
    fill: round(share * GAUGE_WIDTH),
    warnAt: round(BUDGET_WARN_SHARE * GAUGE_WIDTH),
    criticalAt: round(BUDGET_CRITICAL_SHARE * GAUGE_WIDTH),
  };
}

const STATUS = { ok: "active", warn: "waiting", critical: "error" } as const;

const round = (value: number) => Math.round(value * 10) / 10;
