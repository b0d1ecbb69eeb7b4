import { describe, expect, test } from "vitest";
import {
  canonicalRdataKey,
  DnsDataError,
  recordToWedosRow,
  UnsupportedRecordError,
  wedosRowToRecord,
  type DnsRecord,
} from "../../src/dns/index.js";

const zone = "example.com";
const r = (name: string, type: string, data: unknown, ttl = 3600) => ({ name, type, ttl, data }) as DnsRecord;
const utf8Bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");
const dkim = `v=DKIM1; k=rsa; p=${"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A+/".repeat(18)}`;
const split255 = (text: string) => text.match(/[\s\S]{1,255}/g) ?? [""];

/** Each supported record, the row WEDOS gets, and back (the round trip is exact for these). */
const ROWS: ReadonlyArray<[string, DnsRecord, { name: string; rdata: string }]> = [
  ["apex A", r("example.com", "A", { address: "192.0.2.1" }), { name: "", rdata: "192.0.2.1" }],
  ["wildcard A", r("*.example.com", "A", { address: "192.0.2.3" }), { name: "*", rdata: "192.0.2.3" }],
  ["deeper wildcard", r("*.dev.example.com", "A", { address: "192.0.2.3" }), { name: "*.dev", rdata: "192.0.2.3" }],
  ["AAAA", r("www.example.com", "AAAA", { address: "2001:db8::1" }), { name: "www", rdata: "2001:db8::1" }],
  [
    "CNAME",
    r("testcname.example.com", "CNAME", { target: "www.example.org" }),
    { name: "testcname", rdata: "www.example.org" },
  ],
  [
    "NS delegation",
    r("sub.example.com", "NS", { target: "ns1.example.net" }),
    { name: "sub", rdata: "ns1.example.net" },
  ],
  [
    "MX at apex",
    r("example.com", "MX", { preference: 5, exchange: "mx1.example.org" }),
    { name: "", rdata: "5 mx1.example.org" },
  ],
  [
    "SRV",
    r("_sip._tcp.example.com", "SRV", { priority: 10, weight: 60, port: 5060, target: "sip.example.com" }),
    { name: "_sip._tcp", rdata: "10 60 5060 sip.example.com" },
  ],
  ["TXT simple", r("testtxt.example.com", "TXT", { strings: ["simple"] }), { name: "testtxt", rdata: "simple" }],
  [
    "TXT _dmarc",
    r("_dmarc.example.com", "TXT", { strings: ["v=DMARC1; p=none"] }),
    { name: "_dmarc", rdata: "v=DMARC1; p=none" },
  ],
  [
    "TXT quotes and backslashes",
    r("q.example.com", "TXT", { strings: ['say "hi" \\ bye'] }),
    { name: "q", rdata: 'say "hi" \\ bye' },
  ],
  ["TXT UTF-8", r("u.example.com", "TXT", { strings: [utf8Bytes("café ☃")] }), { name: "u", rdata: "café ☃" }],
  [
    "TXT long DKIM",
    r("x._domainkey.example.com", "TXT", { strings: split255(dkim) }),
    { name: "x._domainkey", rdata: dkim },
  ],
  [
    "CAA",
    r("example.com", "CAA", { flags: 0, tag: "issue", value: "letsencrypt.org" }),
    { name: "", rdata: '0 issue "letsencrypt.org"' },
  ],
  [
    "CAA iodef",
    r("example.com", "CAA", { flags: 128, tag: "iodef", value: "mailto:security@example.com" }),
    { name: "", rdata: '128 iodef "mailto:security@example.com"' },
  ],
  [
    "CAA with a quote",
    r("example.com", "CAA", { flags: 0, tag: "tbs", value: 'a"b' }),
    { name: "", rdata: '0 tbs "a\\"b"' },
  ],
  [
    "TLSA",
    r("_443._tcp.www.example.com", "TLSA", {
      usage: 3,
      selector: 1,
      matchingType: 1,
      data: "2bb183af33f0ef8d6b4c1e37a2b3f6c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
    }),
    { name: "_443._tcp.www", rdata: "3 1 1 2bb183af33f0ef8d6b4c1e37a2b3f6c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3" },
  ],
  [
    "SSHFP",
    r("host.example.com", "SSHFP", {
      algorithm: 1,
      fingerprintType: 1,
      fingerprint: "dd465c09cfa51fb45020cc83316fff21b9ec74ac",
    }),
    { name: "host", rdata: "1 1 dd465c09cfa51fb45020cc83316fff21b9ec74ac" },
  ],
];

describe("recordToWedosRow and back", () => {
  test.each(ROWS)("%s", (_, record, expected) => {
    const row = recordToWedosRow(record, zone);
    expect(row).toEqual({ name: expected.name, type: record.type, ttl: record.ttl, rdata: expected.rdata });
    expect(wedosRowToRecord(row, zone)).toEqual(record);
  });

  test("the zone may be given with a trailing dot or capitals", () => {
    expect(recordToWedosRow(r("www.example.com", "A", { address: "192.0.2.1" }), "Example.COM.").name).toBe("www");
  });
});

