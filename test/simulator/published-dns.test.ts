/**
 * End to end: rows written through WAPI become DNS answers from the simulator's DNS server only once committed
 * (by `dns-domain-commit` or the autocommit), which is what a panel checking "is my change live?" relies on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServer } from "../../src/simulator/dns/index.js";
import { query, rcodeOf, udpExchange } from "./dns/dns-client.js";
import { expectCode, startHarness, type Harness } from "./wapi-test-client.js";

let harness: Harness;
let dns: DnsServer;
beforeEach(async () => {
  harness = await startHarness();
  dns = await startDnsServer({ port: 0, source: harness.running.simulator });
  await expectCode(harness.call("dns-domain-add", { name: "example.test" }), 1000);
});
afterEach(async () => {
  await dns.close();
  await harness.close();
});

const ROWS = [
  { name: "", type: "A", rdata: "192.0.2.1" },
  { name: "", type: "MX", rdata: "10 mail.example.test" },
  { name: "", type: "CAA", rdata: '0 issue "letsencrypt.org"' },
  { name: "", type: "TXT", rdata: `v=DKIM1; p=${"Q".repeat(400)}` },
  { name: "v6", type: "AAAA", rdata: "2001:db8::1" },
  { name: "www", type: "CNAME", rdata: "example.test" },
  { name: "sub", type: "NS", rdata: "ns1.example.net" },
  { name: "_sip._tcp", type: "SRV", rdata: "10 5 5060 sip.example.test" },
  { name: "host", type: "SSHFP", rdata: `4 2 ${"ab".repeat(32)}` },
  { name: "_443._tcp", type: "TLSA", rdata: `3 1 1 ${"cd".repeat(32)}` },
  { name: "*.wild", type: "A", rdata: "192.0.2.9" },
];

describe("published zones through the DNS server", () => {
  it("answers only committed data, for every record type WAPI accepts", async () => {
    for (const row of ROWS) {
      await expectCode(harness.call("dns-row-add", { domain: "example.test", ttl: 3600, ...row }), 1000);
    }
    const before = await udpExchange(dns.port, query("example.test", "A"));
    expect(before.answers).toEqual([]);
    expect(before.authorities).toMatchObject([{ type: "SOA", data: { serial: 2026011501, rname: "wedos.wedos.com" } }]);

    await expectCode(harness.call("dns-domain-commit", { name: "example.test" }), 1000);
    const apex = await udpExchange(dns.port, query("example.test", "A"));
    expect(apex.answers).toMatchObject([{ name: "example.test", type: "A", ttl: 3600, data: "192.0.2.1" }]);
    for (const [name, type] of [
      ["example.test", "MX"],
      ["example.test", "CAA"],
      ["example.test", "TXT"],
      ["v6.example.test", "AAAA"],
      ["www.example.test", "CNAME"],
      ["_sip._tcp.example.test", "SRV"],
      ["host.example.test", "SSHFP"],
      ["_443._tcp.example.test", "TLSA"],
      ["x.wild.example.test", "A"],
    ] as const) {
      const reply = await udpExchange(dns.port, query(name, type));
      expect([name, type, rcodeOf(reply), reply.answers?.length]).toEqual([name, type, "NOERROR", 1]);
    }
    const ns = await udpExchange(dns.port, query("example.test", "NS"));
    expect(ns.answers?.map((answer) => (answer.type === "NS" ? answer.data : answer.type))).toEqual([
      "ns.wedos.net",
      "ns.wedos.cz",
      "ns.wedos.eu",
      "ns.wedos.com",
    ]);
  });

  it("answers a change after the 5-minute autocommit", async () => {
    await expectCode(
      harness.call("dns-row-add", { domain: "example.test", name: "late", ttl: 600, type: "A", rdata: "192.0.2.5" }),
      1000,
    );
    expect(rcodeOf(await udpExchange(dns.port, query("late.example.test", "A")))).toBe("NXDOMAIN");
    harness.clock.advance(5 * 60_000);
    const reply = await udpExchange(dns.port, query("late.example.test", "A"));
    expect(reply.answers).toMatchObject([{ data: "192.0.2.5", ttl: 600 }]);
  });
});
