import { describe, expect, it } from "vitest";
import { parseZoneFile, parseZoneFileSteps } from "../../src/dns/index.js";
import { auditRecords, auditRecordsSteps } from "../../src/sync/audit.js";
import { runInSlices, type Pacing } from "../../src/util/slices.js";

const zoneOf = (hosts: number) =>
  [
    "$TTL 3600",
    "@ IN SOA ns1 hostmaster 1 3600 600 86400 300",
    "@ IN NS ns1",
    "ns1 IN A 192.0.2.1",
    ...Array.from({ length: hosts }, (_, i) => `h${i} IN A 192.0.2.${i % 250}`),
  ].join("\n");

/** A clock that moves one "ms" per reading, so every check of the slice's time sees it used up after `sliceMs`. */
function countingPacing(sliceMs: number, events: string[]): Pacing {
  let tick = 0;
  return { now: () => tick++, sliceMs, pause: async () => void events.push("pause") };
}

describe("work in slices", () => {
  it("gives the same zone and audit as the work in one go, pausing many times along a big zone", async () => {
    const text = zoneOf(3000);
    const events: string[] = [];
    const sliced = await runInSlices(parseZoneFileSteps(text, { origin: "big.test" }), countingPacing(1, events));
    expect(sliced).toEqual(parseZoneFile(text, { origin: "big.test" }));
    const pausesInParse = events.length;
    // Lines, the loader, the zone checks: each yields every few dozen units, so 3,000 records pause far more than 3 times.
    expect(pausesInParse).toBeGreaterThan(100);
    expect(await runInSlices(auditRecordsSteps(sliced.records, "big.test"), countingPacing(1, events))).toEqual(
      auditRecords(sliced.records, "big.test"),
    );
    expect(events.length).toBeGreaterThan(pausesInParse + 50);
  });

  it("lets other work run at each pause: a task queued meanwhile finishes before the big zone does", async () => {
    const order: string[] = [];
    let tick = 0;
    const pacing: Pacing = {
      now: () => tick++,
      sliceMs: 1,
      pause: () => new Promise((resolve) => setImmediate(resolve)),
    };
    const big = runInSlices(parseZoneFileSteps(zoneOf(2000), { origin: "big.test" }), pacing).then(() =>
      order.push("big zone"),
    );
    // Another request arriving: it is I/O, answered from the event loop, not a microtask.
    const small = new Promise((resolve) => setImmediate(resolve)).then(() => order.push("other page"));
    await Promise.all([big, small]);
    expect(order).toEqual(["other page", "big zone"]);
  });

  it("does not pause while the slice's time lasts", async () => {
    const events: string[] = [];
    await runInSlices(parseZoneFileSteps(zoneOf(2000), { origin: "big.test" }), {
      now: () => 0,
      sliceMs: 4,
      pause: async () => void events.push("pause"),
    });
    expect(events).toEqual([]);
  });
});