describe("TXT carriage (docs/reference/wapi.md#long-txt-values)", () => {
  test("strings are joined without a separator, sent unsplit and unquoted", () => {
    expect(recordToWedosRow(r("t.example.com", "TXT", { strings: ["v=spf1 ", "a mx ", "-all"] }), zone).rdata).toBe(
      "v=spf1 a mx -all",
    );
    expect(
      recordToWedosRow(r("t.example.com", "TXT", { strings: ["x".repeat(255), "y".repeat(345)] }), zone).rdata,
    ).toBe(`${"x".repeat(255)}${"y".repeat(345)}`);
  });

  test("WEDOS's value comes back as 255-byte strings; bytes are the UTF-8 of the text", () => {
    const record = wedosRowToRecord({ name: "t", type: "TXT", ttl: 300, rdata: `${"é".repeat(200)}` }, zone);
    expect(record.type === "TXT" && record.data.strings.map((text) => text.length)).toEqual([255, 145]);
    expect(wedosRowToRecord({ name: "t", type: "TXT", ttl: 300, rdata: "" }, zone).data).toEqual({ strings: [""] });
    expect(
      wedosRowToRecord({ name: "t", type: "txt", ttl: 300, rdata: '  "quoted" stays as WEDOS wrote it ' }, zone).data,
    ).toEqual({ strings: ['  "quoted" stays as WEDOS wrote it '] });
  });
});

describe("records WEDOS cannot hold", () => {
  test.each([
    [
      r("example.com", "SOA", {
        mname: "ns1.example.com",
        rname: "h.example.com",
        serial: 1,
        refresh: 1,
        retry: 1,
        expire: 1,
        minimum: 1,
      }),
      "WEDOS writes the SOA record of every zone itself",
    ],
    [
      r("sub.example.com", "DS", { keyTag: 1, algorithm: 8, digestType: 2, digest: "ab" }),
      "DS records (DNSSEC keys of a delegated subdomain) cannot be created through the WEDOS API",
    ],
    [r("1.example.com", "PTR", { target: "host.example.com" }), "WEDOS DNS does not take PTR records here"],
    [r("example.com", "HTTPS", { priority: 1, target: "", params: "" }), "WEDOS DNS does not accept HTTPS records yet"],
    [r("example.com", "SVCB", { priority: 1, target: "", params: "" }), "WEDOS DNS does not accept SVCB records yet"],
    [r("example.com", "SPF", { strings: ["v=spf1 -all"] }), "the SPF record type is obsolete (RFC 7208)"],
    [r("example.com", "TYPE65280", { hex: "00" }), "WEDOS DNS does not know the record type TYPE65280"],
    [r("t.example.com", "TXT", { strings: [""] }), "an empty TXT value cannot be stored at WEDOS"],
    [r("t.example.com", "TXT", { strings: ["tab\there"] }), "the TXT value contains a control character (byte 9)"],
    [r("t.example.com", "TXT", { strings: ["\xff"] }), "the TXT value contains bytes that are not UTF-8 text"],
    [
      r("example.com", "MX", { preference: 0, exchange: "" }),
      'a MX record whose mail server is the root (".") cannot be stored at WEDOS',
    ],
    [r("www.example.net", "A", { address: "192.0.2.1" }), "www.example.net is not inside example.com"],
    [
      r("a\\@b.example.com", "A", { address: "192.0.2.1" }),
      "the name a\\@b.example.com has characters WEDOS does not accept in names",
    ],
  ])("%#: %s", (record, reason) => {
    let caught: unknown;
    try {
      recordToWedosRow(record, zone);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsupportedRecordError);
    const error = caught as UnsupportedRecordError;
    expect(error.message).toContain(reason);
    expect(error.userMessage).toBe(error.message);
    expect(error.code).toBe("dns_unsupported_record");
    expect(error.record).toBe(record);
  });

  test.each([
    [
      "TXT of 257 strings of 255 bytes",
      r("t.example.com", "TXT", { strings: Array.from({ length: 257 }, () => "x".repeat(255)) }),
      "the TXT data is 65,792 bytes, more than the 65,510 one DNS record can hold, so no name server",
    ],
    [
      "CAA one byte over",
      r("example.com", "CAA", { flags: 0, tag: "issue", value: "v".repeat(65_504) }),
      "the CAA data is 65,511 bytes, more than the 65,510 one DNS record can hold",
    ],
  ])("data no DNS record can hold: %s", (_what, record, reason) => {
    expect(() => recordToWedosRow(record, zone)).toThrow(reason);
  });

  test("data of the most a DNS record holds (65,510 bytes) is a row", () => {
    const largest = r("example.com", "CAA", { flags: 0, tag: "issue", value: "v".repeat(65_503) });
    expect(recordToWedosRow(largest, zone).rdata).toBe(`0 issue "${"v".repeat(65_503)}"`);
  });
});

