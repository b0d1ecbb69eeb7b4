import type { enOps } from "./en-ops.js";

/** Czech texts of the operations page's gauge and chart, and of the package-policy form (same keys as en-ops.ts). */
export const csOps: Record<keyof typeof enOps, string> = {
  "budget.level.ok": "v rámci limitu",
  "budget.level.warn": "využito 80 % a více: práce na pozadí se zpomaluje",
  "budget.level.critical": "využito 95 % a více: odesílají se jen akce uživatelů",
  "budget.gaugeLabel": "Využito {percent} % požadavků této hodiny",
  "budget.chartDesc":
    "Sloupce požadavků na WEDOS v každé z posledních 24 hodin vůči hodinovému limitu {limit}; čáry značí 80 % a 95 %. Celkem {total} požadavků, nejvíce {peak} v {peakHour}; odmítnuto {rejected}.",
  "budget.chartLegend": "Oranžová: 80 % limitu a více; červená: 95 % a více; tmavá pata sloupce: odmítnuté požadavky.",
  "budget.tableSummary": "Tytéž hodiny jako tabulka",
};
