import { describe, expect, it } from "vitest";
import { parseZoneFile } from "../../src/dns/index.js";
import { formatZoneText, parseZoneText, type ZoneRecord } from "../../src/emulators/dns/index.js";
import { templateRecords } from "../../src/emulators/directadmin/index.js";

const ZONE = "bob.test";
const records: ZoneRecord[] = [
  ...templateRecords(ZONE, {
    ip: "192.0.2.1",
    nameservers: ["ns1.da.example.net", "ns2.da.example.net"],
    serial: 2026031001,
  }),
  { name: `v6.${ZONE}`, type: "AAAA", ttl: 600, data: { address: "2001:db8::1" } },
  {
    name: `_sip._tcp.${ZONE}`,
    type: "SRV",
    ttl: 300,
    data: { priority: 10, weight: 5, port: 5060, target: `sip.${ZONE}` },
  },
  { name: `blog.${ZONE}`, type: "CNAME", ttl: 300, data: { target: `www.${ZONE}` } },
  { name: ZONE, type: "CAA", ttl: 300, data: { flags: 0, tag: "issue", value: 'letsencrypt.org; note="x"' } },
  { name: `t.${ZONE}`, type: "TXT", ttl: 300, data: { strings: ['say "hi" \\ there', "caf\xe9 \x01"] } },
  { name: `n.${ZONE}`, type: "TYPE65280", ttl: 300, data: { hex: "0102ff" } },
];

describe("the emulators' zone files", () => {
  it("read back as the records they were written from", () => {
    expect(parseZoneText(formatZoneText(records), ZONE)).toEqual(records);
  });

  it("are read by the plugin's own zone-file reader as the same records", () => {
    const text = formatZoneText(records);
    expect(text).toMatch(/\tSOA\tns1\.da\.example\.net\. hostmaster\.bob\.test\. \(\n\t+2026031001\n/);
    const plugin = parseZoneFile(Buffer.from(text, "latin1"), { origin: ZONE }).records;
    expect(plugin).toEqual(records);
  });

  it("read what a panel's record form takes: @, relative names, an optional TTL and class, continued lines", () => {
    const text =
      '$TTL 120\n@ IN A 192.0.2.7\nwww 60 A 192.0.2.8\n  IN TXT "more" ; a comment\n' +
      "mail.other.test. MX ( 10\n  mx.other.test. )\n";
    expect(parseZoneText(text, ZONE)).toEqual([
      { name: ZONE, type: "A", ttl: 120, data: { address: "192.0.2.7" } },
      { name: `www.${ZONE}`, type: "A", ttl: 60, data: { address: "192.0.2.8" } },
      { name: `www.${ZONE}`, type: "TXT", ttl: 120, data: { strings: ["more"] } },
      { name: "mail.other.test", type: "MX", ttl: 120, data: { preference: 10, exchange: "mx.other.test" } },
    ]);
  });

  it.each([
    ["$TTL 60\nx A 300.1.1.1\n", "line 2: 300.1.1.1 is not an IPv4 address"],
    ['$TTL 60\nx NAPTR 100 10 "U" "" "" .\n', "line 2: the emulated panel reads NAPTR records only in RFC 3597 form"],
    ["$TTL 60\nx TYPE65280 \\# 3 01\n", "line 2: the RFC 3597 data of TYPE65280 does not match its length"],
    ["$INCLUDE /etc/passwd\n", "line 1: the emulated panel does not write $INCLUDE"],
    ["$TTL 60\n@ SOA a. b. ( 1 2 3\n", '"(" is never closed'],
    ["x A 192.0.2.1\n", "line 1: the record has no TTL and there is no $TTL before it"],
    ["$TTL 60\nx MX mx.test.\n", 'line 2: "mx.test." is not a number'],
  ])("refuse %j", (text, message) => {
    expect(() => parseZoneText(text, ZONE)).toThrow(message);
  });

  it("refuse to write a record whose fields do not fit its type", () => {
    expect(() => formatZoneText([{ name: ZONE, type: "MX", ttl: 60, data: { exchange: "mx.test" } }])).toThrow(
      "MX record bob.test has no number field preference",
    );
    expect(() => formatZoneText([{ name: ZONE, type: "NAPTR", ttl: 60, data: {} }])).toThrow(
      "cannot write NAPTR records except as RFC 3597 hex",
    );
  });
});
