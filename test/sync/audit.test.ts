import { describe, expect, it } from "vitest";
import { parseZoneFile, wedosRowToRecord, type DnsRecord } from "../../src/dns/index.js";
import { auditRecords } from "../../src/sync/audit.js";
import { AUDIT_RULES } from "../../src/sync/audit-rules.js";

const ZONE = "example.test";
const row = (name: string, type: string, ttl: number, rdata: string): DnsRecord => wedosRowToRecord({ name, type, ttl, rdata }, ZONE);
const fromZoneFile = (line: string): DnsRecord[] =>
  parseZoneFile(`$TTL 3600\n@ SOA ns1.example.net. h.example.net. 1 3600 900 1209600 300\n@ NS ns1.example.net.\n${line}\n`, { origin: ZONE }).records.filter((r) => r.type !== "SOA" && r.type !== "NS");

// One case per rule of the capability audit (src/sync/audit-rules.ts), plus the set-level TTL rule.
describe("capability audit", () => {
  it.each<[string, DnsRecord[], string[]]>([
    ["SOA", parseZoneFile("@ 300 SOA ns1.example.net. h.example.net. 1 3600 900 1209600 300\n@ 300 NS ns1.example.net.\n", { origin: ZONE }).records.filter((r) => r.type === "SOA"), ["soa skipped @"]],
    ["apex NS", [{ ...row("sub", "NS", 300, "ns1.example.net"), name: ZONE }], ["apex-ns skipped @"]],
    ["DS (DNSSEC)", fromZoneFile("sub 300 DS 12345 13 2 3DE4B5D1A5E1D1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A\nsub 300 NS ns1.example.net."), ["dnssec skipped sub"]],
    ["HTTPS (unverified type)", fromZoneFile('@ 300 HTTPS 1 . alpn="h2"'), ["unsupported-type skipped @"]],
    ["SPF", fromZoneFile('@ 300 SPF "v=spf1 -all"'), ["spf-type skipped @"]],
    ["apex CNAME", [{ ...row("x", "CNAME", 300, "target.example.org"), name: ZONE }], ["apex-cname skipped @"]],
    ["CNAME beside other data", [row("www", "CNAME", 300, "target.example.org"), row("www", "TXT", 300, "hello")], ["cname-beside-data skipped www"]],
    ["a wildcard that is not the leftmost label", [{ ...row("x", "A", 300, "192.0.2.1"), name: `a.*.${ZONE}` }], ["wildcard-form skipped a.*"]],
    ["a name outside the zone", [{ ...row("x", "A", 300, "192.0.2.1"), name: "other.example" }], ["outside-zone skipped other.example"]],
    ["TTL below 300", [row("www", "A", 60, "192.0.2.1")], ["ttl-too-low adjusted www"]],
    ["TTL above 172800", [row("www", "A", 604800, "192.0.2.1")], ["ttl-too-high adjusted www"]],
    ["mixed TTLs in one set", [row("www", "A", 600, "192.0.2.1"), row("www", "A", 900, "192.0.2.2")], ["mixed-ttl adjusted www"]],
  ])("%s", (_case, records, expected) => {
    const { findings } = auditRecords(records, ZONE);
    expect(findings.map((f) => `${f.rule} ${f.outcome} ${f.name}`)).toEqual(expected);
    for (const finding of findings) expect(finding.reason.length).toBeGreaterThan(20);
  });

  it("clamps TTLs into 300–172800 and unifies a set on its lowest TTL", () => {
    const { rows } = auditRecords([row("low", "A", 60, "192.0.2.1"), row("high", "A", 604800, "192.0.2.2"), row("www", "A", 900, "192.0.2.3"), row("www", "A", 600, "192.0.2.4")], ZONE);
    expect(rows.map((r) => `${r.name} ${r.ttl}`)).toEqual(["low 300", "high 172800", "www 600", "www 600"]);
  });

  it("passes every supported type through unchanged", () => {
    const records = [row("a", "A", 300, "192.0.2.1"), row("b", "AAAA", 300, "2001:db8::1"), row("c", "CNAME", 300, "t.example.org"), row("", "MX", 300, "10 mx.example.org"), row("t", "TXT", 300, "x"), row("sub", "NS", 300, "ns.example.org"), row("_s._tcp", "SRV", 300, "1 2 3 t.example.org"), row("", "CAA", 300, '0 issue "ca.example"')];
    const { rows, findings } = auditRecords(records, ZONE);
    expect(findings).toEqual([]);
    expect(rows).toHaveLength(records.length);
  });

  it("declares every rule with a reference", () => {
    for (const rule of AUDIT_RULES) expect(rule.reference).toMatch(/^docs\/reference\/wapi\.md#[a-z0-9-]+/);
  });
});
