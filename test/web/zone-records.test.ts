import { renameSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZoneRecordsCache, type ZoneRecordsLimits } from "../../src/web/records/zone-records.js";
import type { Pacing } from "../../src/util/slices.js";
import { seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { bigZone, gatedPacing, leaveAlone } from "./zone-support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const LIMITS: ZoneRecordsLimits = { maxZoneBytes: 1024 * 1024, cacheBytes: 1024 * 1024 };
const cacheWith = (limits: Partial<ZoneRecordsLimits> = {}, pacing?: Pacing) =>
  new ZoneRecordsCache(h.services.panel, h.services.tasks.zones, { ...LIMITS, ...limits }, h.clock, { pacing });
const zoneFile = (domain: string) => h.da.layout.zoneFile(domain);
const names = async (cache: ZoneRecordsCache, domain: string) => {
  const zone = await cache.records(domain);
  if (zone.kind !== "records") throw new Error(`no records: ${zone.kind}`);
  return zone.records.slice(0, zone.records.length).map((record) => record.name);
};

describe("the parsed zones of the domain pages", () => {
  it("parses a zone once while its file stays the same, and again when the file changes (in place or replaced)", async () => {
    writeFileSync(zoneFile("alice.test"), bigZone("alice.test", 10));
    leaveAlone(zoneFile("alice.test"));
    const cache = cacheWith();
    expect(await names(cache, "alice.test")).toContain("h9");
    expect(await names(cache, "alice.test")).toContain("h9");
    expect(cache.counts).toEqual({ parses: 1, hits: 1 });

    // Rewritten in place with the same size (h9 → x9): another modification time.
    writeFileSync(zoneFile("alice.test"), bigZone("alice.test", 10).replace("h9 ", "x9 "));
    leaveAlone(zoneFile("alice.test"), 3_600);
    expect(await names(cache, "alice.test")).toContain("x9");
    expect(cache.counts).toEqual({ parses: 2, hits: 1 });

    // Replaced by a new file, as the panels write zones (another inode).
    writeFileSync(`${zoneFile("alice.test")}.new`, bigZone("alice.test", 12));
    leaveAlone(`${zoneFile("alice.test")}.new`);
    renameSync(`${zoneFile("alice.test")}.new`, zoneFile("alice.test"));
    expect(await names(cache, "alice.test")).toContain("h11");
    expect(await names(cache, "alice.test")).toContain("h11");
    expect(cache.counts).toEqual({ parses: 3, hits: 2 });
  });

  it("works the states out again when a sync changes the rows the plugin holds at WEDOS", async () => {
    writeFileSync(zoneFile("alice.test"), bigZone("alice.test", 3));
    leaveAlone(zoneFile("alice.test"));
    const cache = cacheWith();
    const stateOf = async (name: string) => {
      const zone = await cache.records("alice.test");
      return zone.kind === "records" ? zone.records.filter((record) => record.name === name)[0]?.state : zone.kind;
    };
    expect(await stateOf("h1")).toBe("pending");
    h.services.tasks.zones.rememberZone("alice.test", "primary", true, h.clock.now());
    h.services.tasks.zones.replaceManagedRows(
      "alice.test",
      [{ rowId: "1", name: "h1", type: "A", ttl: 3600, rdata: "192.0.0.1", origin: "created" }],
      h.clock.now(),
    );
    expect(await stateOf("h1")).toBe("in-sync");
    expect(cache.counts).toEqual({ parses: 2, hits: 0 });
  });

  it("does not keep a zone whose file changed moments ago: a same-size write in the same tick could hide behind its version", async () => {
    writeFileSync(zoneFile("alice.test"), bigZone("alice.test", 3));
    const cache = cacheWith();
    await cache.records("alice.test");
    await cache.records("alice.test");
    expect(cache.counts).toEqual({ parses: 2, hits: 0 });
    leaveAlone(zoneFile("alice.test"));
    await cache.records("alice.test");
    await cache.records("alice.test");
    expect(cache.counts).toEqual({ parses: 3, hits: 1 });
  });

  it("answers every view that arrives during a parse from that one parse", async () => {
    writeFileSync(zoneFile("alice.test"), bigZone("alice.test", 2_000));
    leaveAlone(zoneFile("alice.test"));
    const gate = gatedPacing();
    const cache = cacheWith({}, gate.pacing);
    const views = [cache.records("alice.test")];
    await gate.paused;
    views.push(cache.records("alice.test"), cache.records("alice.test"));
    gate.release();
    const answers = await Promise.all(views);
    expect(answers.map((answer) => (answer.kind === "records" ? answer.records.length : answer.kind))).toEqual([
      2_006, 2_006, 2_006,
    ]);
    expect(cache.counts.parses).toBe(1);
  });

  it("reads no zone larger than the limit, and keeps zones up to the byte bound, least recently viewed dropped first", async () => {
    for (const domain of ["alice.test", "bob.test", "carol.test"]) {
      writeFileSync(zoneFile(domain), bigZone(domain, 100));
      leaveAlone(zoneFile(domain));
    }
    const size = (domain: string) => bigZone(domain, 100).length;
    const bob = size("bob.test");
    expect(await cacheWith({ maxZoneBytes: bob - 1 }).records("bob.test")).toEqual({
      kind: "too-big",
      path: zoneFile("bob.test"),
      size: bob,
      limit: bob - 1,
    });

    // Room for alice's and carol's zones (the two larger), not for all three.
    const cache = cacheWith({ cacheBytes: size("alice.test") + size("carol.test") });
    for (const domain of ["alice.test", "bob.test", "alice.test", "carol.test"]) await cache.records(domain);
    expect(cache.counts).toEqual({ parses: 3, hits: 1 });
    expect(cache.size).toBe(2);
    await cache.records("alice.test");
    await cache.records("bob.test");
    expect(cache.counts).toEqual({ parses: 4, hits: 2 });
  });

  it("drops a zone nobody viewed for ten minutes", async () => {
    writeFileSync(zoneFile("alice.test"), bigZone("alice.test", 3));
    leaveAlone(zoneFile("alice.test"));
    const cache = cacheWith();
    await cache.records("alice.test");
    h.clock.advance(9 * 60_000);
    await cache.records("alice.test");
    h.clock.advance(10 * 60_000 + 1);
    await cache.records("alice.test");
    expect(cache.counts).toEqual({ parses: 2, hits: 1 });
  });

  it("says when a domain has no zone file", async () => {
    expect(await cacheWith().records("nozone.test")).toEqual({ kind: "no-file" });
  });
});
