import type { Month } from "../../billing/calendar.js";
import { money, type Money } from "../../billing/money.js";
import type { Translate } from "../i18n/index.js";

/**
 * A billing page's "per month" chart, drawn on the server as inline SVG the way the operations page's requests
 * chart is (requests-chart.ts): sizes are SVG attributes, colours classes in wedos.css, no script. The SVG is one
 * image to assistive technology (role="img" with its <title> and a <desc> that says what it shows and its highest
 * month); the table of the same months follows it with every amount exact. Each series is a bar per month; a month
 * without an amount (a wholesale in another currency) has no bar and reads "—" in the table.
 */
export interface BillingChartSeries {
  /** The bar's class (wedos-billing-bar-<key>) and its legend entry. */
  key: string;
  label: string;
  /** One amount per month, in the chart's currency (null: not known). */
  values: ReadonlyArray<Money | null>;
}

export interface BillingChartModel {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  title: string;
  desc: string;
  legend: Array<{ key: string; label: string }>;
  ticks: Array<{ y: number; label: string }>;
  /** Under each month's bars: its short name, and its year under the first month and each January. */
  months: Array<{ label: string; year: string | undefined; x: number; bars: ChartBarModel[] }>;
  /** The same figures as a table: a row per month, a cell per series. */
  table: { headers: string[]; rows: Array<{ month: string; cells: string[] }> };
}

export interface ChartBarModel {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The bar's tooltip: month, series and amount. */
  title: string;
}

const WIDTH = 720;
const HEIGHT = 240;
const PLOT = { left: 96, top: 12, right: 704, bottom: 196 } as const;

/**
 * The axis' top: the smallest 1, 2 or 5 × 10^n major units at or above the largest amount, so the grid reads in
 * round amounts (minor units; at least one major unit).
 */
export function axisTop(largestMinor: number): number {
  let step = 100;
  for (;;) {
    for (const factor of [1, 2, 5]) if (step * factor >= largestMinor) return step * factor;
    step *= 10;
  }
}

export function billingChart(
  t: Translate,
  input: {
    title: string;
    months: readonly Month[];
    monthLabel: (month: Month) => string;
    axisLabel: (month: Month) => string;
    currency: string;
    series: readonly BillingChartSeries[];
  },
): BillingChartModel {
  const { months, series, currency } = input;
  const amounts = series.flatMap((each) => each.values.map((value) => value?.minor ?? 0));
  const top = axisTop(Math.max(0, ...amounts));
  const plotHeight = PLOT.bottom - PLOT.top;
  // Refunds and corrections can make a month negative: the bar stays at the axis, the table says the amount.
  const yOf = (minor: number) => round(PLOT.bottom - (Math.max(0, Math.min(minor, top)) / top) * plotHeight);
  const slot = (PLOT.right - PLOT.left) / Math.max(months.length, 1);
  const barWidth = (slot * 0.8) / Math.max(series.length, 1);
  const text = (value: Money | null) => (value === null ? "—" : t.money(value));
  let peak: { minor: number; month: Month; series: string } | undefined;
  const chartMonths = months.map((month, index) => {
    const left = PLOT.left + index * slot + slot * 0.1;
    const bars = series.flatMap((each, position): ChartBarModel[] => {
      const value = each.values[index] ?? null;
      if (value === null) return [];
      if (peak === undefined || value.minor > peak.minor) peak = { minor: value.minor, month, series: each.label };
      const y = yOf(value.minor);
      return [
        {
          key: each.key,
          x: round(left + position * barWidth),
          y,
          width: round(barWidth * 0.9),
          height: round(PLOT.bottom - y),
          title: `${input.monthLabel(month)}, ${each.label}: ${text(value)}`,
        },
      ];
    });
    const year = index === 0 || month.endsWith("-01") ? month.slice(0, 4) : undefined;
    return { label: input.axisLabel(month), year, x: round(PLOT.left + index * slot + slot / 2), bars };
  });
  const first = months[0];
  const last = months[months.length - 1];
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: { ...PLOT },
    title: input.title,
    desc: t("billing.chart.desc", {
      series: series.map((each) => each.label).join(", "),
      from: first === undefined ? "" : input.monthLabel(first),
      to: last === undefined ? "" : input.monthLabel(last),
      peak:
        peak === undefined || peak.minor <= 0
          ? t("billing.chart.nothing")
          : t("billing.chart.peak", {
              amount: t.money(money(peak.minor, currency)),
              series: peak.series,
              month: input.monthLabel(peak.month),
            }),
    }),
    legend: series.map(({ key, label }) => ({ key, label })),
    ticks: [0, top / 2, top].map((minor) => ({ y: yOf(minor), label: t.money(money(minor, currency)) })),
    months: chartMonths,
    table: {
      headers: series.map((each) => each.label),
      rows: months.map((month, index) => ({
        month: input.monthLabel(month),
        cells: series.map((each) => text(each.values[index] ?? null)),
      })),
    },
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
