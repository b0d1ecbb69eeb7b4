import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WapiResultError } from "../../src/wapi/errors.js";
import { startWedosHarness, type WedosHarness } from "../support/wedos-harness.js";

let h: WedosHarness;
beforeEach(async () => {
  h = await startWedosHarness();
});
afterEach(async () => {
  await h.close();
});

async function rejection(promise: Promise<unknown>): Promise<WapiResultError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WapiResultError)) throw new Error(`expected a WapiResultError, got ${String(error)}`);
  return error;
}

// Client ⟷ simulator round trips: every DNS command once as it should work and once refused.
describe("WDNS commands against the simulator", () => {
  it("dns-domain-add, dns-domains-list and dns-domain-info", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" });
    await h.wapi.dns.domainAdd({ name: "backup.test", type: "secondary", primaryIp: "192.0.2.53" });
    await h.wapi.dns.domainAdd({ name: "xfr.test", axfrIps: ["192.0.2.1", "2001:db8::1"] });
    const zones = await h.wapi.dns.domainsList();
    expect(zones.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "backup.test", type: "secondary", status: "active" },
      { name: "example.test", type: "primary", status: "active" },
      { name: "xfr.test", type: "primary", status: "active" },
    ]);
    const info = await h.wapi.dns.domainInfo("xfr.test");
    expect(info).toMatchObject({
      name: "xfr.test",
      type: "primary",
      axfrEnabled: true,
      axfrIps: ["192.0.2.1", "2001:db8::1"],
      changed: false,
    });
    expect(info.nameservers).toEqual(["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"]);
    expect(info.soa).toEqual({ refresh: 3600, retry: 1800, expire: 2592000, minimum: 3600 });
  });

  it("refuses a zone that exists (3303) and one that is unknown (3222)", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" });
    expect((await rejection(h.wapi.dns.domainAdd({ name: "example.test" }))).message).toBe(
      'WAPI dns-domain-add: WEDOS refused the request (code 3303 "Domain exists"); the object\'s current state at WEDOS does not allow this; re-read it and check the WEDOS administration',
    );
    expect((await rejection(h.wapi.dns.domainInfo("missing.test"))).wapiCode).toBe(3222);
  });

  it("dns-row-add, dns-rows-list, dns-row-detail, dns-row-update, dns-row-delete", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" });
    const dkim = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+x/y=z&w%";
    await h.wapi.dns.rowAdd({ domain: "example.test", name: "", ttl: 3600, type: "A", rdata: "192.0.2.10" });
    await h.wapi.dns.rowAdd({
      domain: "example.test",
      name: "mail._domainkey",
      ttl: 300,
      type: "TXT",
      rdata: dkim,
      comment: "wedos-panel",
    });
    const rows = await h.wapi.dns.rowsList("example.test");
    expect(rows.map(({ name, type, ttl, rdata }) => ({ name, type, ttl, rdata }))).toEqual([
      { name: "", type: "A", ttl: 3600, rdata: "192.0.2.10" },
      { name: "mail._domainkey", type: "TXT", ttl: 300, rdata: dkim },
    ]);
    const txt = rows.find((row) => row.type === "TXT");
    expect(txt?.comment).toBe("wedos-panel");
    expect(typeof txt?.id).toBe("string");

    const apex = rows.find((row) => row.type === "A");
    if (apex === undefined) throw new Error("apex row missing");
    expect(await h.wapi.dns.rowDetail("example.test", apex.id)).toMatchObject({
      id: apex.id,
      name: "",
      rdata: "192.0.2.10",
    });
    await h.wapi.dns.rowUpdate({ domain: "example.test", rowId: apex.id, ttl: 600, rdata: "192.0.2.11" });
    expect((await h.wapi.dns.rowsList("example.test")).find((row) => row.id === apex.id)).toMatchObject({
      ttl: 600,
      rdata: "192.0.2.11",
    });
    await h.wapi.dns.rowDelete({ domain: "example.test", rowId: apex.id });
    expect((await h.wapi.dns.rowsList("example.test")).map((row) => row.id)).toEqual([txt?.id]);
  });

  it("refuses a duplicate row (2316) and an unknown row id (3309)", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" });
    const row = { domain: "example.test", name: "www", ttl: 300, type: "A", rdata: "192.0.2.1" };
    await h.wapi.dns.rowAdd(row);
    expect((await rejection(h.wapi.dns.rowAdd(row))).message).toBe(
      'WAPI dns-row-add: WEDOS refused the request (code 2316 "This record already exists"); the record already exists at WEDOS; re-read the zone before adding',
    );
    expect(
      (await rejection(h.wapi.dns.rowUpdate({ domain: "example.test", rowId: "999999", ttl: 300, rdata: "192.0.2.2" })))
        .wapiCode,
    ).toBe(3309);
    expect((await rejection(h.wapi.dns.rowDelete({ domain: "example.test", rowId: "999999" }))).wapiCode).toBe(3309);
    expect((await rejection(h.wapi.dns.rowDetail("example.test", "999999"))).wapiCode).toBe(3309);
  });

  it("dns-domain-commit publishes what dns-rows-list already showed", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" });
    await h.wapi.dns.rowAdd({ domain: "example.test", name: "www", ttl: 300, type: "A", rdata: "192.0.2.1" });
    const published = () =>
      [...h.sim.simulator.publishedZones()].find((zone) => zone.name === "example.test")?.rows ?? [];
    expect(published()).toEqual([]);
    expect((await h.wapi.dns.domainInfo("example.test")).changed).toBe(true);
    await h.wapi.dns.domainCommit("example.test");
    expect(published()).toEqual([{ name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" }]);
    expect((await rejection(h.wapi.dns.domainCommit("missing.test"))).wapiCode).toBe(3222);
  });

  it("dns-domain-axfr-run works on secondary zones only (2319)", async () => {
    await h.wapi.dns.domainAdd({ name: "backup.test", type: "secondary", primaryIp: "192.0.2.53" });
    await h.wapi.dns.domainAdd({ name: "example.test" });
    expect((await h.wapi.dns.domainAxfrRun("backup.test")).nextRun).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await rejection(h.wapi.dns.domainAxfrRun("example.test"))).wapiCode).toBe(2319);
    expect((await rejection(h.wapi.dns.rowsList("backup.test"))).wapiCode).toBe(2318);
  });

  it("dns-domain-delete removes the zone", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" });
    await h.wapi.dns.domainDelete("example.test");
    expect(await h.wapi.dns.domainsList()).toEqual([]);
    expect((await rejection(h.wapi.dns.domainDelete("example.test"))).wapiCode).toBe(3222);
  });

  it("test mode validates without changing anything", async () => {
    await h.wapi.dns.domainAdd({ name: "example.test" }, { test: true });
    expect(await h.wapi.dns.domainsList()).toEqual([]);
  });
});
