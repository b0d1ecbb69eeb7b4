import { utimesSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { seedAccounts } from "../emulators/directadmin/index.js";
import { percentile, startPageDaemon, type PageDaemon } from "./page-daemon.js";

const BIG_RECORDS = 50_000;

/** A zone of `records` records of the common kinds (A, TXT, CNAME, MX), about 2 MB for 50,000. */
export function bigZoneText(domain: string, records: number): string {
  const lines = ["$TTL 3600", `@ IN SOA ns1.${domain}. hostmaster.${domain}. 1 3600 600 86400 300`, `@ IN NS ns1.${domain}.`, "ns1 IN A 192.0.2.1"];
  for (let i = 0; i < records; i++) {
    const kind = i % 4;
    if (kind === 0) lines.push(`host${i} IN A 192.0.${(i >> 8) & 255}.${i & 255}`);
    else if (kind === 1) lines.push(`txt${i} IN TXT "v=spf1 include:_spf.example.net ~all ${i}"`);
    else if (kind === 2) lines.push(`alias${i} IN CNAME host${i - 2}.${domain}.`);
    else lines.push(`mx${i} IN MX 10 host${i - 3}.${domain}.`);
  }
  return `${lines.join("\n")}\n`;
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
 * Issue 11 §5: the page of a 50,000-record zone, and another customer's domain page alone and while five views of
 * the big zone run at once, the zone just changed (so the five wait for one parse, in slices). Rounds of each are
 * interleaved, so the machine's noise falls on both alike.
 */
export async function benchBigZonePages(rounds = 5, perRound = 40): Promise<string[][]> {
  const bigDomain = "acct00001.test";
  const daemon = await startPageDaemon((layout, now) => {
    const accounts = seedAccounts(layout, 2, { now });
    writeFileSync(layout.zoneFile(bigDomain), bigZoneText(bigDomain, BIG_RECORDS));
    return accounts;
  });
  const zoneFile = daemon.layout.zoneFile(bigDomain);
  touchZone(daemon.layout.zoneFile("acct00002.test"), 3600);
  try {
    const big = daemon.visitFields("user00001", `p=/domains/${bigDomain}&page=7`);
    const other = daemon.visitFields("user00002", "p=/domains/acct00002.test");
    if (!(await daemon.visit(other)).includes("acct00002.test")) throw new Error("the other customer's page did not render");
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
    if (!html.includes(`of ${BIG_RECORDS + 3}`)) throw new Error("the big zone's page did not render its records");
    const warm = await timed(daemon, big, rounds * perRound);
    for (const list of [alone, loaded, cold, warm]) list.sort((a, b) => a - b);
    const row = (what: string, list: number[], target = "", note = "") => [what, percentile(list, 0.5).toFixed(1), percentile(list, 0.95).toFixed(1), target, note];
    const { parses } = daemon.web.zoneRecords.counts;
    return [
      row("50,000-record zone just changed: 5 views at once", cold, "", `${parses - 1} parse(s) for ${cold.length} views; ${(html.length / 1000).toFixed(0)} kB of HTML`),
      row("50,000-record zone, unchanged: a page of 100", warm),
      row("another customer's domain page, alone", alone),
      row("the same, while the 5 views run", loaded, "+5", `+${(percentile(loaded, 0.95) - percentile(alone, 0.95)).toFixed(1)} ms at p95 (${loaded.length} requests)`),
    ];
  } finally {
    await daemon.close();
  }
}
