/** English texts of the operations page's gauge and chart, and of the package-policy form (part of en.ts). */
export const enOps = {
  "budget.level.ok": "within the budget",
  "budget.level.warn": "80 % or more used: background work slows down",
  "budget.level.critical": "95 % or more used: only people's actions are sent",
  "budget.gaugeLabel": "{percent} % of this hour's requests used",
  "budget.chartDesc":
    "Bars of requests to WEDOS in each of the last 24 hours against the hourly limit of {limit}; lines mark 80 % and 95 %. In all {total} requests, the most {peak} at {peakHour}; {rejected} rejected.",
  "budget.chartLegend": "Amber: 80 % of the limit or more; red: 95 % or more; the dark foot of a bar: rejected requests.",
  "budget.tableSummary": "The same hours as a table",
} as const;