describe("wedosRowToRecord is tolerant of how WEDOS writes a row", () => {
  test.each([
    [{ name: "@", type: "a", rdata: " 192.0.2.1 " }, r("example.com", "A", { address: "192.0.2.1" })],
    [
      { name: "WWW", type: "AAAA", rdata: "2001:0DB8:0:0::1" },
      r("www.example.com", "AAAA", { address: "2001:db8::1" }),
    ],
    [
      { name: "www.", type: "CNAME", rdata: "Target.Example.ORG." },
      r("www.example.com", "CNAME", { target: "target.example.org" }),
    ],
    [
      { name: "", type: "MX", rdata: "10   MAIL.example.com." },
      r("example.com", "MX", { preference: 10, exchange: "mail.example.com" }),
    ],
    [
      { name: "_sip._tcp", type: "SRV", rdata: " 10 60  5060 SIP.example.com " },
      r("_sip._tcp.example.com", "SRV", { priority: 10, weight: 60, port: 5060, target: "sip.example.com" }),
    ],
    [
      { name: "", type: "CAA", rdata: "0 issue letsencrypt.org" },
      r("example.com", "CAA", { flags: 0, tag: "issue", value: "letsencrypt.org" }),
    ],
    [
      { name: "h", type: "SSHFP", rdata: "1 1 DD465C09CFA51FB45020CC83316FFF21B9EC74AC" },
      r("h.example.com", "SSHFP", {
        algorithm: 1,
        fingerprintType: 1,
        fingerprint: "dd465c09cfa51fb45020cc83316fff21b9ec74ac",
      }),
    ],
    [{ name: "1", type: "PTR", rdata: "host.example.com" }, r("1.example.com", "PTR", { target: "host.example.com" })],
  ])("%j", (row, record) => {
    expect(wedosRowToRecord({ ttl: 3600, ...row }, zone)).toEqual(record);
  });

  test.each([
    [{ name: "", type: "A", rdata: "192.0.2" }, "bad IPv4 address '192.0.2'"],
    [{ name: "", type: "MX", rdata: "mail.example.com" }, "MX preference 'mail.example.com' is not a valid number"],
    [{ name: "", type: "NAPTR", rdata: "1 1 u" }, "WEDOS row type NAPTR is not a type wedos-panel models"],
    [{ name: "www", type: "CNAME", rdata: " " }, "the CNAME row has no data"],
  ])("garbage is a DnsDataError: %j", (row, message) => {
    expect(() => wedosRowToRecord({ ttl: 3600, ...row }, zone)).toThrow(DnsDataError);
    expect(() => wedosRowToRecord({ ttl: 3600, ...row }, zone)).toThrow(message);
  });
});

describe("canonicalRdataKey", () => {
  test.each([
    ["MX", "10 MAIL.example.com", "10 mail.example.com."],
    ["MX", "10 mail.example.com", " 10  mail.example.com "],
    ["CNAME", "WWW.example.org.", "www.example.org"],
    ["AAAA", "2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["SRV", "10 60 5060 SIP.example.com", "10 60 5060 sip.example.com."],
    ["CAA", '0 ISSUE "letsencrypt.org"', "0 issue letsencrypt.org"],
    ["TLSA", "3 1 1 ABCDEF", "3 1 1 abcdef"],
    ["SSHFP", "1 1 DD465C09CFA51FB45020CC83316FFF21B9EC74AC", "1 1 dd465c09cfa51fb45020cc83316fff21b9ec74ac"],
    ["weird", "x  y", " x  y"],
  ])("%s %j means the same as %j", (type, a, b) => {
    expect(canonicalRdataKey({ type, rdata: a })).toBe(canonicalRdataKey({ type, rdata: b }));
  });

  test.each([
    ["TXT", "Simple", "simple"],
    ["TXT", "a b", "a  b"],
    ["MX", "10 mail.example.com", "20 mail.example.com"],
    ["CAA", '0 issue "LetsEncrypt.org"', '0 issue "letsencrypt.org"'],
    ["A", "192.0.2.1", "192.0.2.2"],
  ])("%s %j differs from %j", (type, a, b) => {
    expect(canonicalRdataKey({ type, rdata: a })).not.toBe(canonicalRdataKey({ type, rdata: b }));
  });

  test("a row's key survives the trip through the model", () => {
    for (const [, record] of ROWS) {
      const row = recordToWedosRow(record, zone);
      expect(canonicalRdataKey(recordToWedosRow(wedosRowToRecord(row, zone), zone))).toBe(canonicalRdataKey(row));
    }
  });
});
