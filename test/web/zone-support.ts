import { utimesSync } from "node:fs";
import type { Pacing } from "../../src/util/slices.js";

/** A zone with an SOA, an NS with its address, and `hosts` A records `h0`… (names of one width per digit count). */
export function bigZone(domain: string, hosts: number): string {
  const lines = [
    "$TTL 3600",
    `@ IN SOA ns1.${domain}. hostmaster.${domain}. 1 3600 600 86400 300`,
    `@ IN NS ns1.${domain}.`,
    "ns1 IN A 192.0.2.1",
  ];
  for (let i = 0; i < hosts; i++) lines.push(`h${i} IN A 192.0.${(i >> 8) & 255}.${i & 255}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Dates the file's modification `secondsAgo` into the past, as a zone nobody has touched for a while: the pages keep
 * only a zone whose file has settled (docs/decisions/0018).
 */
export function leaveAlone(file: string, secondsAgo = 7_200): void {
  const then = Date.now() / 1000 - secondsAgo;
  utimesSync(file, then, then);
}

/**
 * Pacing for a parse the test holds: every check of the slice's time uses it up, the first pause resolves `paused`
 * and waits for `release()`; after that each pause lets the event loop run once.
 */
export function gatedPacing(): { pacing: Pacing; paused: Promise<void>; release: () => void; pauses: () => number } {
  let tick = 0;
  let pauses = 0;
  let onPaused!: () => void;
  let onRelease!: () => void;
  const paused = new Promise<void>((resolve) => (onPaused = resolve));
  const released = new Promise<void>((resolve) => (onRelease = resolve));
  const pacing: Pacing = {
    now: () => tick++,
    sliceMs: 1,
    pause: async () => {
      pauses += 1;
      onPaused();
      await released;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return { pacing, paused, release: () => onRelease(), pauses: () => pauses };
}
