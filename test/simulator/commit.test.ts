import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCode, rowsOf, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
  await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
});
afterEach(() => harness.close());

const published = () => harness.running.simulator.publishedZones().find((zone) => zone.name === "example.test");
const addA = (name: string, rdata: string) =>
  expectCode(harness.call("dns-row-add", { domain: "example.test", name, ttl: 3600, type: "A", rdata }), 1000);

describe("uncommitted and published state", () => {
  it("publishes a new zone at once, empty, with WEDOS's SOA and apex NS", () => {
    expect(published()).toEqual({
      name: "example.test",
      serial: 2026011501,
      rname: "wedos.wedos.com",
      mname: "ns.wedos.net",
      refresh: 3600,
      retry: 1800,
      expire: 2_592_000,
      minimum: 3600,
      nameservers: ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"],
      rows: [],
    });
  });

  it("shows uncommitted rows in dns-rows-list but not in the published view until commit", async () => {
    await addA("www", "192.0.2.1");
    expect(rowsOf(await harness.call("dns-rows-list", { domain: "example.test" }))).toHaveLength(1);
    expect(published()?.rows).toEqual([]);
    await expectCode(harness.call("dns-domain-commit", { name: "example.test" }), 1000);
    expect(published()?.rows).toEqual([{ name: "www", type: "A", ttl: 3600, rdata: "192.0.2.1" }]);
    expect(published()?.serial).toBe(2026011502);
  });

  it("answers 1000 to an empty commit without bumping the serial", async () => {
    await expectCode(harness.call("dns-domain-commit", { name: "example.test" }), 1000);
    expect(published()?.serial).toBe(2026011501);
  });

  it("autocommits 5 minutes after the last change, measured on the injected clock", async () => {
    await addA("a", "192.0.2.1");
    harness.clock.advance(4 * 60_000);
    await addA("b", "192.0.2.2"); // restarts the 5 minutes
    harness.clock.advance(4 * 60_000);
    expect(published()?.rows).toEqual([]);
    harness.clock.advance(60_000 - 1);
    expect(published()?.rows).toEqual([]);
    harness.clock.advance(1);
    expect(published()?.rows.map((row) => row.name)).toEqual(["a", "b"]);
    expect(published()?.serial).toBe(2026011502);
    const info = await harness.call("dns-domain-info", { name: "example.test" });
    expect(info.response["data"]).toMatchObject({ domain: { changed: "0", commit_date: "2026-01-15 11:39:00" } });
  });

  it("publishes deletions and updates too, with a new date-based serial on a later day", async () => {
    await addA("www", "192.0.2.1");
    await expectCode(harness.call("dns-domain-commit", { name: "example.test" }), 1000);
    harness.clock.set("2026-01-16T09:00:00Z");
    const id = rowsOf(await harness.call("dns-rows-list", { domain: "example.test" }))[0]?.["ID"];
    await expectCode(
      harness.call("dns-row-update", { domain: "example.test", row_id: id, ttl: 600, rdata: "192.0.2.9" }),
      1000,
    );
    expect(published()?.rows[0]?.rdata).toBe("192.0.2.1");
    await expectCode(harness.call("dns-domain-commit", { name: "example.test" }), 1000);
    expect(published()).toMatchObject({ serial: 2026011601, rows: [{ name: "www", ttl: 600, rdata: "192.0.2.9" }] });
    await expectCode(harness.call("dns-row-delete", { domain: "example.test", row_id: id }), 1000);
    harness.clock.advance(5 * 60_000);
    expect(published()).toMatchObject({ serial: 2026011602, rows: [] });
  });

  it("shows working and published rows side by side in the dump", async () => {
    await addA("www", "192.0.2.1");
    const zone = harness.running.simulator.dump().zones[0];
    expect(zone).toMatchObject({ changed: true, autocommitAt: "2026-01-15T10:35:00.000Z", published: [] });
    expect(zone?.rows.map((row) => row.name)).toEqual(["www"]);
  });
});
