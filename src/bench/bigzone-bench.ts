import { utimesSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { seedAccounts } from "../emulators/directadmin/index.js";
import type { DirectAdminLayout } from "../panel/directadmin/layout.js";
import type { PanelAccount } from "../model/account.js";
import {
  percentile,
  startBenchPanel,
  startPageDaemon,
  visitFields,
  visitPage,
  type PageDaemon,
} from "./page-daemon.js";
import { startServeProcess } from "./serve-process.js";

const BIG_RECORDS = 50_000;

/** A zone of `records` records of the common kinds (A, TXT, CNAME, MX), about 2 MB for 50,000. */
export function bigZoneText(domain: string, records: number): string {
  const lines = [
    "$TTL 3600",
    `@ IN SOA ns1.${domain}. hostmaster.${domain}. 1 3600 600 86400 300`,
    `@ IN NS ns1.${domain}.`,
    "ns1 IN A 192.0.2.1",
  ];
  for (let i = 0; i < records; i++) {
    const kind = i % 4;
    if (kind === 0) lines.push(`host${i} IN A 192.0.${(i >> 8) & 255}.${i & 255}`);
    else if (kind === 1) lines.push(`txt${i} IN TXT "v=spf1 include:_spf.example.net ~all ${i}"`);
    else if (kind === 2) lines.push(`alias${i} IN CNAME host${i - 2}.${domain}.`);
    else lines.push(`mx${i} IN MX 10 host${i - 3}.${domain}.`);
  }
  return `${lines.join("\n")}\n`;
}

const BIG_DOMAIN = "acct00001.test";

/** Two accounts, the first with a 50,000-record zone. */
function withBigZone(layout: DirectAdminLayout, now: number): PanelAccount[] {
  const accounts = seedAccounts(layout, 2, { now });
  writeFileSync(layout.zoneFile(BIG_DOMAIN), bigZoneText(BIG_DOMAIN, BIG_RECORDS));
  return accounts;
}

/** Times sequential requests of `fields`. */
async function timed(daemon: PageDaemon, fields: Record<string, string>, runs: number): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await daemon.visit(fields);
    timings.push(performance.now() - started);
  }
  return timings;
}

/** Dates the zone's last change `secondsAgo` back: a new version (so the next view parses it), already settled. */
function touchZone(file: string, secondsAgo: number): void {
  const then = Date.now() / 1000 - secondsAgo;
  utimesSync(file, then, then);
}

/**
 * Big zones on the domain page (docs/decisions/0018): the page of a 50,000-record zone, and another customer's domain
 * page alone and while five views of the big zone run at once, the zone just changed (so the five wait for one parse,
 * in slices). Rounds of each are interleaved, so the machine's noise falls on both alike.
 */
export async function benchBigZonePages(rounds = 5, perRound = 40): Promise<string[][]> {
  const bigDomain = BIG_DOMAIN;
  const daemon = await startPageDaemon(withBigZone);
  const zoneFile = daemon.layout.zoneFile(bigDomain);
  touchZone(daemon.layout.zoneFile("acct00002.test"), 3600);
  try {
    const big = daemon.visitFields("user00001", `p=/domains/${bigDomain}&page=7`);
    const other = daemon.visitFields("user00002", "p=/domains/acct00002.test");
    if (!(await daemon.visit(other)).includes("acct00002.test"))
      throw new Error("the other customer's page did not render");
    const alone: number[] = [];
    const loaded: number[] = [];
    const cold: number[] = [];
    let html = "";
    for (let round = 0; round < rounds; round++) {
      alone.push(...(await timed(daemon, other, perRound)));
      touchZone(zoneFile, 3600 + round);
      let pending = 5;
      const views = Array.from({ length: 5 }, async () => {
        const started = performance.now();
        html = await daemon.visit(big);
        cold.push(performance.now() - started);
        pending -= 1;
      });
      while (pending > 0) loaded.push(...(await timed(daemon, other, 1)));
      await Promise.all(views);
    }
    if (!showsBigZone(html)) throw new Error("the big zone's page did not render its records");
    const warm = await timed(daemon, big, rounds * perRound);
    for (const list of [alone, loaded, cold, warm]) list.sort((a, b) => a - b);
    const row = (what: string, list: number[], target = "", note = "") => [
      what,
      percentile(list, 0.5).toFixed(1),
      percentile(list, 0.95).toFixed(1),
      target,
      note,
    ];
    const { parses } = daemon.web.zoneRecords.counts;
    const { pauses } = daemon.web.zoneWorkers.counts;
    return [
      row(
        "50,000-record zone just changed: 5 views at once",
        cold,
        "",
        `${parses - 1} parse(s) for ${cold.length} views, the worker gave way ${pauses} times; ` +
          `${(html.length / 1000).toFixed(0)} kB of HTML`,
      ),
      row("50,000-record zone, unchanged: a page of 100", warm),
      row("another customer's domain page, alone", alone),
      row(
        "the same, while the 5 views run",
        loaded,
        "+5",
        `${signed(percentile(loaded, 0.95) - percentile(alone, 0.95))} ms at p95 (${loaded.length} requests)`,
      ),
    ];
  } finally {
    await daemon.close();
  }
}

/** Whether a page of the big zone lists all its records (with the SOA and name servers WEDOS serves for it). */
function showsBigZone(html: string): boolean {
  return Number(/Records [\d–]+ of (\d+)/.exec(html)?.[1] ?? 0) >= BIG_RECORDS;
}

const signed = (value: number) => `${value < 0 ? "" : "+"}${value.toFixed(1)}`;

/** The daemon's memory target: resident memory of `wedos-panel serve` at most 80 MB. */
export const RSS_TARGET_MB = 80;

/**
 * The resident memory of `wedos-panel serve` (the compiled build, a process of its own): idle a few seconds after it
 * started, and after five views of the 50,000-record zone at once (its records kept, the worker gone).
 */
export async function benchDaemonMemory(settleMs = 3_000): Promise<string[][]> {
  const panel = await startBenchPanel(withBigZone);
  const settle = () => new Promise((resolve) => setTimeout(resolve, settleMs));
  try {
    touchZone(panel.layout.zoneFile(BIG_DOMAIN), 3_600);
    const daemon = await startServeProcess(panel);
    try {
      await settle();
      const idle = daemon.rssMb();
      const big = visitFields(panel, "user00001", `p=/domains/${BIG_DOMAIN}&page=7`);
      const pages = await Promise.all(Array.from({ length: 5 }, () => visitPage(panel.socketPath, big)));
      if (!pages.every(showsBigZone)) throw new Error("the big zone's page did not render its records");
      await settle();
      const after = daemon.rssMb();
      const row = (what: string, mb: number) => [
        what,
        mb.toFixed(1),
        `≤ ${RSS_TARGET_MB}`,
        mb <= RSS_TARGET_MB ? "met" : `${(mb - RSS_TARGET_MB).toFixed(1)} over`,
      ];
      return [row("idle, 3 s after start", idle), row("after 5 views of the 50,000-record zone, 3 s later", after)];
    } finally {
      await daemon.stop();
    }
  } finally {
    await panel.close();
  }
}
