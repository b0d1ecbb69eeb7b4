import { describe, expect, test } from "vitest";
import { formatRdata, formatRecord, type DnsRecord } from "../../src/dns/index.js";

const r = (name: string, type: string, ttl: number, data: unknown) => ({ name, type, ttl, data }) as DnsRecord;

describe("formatRecord: BIND's full style, column for column", () => {
  test.each([
    [r("example.com", "A", 3600, { address: "192.0.2.1" }), "example.com.\t\t\t\t      3600 IN A\t\t192.0.2.1"],
    [r("www.example.com", "A", 0, { address: "192.0.2.1" }), "www.example.com.\t\t\t      0\tIN A\t\t192.0.2.1"],
    [
      r("www.example.com", "A", 604800, { address: "192.0.2.1" }),
      "www.example.com.\t\t\t      604800 IN\tA\t192.0.2.1",
    ],
    [
      r("www.example.com", "A", 2147483647, { address: "192.0.2.1" }),
      "www.example.com.\t\t\t      2147483647 IN A\t192.0.2.1",
    ],
    [
      r("_443._tcp.www.example.com", "TLSA", 3600, { usage: 3, selector: 1, matchingType: 1, data: "ab" }),
      "_443._tcp.www.example.com.\t\t      3600 IN TLSA\t3 1 1 AB",
    ],
    [
      r("a-very-long-owner-name-that-passes-the-ttl-column.example.com", "A", 3600, { address: "192.0.2.1" }),
      "a-very-long-owner-name-that-passes-the-ttl-column.example.com. 3600 IN A 192.0.2.1",
    ],
    [r("x.example.com", "CNAME", 300, { target: "" }), "x.example.com.\t\t\t\t      300 IN CNAME\t."],
  ])("%#", (record, line) => {
    expect(formatRecord(record)).toBe(line);
  });
});

describe("formatRdata: rdata as BIND prints it", () => {
  const hex64 = "abcdef0123456789".repeat(4);
  test.each([
    [r("e", "AAAA", 1, { address: "2001:db8::1" }), "2001:db8::1"],
    [r("e", "NS", 1, { target: "ns1.example.com" }), "ns1.example.com."],
    [r("e", "PTR", 1, { target: "host.example.com" }), "host.example.com."],
    [r("e", "MX", 1, { preference: 0, exchange: "" }), "0 ."],
    [
      r("e", "SRV", 1, { priority: 10, weight: 60, port: 5060, target: "sip.example.com" }),
      "10 60 5060 sip.example.com.",
    ],
    [
      r("e", "TXT", 1, { strings: ['a"b', "c\\d", "\x00\x09\x7f\xff", "", "é"] }),
      '"a\\"b" "c\\\\d" "\\000\\009\\127\\255" "" "\\233"',
    ],
    [r("e", "SPF", 1, { strings: ["v=spf1 -all"] }), '"v=spf1 -all"'],
    [r("e", "CAA", 1, { flags: 0, tag: "issue", value: "letsencrypt.org" }), '0 issue "letsencrypt.org"'],
    [r("e", "CAA", 1, { flags: 128, tag: "tbs", value: 'a"b\\\x01' }), '128 tbs "a\\"b\\\\\\001"'],
    [
      r("e", "TLSA", 1, { usage: 3, selector: 1, matchingType: 1, data: hex64 }),
      `3 1 1 ${hex64.toUpperCase().slice(0, 56)} ${hex64.toUpperCase().slice(56)}`,
    ],
    [
      r("e", "SSHFP", 1, { algorithm: 4, fingerprintType: 2, fingerprint: hex64 }),
      `4 2 ${hex64.toUpperCase().slice(0, 56)} ${hex64.toUpperCase().slice(56)}`,
    ],
    [r("e", "SSHFP", 1, { algorithm: 9, fingerprintType: 9, fingerprint: "" }), "9 9"],
    [
      r("e", "DS", 1, { keyTag: 60485, algorithm: 8, digestType: 1, digest: hex64.slice(0, 40) }),
      `60485 8 1 ${hex64.toUpperCase().slice(0, 40)}`,
    ],
    [
      r("e", "SOA", 1, {
        mname: "ns1.example.com",
        rname: "hostmaster.example.com",
        serial: 1,
        refresh: 2,
        retry: 3,
        expire: 4,
        minimum: 5,
      }),
      "ns1.example.com. hostmaster.example.com. 1 2 3 4 5",
    ],
    [r("e", "HTTPS", 1, { priority: 1, target: "", params: 'alpn="h2"' }), '1 . alpn="h2"'],
    [r("e", "SVCB", 1, { priority: 0, target: "svc.example.com", params: "" }), "0 svc.example.com."],
    [r("e", "TYPE65280", 1, { hex: "0a000001" }), "\\# 4 0A000001"],
    [r("e", "TYPE65280", 1, { hex: "" }), "\\# 0"],
  ])("%#: %s", (record, rdata) => {
    expect(formatRdata(record)).toBe(rdata);
  });
});
