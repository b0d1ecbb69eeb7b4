import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectCode, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness({ domainLimit: 3 });
});
afterEach(() => harness.close());

describe("dns-domain-add", () => {
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ["a primary zone (type defaults to primary)", { name: "example.test" }, 1000],
    ["an upper-case name", { name: "Example.TEST" }, 1000],
    ["a secondary zone", { name: "example.test", type: "secondary", primary_ip: "192.0.2.53" }, 1000],
    ["outgoing AXFR", { name: "example.test", axfr_enabled: 1, axfr_ips: ["192.0.2.1", "2001:db8::53"] }, 1000],
    [
      "outgoing AXFR, XML-style list",
      { name: "example.test", axfr_enabled: "1", axfr_ips: { ip: ["192.0.2.1"] } },
      1000,
    ],
    ["no name", {}, 2100],
    ["a name with a trailing dot", { name: "example.test." }, 2202],
    ["a single label", { name: "localhost" }, 2202],
    ["an underscore in the name", { name: "bad_name.test" }, 2202],
    ["an unknown type", { name: "example.test", type: "slave" }, 2301],
    ["a secondary zone without primary_ip", { name: "example.test", type: "secondary" }, 2302],
    ["a primary_ip that is IPv6", { name: "example.test", type: "secondary", primary_ip: "2001:db8::1" }, 2303],
    [
      "a primary_ip that is not an address",
      { name: "example.test", type: "secondary", primary_ip: "ns.example" },
      2303,
    ],
    ["axfr_enabled 2", { name: "example.test", axfr_enabled: 2 }, 2304],
    ["axfr_enabled without axfr_ips", { name: "example.test", axfr_enabled: 1 }, 2305],
    ["an invalid axfr_ips entry", { name: "example.test", axfr_enabled: 1, axfr_ips: ["192.0.2.1", "nope"] }, 2306],
  ];

  it.each(cases)("%s → %i", async (_label, data, code) => {
    expect((await harness.call("dns-domain-add", data)).response.code).toBe(code);
  });

  it("answers 3303 for an existing zone and 2322 beyond the zone limit", async () => {
    await expectCode(harness.call("dns-domain-add", { name: "a.test" }), 1000);
    expect((await harness.call("dns-domain-add", { name: "A.test" })).response.code).toBe(3303);
    await expectCode(harness.call("dns-domain-add", { name: "b.test" }), 1000);
    await expectCode(harness.call("dns-domain-add", { name: "c.test" }), 1000);
    expect((await harness.call("dns-domain-add", { name: "d.test" })).response.code).toBe(2322);
  });

  it("keeps outgoing-AXFR addresses within 255 characters by dropping whole entries", async () => {
    const ips = Array.from({ length: 30 }, (_, i) => `2001:db8::${(i + 1).toString(16)}`);
    await expectCode(harness.call("dns-domain-add", { name: "example.test", axfr_enabled: 1, axfr_ips: ips }), 1000);
    const info = await harness.call("dns-domain-info", { name: "example.test" });
    const stored = (info.response["data"] as { domain: { axfr_ips: string[] } }).domain.axfr_ips;
    expect(stored.join(",").length).toBeLessThanOrEqual(255);
    expect(stored).toEqual(ips.slice(0, stored.length));
    expect(stored.length).toBeGreaterThan(10);
  });
});

describe("dns-domains-list and dns-domain-info", () => {
  it("lists zones with name, type and status", async () => {
    await expectCode(harness.call("dns-domain-add", { name: "b.test" }), 1000);
    await expectCode(
      harness.call("dns-domain-add", { name: "a.test", type: "secondary", primary_ip: "192.0.2.53" }),
      1000,
    );
    const answer = await harness.call("dns-domains-list");
    expect(answer.response["data"]).toEqual({
      domain: [
        { name: "a.test", type: "secondary", status: "active" },
        { name: "b.test", type: "primary", status: "active" },
      ],
    });
  });

  it("returns the KB fields in order, numbers as strings, ns and axfr_ips as arrays", async () => {
    await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
    await expectCode(
      harness.call("dns-row-add", { domain: "example.test", name: "", ttl: 3600, type: "A", rdata: "192.0.2.1" }),
      1000,
    );
    const domain = (await harness.call("dns-domain-info", { name: "example.test" })).response["data"] as {
      domain: Record<string, unknown>;
    };
    expect(Object.keys(domain.domain)).toEqual([
      "name",
      "status",
      "type",
      "tlock",
      "autocommit",
      "axfr_enabled",
      "axfr_ips",
      "changed",
      "changed_date",
      "commit_date",
      "reload_pending",
      "reload_pending_date",
      "reload_date",
      "disabled_date",
      "enabled_date",
      "add_date",
      "rname",
      "serial",
      "refresh",
      "retry",
      "expire",
      "minimum",
      "rr_cnt",
      "ns_out",
      "ns",
    ]);
    expect(domain.domain).toMatchObject({
      name: "example.test",
      status: "active",
      type: "primary",
      axfr_enabled: "0",
      axfr_ips: [],
      changed: "1",
      changed_date: "2026-01-15 11:30:00",
      add_date: "2026-01-15 11:30:00",
      rname: "wedos.wedos.com",
      serial: "2026011501",
      refresh: "3600",
      retry: "1800",
      expire: "2592000",
      minimum: "3600",
      rr_cnt: "1",
      ns: ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"],
    });
  });

  it("answers 3222 for a zone not in the account", async () => {
    expect((await harness.call("dns-domain-info", { name: "missing.test" })).response.code).toBe(3222);
  });
});

describe("dns-domain-delete", () => {
  it("removes the zone and its published view", async () => {
    await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
    await expectCode(harness.call("dns-domain-delete", { name: "example.test" }), 1000);
    expect((await harness.call("dns-domain-info", { name: "example.test" })).response.code).toBe(3222);
    expect(harness.running.simulator.publishedZones()).toEqual([]);
    expect((await harness.call("dns-domain-delete", { name: "example.test" })).response.code).toBe(3222);
  });
});

describe("dns-domain-axfr-run", () => {
  it("schedules a transfer for a secondary zone a few minutes ahead", async () => {
    await expectCode(
      harness.call("dns-domain-add", { name: "second.test", type: "secondary", primary_ip: "192.0.2.53" }),
      1000,
    );
    const answer = await harness.call("dns-domain-axfr-run", { name: "second.test" });
    expect(answer.response.code).toBe(1000);
    expect(answer.response["data"]).toEqual({ next_run: "2026-01-15 11:33:00" });
  });

  it("answers 2319 for a primary zone", async () => {
    await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
    expect((await harness.call("dns-domain-axfr-run", { name: "example.test" })).response.code).toBe(2319);
  });

  it("serves content set by the control method for a secondary zone", async () => {
    await expectCode(
      harness.call("dns-domain-add", { name: "second.test", type: "secondary", primary_ip: "192.0.2.53" }),
      1000,
    );
    const before = harness.running.simulator.publishedZones()[0];
    expect(before?.rows).toEqual([]);
    harness.running.simulator.setSecondaryContent("second.test", [
      { name: "www", type: "A", ttl: 600, rdata: "192.0.2.80" },
    ]);
    const after = harness.running.simulator.publishedZones()[0];
    expect(after?.rows).toEqual([{ name: "www", type: "A", ttl: 600, rdata: "192.0.2.80" }]);
    expect(after?.serial).toBeGreaterThan(before?.serial ?? 0);
  });
});
