import { describe, expect, it } from "vitest";
import { parseZoneFile, wedosRowToRecord, type DnsRecord } from "../../src/dns/index.js";
import { auditRecords } from "../../src/sync/audit.js";
import { AUDIT_RULES } from "../../src/sync/audit-rules.js";

const ZONE = "example.test";
const row = (name: string, type: string, ttl: number, rdata: string): DnsRecord =>
  wedosRowToRecord({ name, type, ttl, rdata }, ZONE);
const fromZoneFile = (line: string): DnsRecord[] =>
  parseZoneFile(
    `$TTL 3600\n@ SOA ns1.example.net. h.example.net. 1 3600 900 1209600 300\n@ NS ns1.example.net.\n${line}\n`,
    { origin: ZONE },
  ).records.filter((r) => r.type !== "SOA" && r.type !== "NS");

// One case per rule of the capability audit (src/sync/audit-rules.ts), plus the set-level TTL rule.
describe("capability audit", () => {
  it.each<[string, DnsRecord[], string[]]>([
    [
      "SOA",
      parseZoneFile("@ 300 SOA ns1.example.net. h.example.net. 1 3600 900 1209600 300\n@ 300 NS ns1.example.net.\n", {
        origin: ZONE,
      }).records.filter((r) => r.type === "SOA"),
      ["soa skipped @"],
    ],
    ["apex NS", [{ ...row("sub", "NS", 300, "ns1.example.net"), name: ZONE }], ["apex-ns skipped @"]],
    [
      "DS (DNSSEC)",
      fromZoneFile(
        "sub 300 DS 12345 13 2 3DE4B5D1A5E1D1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A\nsub 300 NS ns1.example.net.",
      ),
      ["dnssec skipped sub"],
    ],
    ["HTTPS (unverified type)", fromZoneFile('@ 300 HTTPS 1 . alpn="h2"'), ["unsupported-type skipped @"]],
    [
      "DNSKEY and RRSIG (DNSSEC)",
      fromZoneFile(
        "@ 300 DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n@ 300 RRSIG DNSKEY 13 2 300 20261231000000 20261201000000 2371 example.test. mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==",
      ),
      ["dnssec skipped @", "dnssec skipped @"],
    ],
    [
      "NAPTR (a type BIND knows, WEDOS does not)",
      fromZoneFile('@ 300 NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.test!" .'),
      ["unsupported-type skipped @"],
    ],
    ["DNAME", fromZoneFile("old 300 DNAME new.example.net."), ["dname skipped old"]],
    [
      "a type without a name (RFC 3597)",
      fromZoneFile("opaque 300 TYPE65280 \\# 2 abcd"),
      ["generic-type skipped opaque"],
    ],
    ["SPF", fromZoneFile('@ 300 SPF "v=spf1 -all"'), ["spf-type skipped @"]],
    ["apex CNAME", [{ ...row("x", "CNAME", 300, "target.example.org"), name: ZONE }], ["apex-cname skipped @"]],
    [
      "CNAME beside other data",
      [row("www", "CNAME", 300, "target.example.org"), row("www", "TXT", 300, "hello")],
      ["cname-beside-data skipped www"],
    ],
    [
      "a wildcard that is not the leftmost label",
      [{ ...row("x", "A", 300, "192.0.2.1"), name: `a.*.${ZONE}` }],
      ["wildcard-form skipped a.*"],
    ],
    [
      "a name outside the zone",
      [{ ...row("x", "A", 300, "192.0.2.1"), name: "other.example" }],
      ["outside-zone skipped other.example"],
    ],
    ["TTL below 300", [row("www", "A", 60, "192.0.2.1")], ["ttl-too-low adjusted www"]],
    ["TTL above 172800", [row("www", "A", 604800, "192.0.2.1")], ["ttl-too-high adjusted www"]],
    [
      "mixed TTLs in one set",
      [row("www", "A", 600, "192.0.2.1"), row("www", "A", 900, "192.0.2.2")],
      ["mixed-ttl adjusted www"],
    ],
  ])("%s", (_case, records, expected) => {
    const { findings } = auditRecords(records, ZONE);
    expect(findings.map((f) => `${f.rule} ${f.outcome} ${f.name}`)).toEqual(expected);
    for (const finding of findings) expect(finding.reason.length).toBeGreaterThan(20);
  });

  it("clamps TTLs into 300–172800 and unifies a set on its lowest TTL", () => {
    const { rows } = auditRecords(
      [
        row("low", "A", 60, "192.0.2.1"),
        row("high", "A", 604800, "192.0.2.2"),
        row("www", "A", 900, "192.0.2.3"),
        row("www", "A", 600, "192.0.2.4"),
      ],
      ZONE,
    );
    expect(rows.map((r) => `${r.name} ${r.ttl}`)).toEqual(["low 300", "high 172800", "www 600", "www 600"]);
  });

  it("passes every supported type through unchanged", () => {
    const records = [
      row("a", "A", 300, "192.0.2.1"),
      row("b", "AAAA", 300, "2001:db8::1"),
      row("c", "CNAME", 300, "t.example.org"),
      row("", "MX", 300, "10 mx.example.org"),
      row("t", "TXT", 300, "x"),
      row("sub", "NS", 300, "ns.example.org"),
      row("_s._tcp", "SRV", 300, "1 2 3 t.example.org"),
      row("", "CAA", 300, '0 issue "ca.example"'),
    ];
    const { rows, findings } = auditRecords(records, ZONE);
    expect(findings).toEqual([]);
    expect(rows).toHaveLength(records.length);
  });

  it("lists each record of a type WEDOS does not take with its reason in words, its value as BIND prints it, and syncs the rest", () => {
    const records = fromZoneFile(
      '@ 300 NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.test!" .\nwww 300 HINFO "PC" "Linux"\n@ 300 LOC 52 22 23 N 4 53 32 E -2m\n_s._tcp 300 URI 10 1 "https://example.test/"\n@ 300 RP admin.example.test. .\nwww 300 A 192.0.2.1\n@ 300 NSEC www.example.test. A NS SOA RRSIG NSEC\n@ 300 TXT "v=spf1 -all"',
    );
    const { rows, findings } = auditRecords(records, ZONE);
    expect(rows.map((r) => `${r.name} ${r.type} ${r.rdata}`)).toEqual(["www A 192.0.2.1", " TXT v=spf1 -all"]);
    expect(findings.map((f) => `${f.name} ${f.type} ${f.value}: ${f.reason}`)).toEqual([
      '@ NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:info@example.test!" .: WEDOS DNS does not take NAPTR records; the zone\'s other records are synced without them',
      'www HINFO "PC" "Linux": WEDOS DNS does not take HINFO records; the zone\'s other records are synced without them',
      "@ LOC 52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m: WEDOS DNS does not take LOC records; the zone's other records are synced without them",
      '_s._tcp URI 10 1 "https://example.test/": WEDOS DNS does not take URI records; the zone\'s other records are synced without them',
      "@ RP admin.example.test. .: WEDOS DNS does not take RP records; the zone's other records are synced without them",
      "@ NSEC www.example.test. A NS SOA RRSIG NSEC: NSEC is a DNSSEC record: DNSSEC records are made by whoever signs and serves the zone, so the panel server's keys and signatures cannot be copied to WEDOS",
    ]);
  });

  it("declares every rule with a reference", () => {
    for (const rule of AUDIT_RULES) expect(rule.reference).toMatch(/^docs\/reference\/wapi\.md#[a-z0-9-]+/);
  });
});
