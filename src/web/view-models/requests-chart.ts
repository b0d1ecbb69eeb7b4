import type { HourUsage } from "../../model/wapi-status.js";
import { BUDGET_CRITICAL_SHARE, BUDGET_WARN_SHARE, budgetLevel, type BudgetLevel } from "./budget-gauge.js";

/**
 * The operations page's "requests per hour" chart, drawn on the server as inline SVG (no script, and the CSP's
 * `style-src 'self'` is kept: every size is an SVG attribute, every colour a class in wedos.css). The SVG is one
 * image to assistive technology (role="img", its <title> and <desc>); the table of the same hours follows it as
 * the fallback. The y axis is the hour's limit, so a bar's height reads as its share of the budget, and the amber
 * and red thresholds of the gauge are drawn as lines.
 */
export interface RequestsChartModel {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: ChartBar[];
  /** Horizontal lines with their value: 0, half the limit and the limit. */
  ticks: Array<{ y: number; label: string }>;
  /** The amber and red thresholds as lines across the plot. */
  thresholds: Array<{ y: number; level: Exclude<BudgetLevel, "ok"> }>;
  /** Hour labels under every sixth bar and the last. */
  hourLabels: Array<{ x: number; label: string }>;
  /** Sums for the <desc>: the whole period, its busiest hour and the rejections. */
  total: number;
  peak: { used: number; hour: string };
  rejected: number;
}

export interface ChartBar {
  x: number;
  width: number;
  /** The used requests' bar (top and height), coloured by its level. */
  y: number;
  height: number;
  level: BudgetLevel;
  /** The rejected requests' part of the bar, from its foot. */
  rejectedY: number;
  rejectedHeight: number;
  hour: string;
  used: number;
  rejected: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const PLOT = { left: 52, top: 10, right: 684, bottom: 190 } as const;
const LABEL_EVERY = 6;

/** The chart of `hours` (oldest first, as WapiStatusView.budgetHistory gives them) against the hourly `limit`. */
export function requestsChart(
  hours: readonly HourUsage[],
  limit: number,
  hourLabel: (hourStart: number) => string,
): RequestsChartModel {
  const scale = Math.max(limit, 1);
  const plotHeight = PLOT.bottom - PLOT.top;
  const yOf = (value: number) => round(PLOT.bottom - (Math.min(value, scale) / scale) * plotHeight);
  const slot = (PLOT.right - PLOT.left) / Math.max(hours.length, 1);
  const bars = hours.map((hour, index): ChartBar => {
    const y = yOf(hour.used);
    const rejectedY = yOf(Math.min(hour.rejected, hour.used));
    return {
      x: round(PLOT.left + index * slot + slot * 0.15),
      width: round(slot * 0.7),
      y,
      height: round(PLOT.bottom - y),
      level: budgetLevel(hour.used, limit),
      rejectedY,
      rejectedHeight: round(PLOT.bottom - rejectedY),
      hour: hourLabel(hour.hourStart),
      used: hour.used,
      rejected: hour.rejected,
    };
  });
  const peak = hours.reduce<HourUsage | undefined>(
    (best, hour) => (best === undefined || hour.used > best.used ? hour : best),
    undefined,
  );
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: { ...PLOT },
    bars,
    ticks: [0, Math.round(limit / 2), limit].map((value) => ({ y: yOf(value), label: String(value) })),
    thresholds: [
      { y: yOf(limit * BUDGET_WARN_SHARE), level: "warn" },
      { y: yOf(limit * BUDGET_CRITICAL_SHARE), level: "critical" },
    ],
    hourLabels: bars
      .map((bar, index) => ({ bar, index }))
      .filter(({ index }) => index % LABEL_EVERY === 0 || index === bars.length - 1)
      .map(({ bar }) => ({ x: round(bar.x + bar.width / 2), label: bar.hour })),
    total: hours.reduce((sum, hour) => sum + hour.used, 0),
    peak: { used: peak?.used ?? 0, hour: peak === undefined ? "" : hourLabel(peak.hourStart) },
    rejected: hours.reduce((sum, hour) => sum + hour.rejected, 0),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
