import { describe, expect, it } from "vitest";
import { budgetGauge, budgetLevel } from "../../src/web/view-models/budget-gauge.js";
import { requestsChart } from "../../src/web/view-models/requests-chart.js";

const HOUR = 3_600_000;
const label = (hourStart: number) => `${new Date(hourStart).toISOString().slice(11, 16)} UTC`;
const hours = (used: number[]) =>
  used.map((count, index) => ({ hourStart: Date.UTC(2026, 2, 10) + index * HOUR, used: count, rejected: 0 }));

describe("the budget gauge's level", () => {
  it("is amber from 80 % and red from 95 % of the hour's limit", () => {
    expect([0, 799, 800, 949, 950, 1000, 1200].map((used) => budgetLevel(used, 1000))).toEqual([
      "ok",
      "ok",
      "warn",
      "warn",
      "critical",
      "critical",
      "critical",
    ]);
    expect(budgetLevel(16, 20)).toBe("warn");
    expect(budgetLevel(19, 20)).toBe("critical");
  });

  it("treats a limit of 0 as spent", () => {
    expect(budgetLevel(0, 0)).toBe("critical");
  });

  it("fills the gauge in proportion, capped at the limit, and names the level with a badge", () => {
    expect(budgetGauge(500, 1000)).toMatchObject({ percent: 50, fill: 100, level: "ok", status: "active" });
    expect(budgetGauge(812, 1000)).toMatchObject({ percent: 81, fill: 162.4, level: "warn", status: "waiting" });
    expect(budgetGauge(1300, 1000)).toMatchObject({ percent: 100, fill: 200, level: "critical", status: "error" });
    expect(budgetGauge(0, 1000)).toMatchObject({ warnAt: 160, criticalAt: 190 });
  });
});

describe("the requests-per-hour chart", () => {
  const chart = requestsChart(hours([0, 500, 1000, 800, 960, 2000]), 1000, label);

  it("draws each hour's bar as its share of the limit, in the hour's order, coloured by level", () => {
    const { top, bottom } = chart.plot;
    expect(chart.bars.map((bar) => bar.height)).toEqual([0, (bottom - top) / 2, bottom - top, 144, 172.8, 180]);
    expect(chart.bars.map((bar) => bar.level)).toEqual(["ok", "ok", "critical", "warn", "critical", "critical"]);
    const xs = chart.bars.map((bar) => bar.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(chart.bars.every((bar) => bar.y + bar.height === bottom)).toBe(true);
  });

  it("marks 0, half the limit and the limit, and the 80 % and 95 % thresholds", () => {
    expect(chart.ticks.map((tick) => tick.label)).toEqual(["0", "500", "1000"]);
    expect(chart.thresholds.map((line) => [line.level, line.y])).toEqual([
      ["warn", 46],
      ["critical", 19],
    ]);
  });

  it("sums the period for the description: the total, the busiest hour, the rejections", () => {
    const withRejections = requestsChart(
      [...hours([3, 9, 4]).slice(0, 2), { hourStart: Date.UTC(2026, 2, 10, 2), used: 4, rejected: 2 }],
      1000,
      label,
    );
    expect(withRejections).toMatchObject({ total: 16, peak: { used: 9, hour: "01:00 UTC" }, rejected: 2 });
    const last = withRejections.bars[2];
    expect(last?.rejectedHeight).toBeGreaterThan(0);
    expect(last?.rejectedHeight).toBeLessThan(last?.height ?? 0);
  });

  it("labels every sixth hour and the last one", () => {
    const day = requestsChart(hours(Array.from({ length: 24 }, () => 1)), 1000, label);
    expect(day.hourLabels.map((each) => each.label)).toEqual([
      "00:00 UTC",
      "06:00 UTC",
      "12:00 UTC",
      "18:00 UTC",
      "23:00 UTC",
    ]);
  });
});
