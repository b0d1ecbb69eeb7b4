import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  formatRdata,
  formatRecord,
  parseZoneFile,
  ZoneFileError,
  type DnsRecord,
  type ZoneFileResult,
} from "../../src/dns/index.js";
import { loadZoneFile } from "../../src/cli/zone-input.js";
import { tempDir } from "../support/temp-dir.js";
import { BAD_ZONES, ZONE_ORIGIN, zoneBytes, zonePath } from "./fixtures.js";

const load = (file: string): ZoneFileResult => parseZoneFile(zoneBytes(file), { origin: ZONE_ORIGIN, fileName: file });
const at = (result: ZoneFileResult, name: string, type?: string): DnsRecord[] =>
  result.records.filter((record) => record.name === name && (type === undefined || record.type === type));
const ttls = (result: ZoneFileResult, name: string) => at(result, name).map((record) => record.ttl);
const warningLines = (result: ZoneFileResult) =>
  result.warnings.map((warning) => `${warning.line}: ${warning.message}`);
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ZoneFileError) return error.problems.map((problem) => `${problem.line}: ${problem.message}`);
    throw error;
  }
  throw new Error("expected a ZoneFileError");
};
const header =
  "$TTL 3600\n@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 900\n@ IN NS ns1.example.com.\nns1 IN A 192.0.2.1\n";

describe("zone files that load", () => {
  test("directadmin-default.db: the zone DirectAdmin writes", () => {
    const zone = load("directadmin-default.db");
    expect(zone.origin).toBe("example.com");
    expect(zone.records).toHaveLength(19);
    expect(zone.warnings).toEqual([]);
    expect(at(zone, "example.com", "MX")[0]?.data).toEqual({ preference: 10, exchange: "mail.example.com" });
    expect(at(zone, "_dmarc.example.com", "TXT")[0]?.data).toEqual({
      strings: ["v=DMARC1; p=none; rua=mailto:postmaster@example.com"],
    });
    const dkim = at(zone, "x._domainkey.example.com", "TXT")[0];
    expect(dkim?.type === "TXT" && dkim.data.strings.map((text) => text.length)).toEqual([255, 155]);
    expect(at(zone, "_autodiscover._tcp.example.com")[0]?.data).toEqual({
      priority: 10,
      weight: 10,
      port: 443,
      target: "mail.example.com",
    });
    expect(at(zone, "example.com", "SOA")[0]?.data).toEqual({
      mname: "ns1.example.com",
      rname: "hostmaster.example.com",
      serial: 2024112101,
      refresh: 3600,
      retry: 3600,
      expire: 1209600,
      minimum: 86400,
    });
  });

  test("multiline-dkim.db: strings across lines, comments inside and after the parentheses", () => {
    const zone = load("multiline-dkim.db");
    const [first] = at(zone, "default._domainkey.example.com");
    const [second] = at(zone, "mail._domainkey.example.com");
    expect(first?.type === "TXT" && first.data.strings[0]).toBe("v=DKIM1; k=rsa; ");
    expect(first?.type === "TXT" && first.data.strings.join("")).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/]+={0,2}$/);
    expect(second?.type === "TXT" && second.data.strings).toHaveLength(3);
    expect(ttls(zone, "selector2._domainkey.example.com")).toEqual([300]);
  });

  test("relative-and-absolute.db: owners, @, $ORIGIN, omitted owner, TTL and class in either order", () => {
    const zone = load("relative-and-absolute.db");
    expect(at(zone, "example.com", "NS").map((record) => record.data)).toEqual([
      { target: "ns1.example.com" },
      { target: "ns2.example.net" },
    ]);
    expect(ttls(zone, "www.example.com")).toEqual([300, 300, 300]);
    expect(at(zone, "api.example.com")[0]?.data).toEqual({ target: "www.example.com" });
    expect(at(zone, "alias.example.com")[0]?.data).toEqual({ target: "www.example.net" });
    expect(at(zone, "apex-alias.example.com")[0]?.data).toEqual({ target: "example.com" });
    expect(at(zone, "blog.example.com", "A")[0]?.data).toEqual({ address: "192.0.2.6" });
    expect(at(zone, "static.blog.example.com")[0]?.data).toEqual({ target: "blog.example.com" });
    expect(at(zone, "feed.blog.example.com")[0]?.data).toEqual({ target: "static.blog.example.com" });
    expect(at(zone, "shop.example.com")[0]?.data).toEqual({ address: "192.0.2.7" });
    expect(at(zone, "example.com", "SOA")[0]?.data).toMatchObject({
      refresh: 7200,
      retry: 3600,
      expire: 1209600,
      minimum: 300,
    });
    expect(warningLines(zone)).toEqual(["9: TTL set to prior TTL (300): the records of one set share one TTL"]);
  });

  test("all-types.db: every modelled type, RFC 3597 data decoded like BIND", () => {
    const zone = load("all-types.db");
    expect(new Set(zone.records.map((record) => record.type))).toEqual(
      new Set([
        "SOA",
        "NS",
        "A",
        "AAAA",
        "CNAME",
        "MX",
        "TXT",
        "SRV",
        "CAA",
        "TLSA",
        "SSHFP",
        "DS",
        "PTR",
        "SPF",
        "HTTPS",
        "SVCB",
        "TYPE65280",
        "TYPE65281",
      ]),
    );
    expect(at(zone, "generic-a.example.com")[0]).toMatchObject({ type: "A", data: { address: "192.0.2.5" } });
    expect(at(zone, "generic-mx.example.com")[0]).toMatchObject({
      type: "MX",
      data: { preference: 10, exchange: "m" },
    });
    expect(at(zone, "opaque.example.com").map((record) => record.data)).toEqual([{ hex: "0a000001" }, { hex: "" }]);
    expect(at(zone, "delegated.example.com", "DS")[0]?.data).toEqual({
      keyTag: 60485,
      algorithm: 8,
      digestType: 2,
      digest: "d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a",
    });
    expect(at(zone, "_443._tcp.www.example.com")[0]?.data).toEqual({
      usage: 3,
      selector: 1,
      matchingType: 1,
      data: "2bb183af33f0ef8d6b4c1e37a2b3f6c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
    });
    expect(at(zone, "example.com", "AAAA")[0]?.data).toEqual({ address: "2001:db8::2" });
  });

  test.each([
    [
      "ttl-from-soa-minimum.db",
      { "example.com": [900, 900], "www.example.com": [60], "mail.example.com": [900] },
      ["2: no TTL specified; using SOA MINTTL (900) instead"],
    ],
    [
      "ttl-previous-record.db",
      { "example.com": [86400, 86400], "www.example.com": [300], "ftp.example.com": [600] },
      [
        "3: using RFC1035 TTL semantics: a record without TTL takes the previous record's TTL (add $TTL to be explicit)",
      ],
    ],
    [
      "ttl-directive.db",
      {
        "ns1.example.com": [300],
        "www.example.com": [5400],
        "mail.example.com": [172800],
        "ftp.example.com": [604800],
        "zero.example.com": [0],
        "max.example.com": [2147483647],
      },
      [],
    ],
    [
      "ttl-set-merge.db",
      { "www.example.com": [900, 900, 900], "mail.example.com": [3600] },
      [
        "8: TTL set to prior TTL (300): the records of one set share one TTL",
        "10: TTL 900 also applies to the A records at www.example.com defined earlier with TTL 300: BIND keeps one TTL per set and the later definition wins",
      ],
    ],
  ])("%s: TTLs as BIND assigns them", (file, expected, warnings) => {
    const zone = load(file);
    for (const [name, values] of Object.entries(expected)) expect(ttls(zone, name), name).toEqual(values);
    expect(warningLines(zone)).toEqual(warnings);
  });

  test("txt-escapes.db: every byte survives", () => {
    const zone = load("txt-escapes.db");
    const strings = (label: string) => {
      const [record] = at(zone, `${label}.example.com`, "TXT");
      return record?.type === "TXT" ? record.data.strings : undefined;
    };
    expect(strings("quotes")).toEqual(['say "hello"', "back\\slash"]);
    expect(strings("bytes")).toEqual(["\x00\x01\x7f\x80\xff", "tab\tinside", "caf\xc3\xa9"]);
    expect(strings("utf8")).toEqual([Buffer.from("café ☃", "utf8").toString("latin1")]);
    expect(strings("semicolon")).toEqual(["a;b", "unquoted;semicolon"]);
    expect(strings("words")).toEqual(["several", "unquoted", "words"]);
    expect(strings("escaped")).toEqual(['"quoted"', "ABC", "z "]);
    expect(strings("empty")).toEqual([""]);
    expect(strings("adjacent")).toEqual(["one", "two"]);
    expect(strings("linebreak")).toEqual(["first\nsecond"]);
    expect(strings("long")?.map((text) => text.length)).toEqual([255, 4]);
  });

  test("txt-largest.db: 65,510 bytes of TXT data load, as in BIND (one more is bad-txt-too-big.db)", () => {
    const [record] = at(load("txt-largest.db"), "big.example.com", "TXT");
    const strings = record?.type === "TXT" ? record.data.strings : [];
    expect(strings).toHaveLength(256);
    expect(strings.reduce((bytes, text) => bytes + 1 + text.length, 0)).toBe(65_510);
  });

  test("txt-nul.db: a NUL byte, escaped or raw, is read as BIND reads it, with a warning naming the line", () => {
    const zone = load("txt-nul.db");
    const strings = (label: string) => {
      const [record] = at(zone, `${label}.example.com`, "TXT");
      return record?.type === "TXT" ? record.data.strings : undefined;
    };
    expect(strings("escaped")).toEqual(["a\x00b"]);
    expect(strings("raw")).toEqual(["c\x00d"]);
    const warning =
      "the TXT value contains a control character (byte 0), which WEDOS cannot store as text: the record is read but not synced to WEDOS";
    expect(warningLines(zone)).toEqual([`6: ${warning}`, `7: ${warning}`]);
  });

  test("comments-and-parentheses.db, crlf-line-endings.db and wildcards-and-underscores.db load", () => {
    expect(load("comments-and-parentheses.db").records.map(formatRecord)).toContain(
      "multi.example.com.\t\t\t      3600 IN MX\t10 mail.example.net.",
    );
    expect(at(load("crlf-line-endings.db"), "www.example.com")[0]?.data).toEqual({ strings: ["windows line ends"] });
    const wild = load("wildcards-and-underscores.db");
    expect(at(wild, "*.example.com")[0]?.data).toEqual({ address: "192.0.2.2" });
    expect(at(wild, "_acme-challenge.example.com")[0]?.data).toEqual({
      target: "_acme-challenge.validation.example.net",
    });
  });

  test("mixed-case.db: names fold to lower case, TXT and the CAA tag keep theirs", () => {
    const zone = load("mixed-case.db");
    expect(zone.records.map((record) => record.name)).toEqual([
      "example.com",
      "example.com",
      "ns1.example.com",
      "www.example.com",
      "mail.example.com",
      "alias.example.com",
      "txt.example.com",
      "caa.example.com",
    ]);
    expect(at(zone, "example.com", "SOA")[0]?.data).toMatchObject({
      mname: "ns1.example.com",
      rname: "hostmaster.example.com",
    });
    expect(at(zone, "mail.example.com")[0]?.data).toEqual({ preference: 10, exchange: "mail.example.net" });
    expect(at(zone, "txt.example.com")[0]?.data).toEqual({ strings: ["Case Is Kept In TXT"] });
    expect(at(zone, "caa.example.com")[0]?.data).toEqual({ flags: 0, tag: "ISSUE", value: "LetsEncrypt.org" });
  });

  test("out-of-zone.db and duplicates.db: what BIND leaves out is left out with a warning", () => {
    const outside = load("out-of-zone.db");
    expect(outside.records.map((record) => record.name)).toEqual([
      "example.com",
      "example.com",
      "ns1.example.com",
      "www.example.com",
    ]);
    expect(outside.warnings.map((warning) => warning.line)).toEqual([6, 8]);
    const duplicates = load("duplicates.db");
    expect(at(duplicates, "www.example.com")).toHaveLength(1);
    expect(at(duplicates, "example.com", "MX")).toHaveLength(1);
    expect(at(duplicates, "txt.example.com")).toHaveLength(2);
    expect(warningLines(duplicates)).toEqual([
      "7: duplicate record ignored (the same as line 6)",
      "9: duplicate record ignored (the same as line 8)",
    ]);
  });

  test("ipv6-forms.db: addresses in BIND's compressed form", () => {
    const zone = load("ipv6-forms.db");
    const address = (label: string) => (at(zone, `${label}.example.com`)[0]?.data as { address: string }).address;
    expect(
      Object.fromEntries(
        [
          "full",
          "single-zero",
          "two-runs",
          "first-run",
          "loopback",
          "unspecified",
          "mapped",
          "mapped-hex",
          "compatible",
          "trailing",
        ].map((label) => [label, address(label)]),
      ),
    ).toEqual({
      full: "2001:db8::1",
      "single-zero": "2001:db8:0:1:1:1:1:1",
      "two-runs": "2001:0:0:1::1",
      "first-run": "2001:db8::1:0:0:1",
      loopback: "::1",
      unspecified: "::",
      mapped: "::ffff:192.0.2.1",
      "mapped-hex": "::ffff:192.0.2.1",
      compatible: "::192.0.2.1",
      trailing: "2001:db8::",
    });
  });

  test("svcb-https.db: params in BIND's canonical form", () => {
    const zone = load("svcb-https.db");
    const params = (label: string) =>
      (
        at(
          zone,
          label === "" ? "example.com" : `${label}.example.com`,
          label === "_dns" || label === "private" ? "SVCB" : "HTTPS",
        )[0]?.data as { params: string }
      ).params;
    expect(params("")).toBe('alpn="h3,h2" port=443 ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1,::ffff:192.0.2.1');
    expect(params("www")).toBe("");
    expect(params("alpn")).toBe('mandatory=alpn,port alpn="h2,h\\\\,odd" no-default-alpn port=8443');
    expect(params("_dns")).toBe('alpn="dot,doh" port=853 key7="/dns-query{?dns}"');
    expect(params("private")).toBe('key65280="a b" key65281 key65282="\\001x"');
  });
});

/** Each refused fixture with the problems it must report, `line: reason` (0 for the zone as a whole). */
const REFUSED: Readonly<Record<string, readonly string[]>> = {
  "bad-apex-ns-without-address.db": ["6: NS 'ns2.example.com' has no address records (A or AAAA)"],
  "bad-bad-escape.db": ["6: bad escape \\256"],
  "bad-check-names-owner.db": ["6: bad owner name (check-names): '_www' cannot own A records"],
  "bad-check-names-target.db": [
    "6: bad name (check-names): '_mail.example.net.', the mail exchanger of the MX record, is not a host name",
  ],
  "bad-class-not-in.db": ["6: class 'CH' is not IN"],
  "bad-cname-and-other-data.db": ["7: www.example.com: CNAME and other data"],
  "bad-double-cname.db": ["7: www.example.com: multiple RRs of singleton type (CNAME)"],
  "bad-extra-input.db": ["6: extra input text '192.0.2.3' after the A data"],
  "bad-foreign-data.db": [
    "7: unexpected end of input: NAPTR needs a domain name",
    "8: LOC position 91 0 0 is out of range",
    "9: HINFO wire data is too short",
    "10: bad base32hex encoding '2VPTU5TIMAMQTTGL4LUU9KG21E0AOR3Z'",
  ],
  "bad-foreign-presentation.db": [
    "6: wedos-panel reads X25 records only in the RFC 3597 form; write the record as X25 \\# <length> <hex>",
  ],
  "bad-generate.db": ["6: $GENERATE is not supported"],
  "bad-include.db": ["6: $INCLUDE is not read"],
  "bad-ipv4.db": ["6: bad dotted quad '192.0.2'"],
  "bad-ipv6.db": ["6: bad IPv6 address '2001:db8::1::2'"],
  "bad-label-too-long.db": ["6: label too long"],
  "bad-meta-type.db": ["6: invalid use of a meta type: AXFR"],
  "bad-missing-soa.db": ["0: has 0 SOA records"],
  "bad-multiple-errors.db": [
    "6: bad dotted quad '192.0.2.300'",
    "7: MX preference 'mail' is not a valid number",
    "8: unknown RR type 'BOGUS'",
    "10: TTL 4294967296 is out of range",
    "11: bad IPv6 address 'zz::1'",
  ],
  "bad-mx-without-preference.db": ["6: MX preference 'mail.example.net.' is not a valid number"],
  "bad-name-too-long.db": ["6: name too long"],
  "bad-no-ttl.db": ["2: no TTL specified; zone rejected"],
  "bad-ns-is-address.db": ["6: NS record '192.0.2.53' appears to be an address"],
  "bad-obsolete-type.db": ["6: type 'MD' is obsolete", "7: type 'MF' is obsolete"],
  "bad-owner-omitted-first.db": ["2: no owner name"],
  "bad-soa-not-at-apex.db": ["6: SOA record not at top of zone (sub.example.com)"],
  "bad-sshfp-length.db": ["6: an SSHFP fingerprint of type 2 must be 32 bytes"],
  "bad-set-too-big.db": [
    "7: ran out of space: the TXT records of big.example.com come to 65,513 bytes with this one (their data and 2 bytes each), more than the 65,512 BIND holds for one set",
  ],
  "bad-svcb-mandatory.db": ["6: mandatory lists alpn but the record has no alpn param"],
  "bad-ttl-out-of-range.db": ["6: TTL 2147483648 is out of range: a TTL is 0 to 2147483647 seconds"],
  "bad-ttl-too-large.db": ["6: TTL 99999999999 is out of range"],
  "bad-txt-string-too-long.db": ["6: a character-string is 256 bytes but may hold at most 255"],
  "bad-txt-too-big.db": [
    "6: ran out of space: the TXT data is 65,511 bytes, more than the 65,510 one DNS record can hold; shorten it",
  ],
  "bad-unbalanced-close.db": ["6: unbalanced parentheses: ')' without a matching '('"],
  "bad-unknown-directive.db": ["6: unknown $ directive '$FOO'"],
  "bad-unknown-type.db": ["6: unknown RR type 'FOO'"],
  "bad-unterminated-parenthesis.db": ["6: unbalanced parentheses: '(' is never closed"],
  "bad-unterminated-quote.db": ["6: unbalanced quotes"],
};

describe("zone files that are refused, with every problem's line and reason", () => {
  test("every bad fixture has an expectation", () => {
    expect(Object.keys(REFUSED).sort()).toEqual(BAD_ZONES);
  });

  test.each(Object.entries(REFUSED))("%s", (file, expected) => {
    const problems = problemsOf(() => load(file));
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(problems[i]).toContain(start));
  });

  test("the error names the file and lists each problem as file:line", () => {
    let caught: unknown;
    try {
      load("bad-multiple-errors.db");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ZoneFileError);
    const error = caught as ZoneFileError;
    expect(error.code).toBe("dns_zone_file_invalid");
    expect(error.message.split("\n")[0]).toBe(
      "zone file bad-multiple-errors.db cannot be read (5 problems); fix the file (named-checkzone shows the same problems) and try again:",
    );
    expect(error.message.split("\n")[1]).toBe(
      "bad-multiple-errors.db:6: bad dotted quad '192.0.2.300' (an IPv4 address is four numbers 0-255, no leading zeros)",
    );
    expect(problemsOf(() => load("bad-missing-soa.db"))).toEqual([
      "0: has 0 SOA records: the zone needs one SOA record at example.com",
    ]);
  });

  test("after an error inside parentheses, reading goes on at the next record", () => {
    const text = `${header}dkim TXT ( "unclosed\n  "p=abc" )\nwww A 192.0.2.300\nok A 192.0.2.2\n`;
    expect(problemsOf(() => parseZoneFile(text, { origin: "example.com" }))).toEqual([
      "5: unbalanced quotes: a quoted string is not closed on its line (end a line with \\ to continue a string)",
      "7: bad dotted quad '192.0.2.300' (an IPv4 address is four numbers 0-255, no leading zeros)",
    ]);
  });
});

describe("input forms", () => {
  test("text and bytes read the same; the origin may carry a dot and capitals", () => {
    const fromText = parseZoneFile(`${header}caf TXT "café"\n`, { origin: "Example.COM." });
    const fromBytes = parseZoneFile(Buffer.from(`${header}caf TXT "café"\n`, "utf8"), { origin: "example.com" });
    expect(fromText).toEqual(fromBytes);
    expect(fromText.origin).toBe("example.com");
  });

  test("a non-ASCII owner is read as its IDN (punycode), with a warning", () => {
    const zone = parseZoneFile(`${header}café TXT "x"\n`, { origin: "example.com" });
    expect(at(zone, "xn--caf-dma.example.com")).toHaveLength(1);
    expect(warningLines(zone)).toEqual([
      "5: 'café' is not ASCII; read as the internationalised name xn--caf-dma.example.com",
    ]);
    // BIND refuses a non-ASCII owner of an A record (check-names), so we do too; the message shows the name as
    // written, and a byte that is not UTF-8 as BIND writes it.
    expect(problemsOf(() => parseZoneFile(`${header}café A 192.0.2.2\n`, { origin: "example.com" }))).toEqual([
      "5: bad owner name (check-names): 'café' cannot own A records, which need a host name (letters, digits and inner hyphens)",
    ]);
    const latin1 = Buffer.concat([Buffer.from(header), Buffer.from("caf\u00e9 A 192.0.2.2\n", "latin1")]);
    expect(problemsOf(() => parseZoneFile(latin1, { origin: "example.com" }))[0]).toContain(
      "'caf\\233' cannot own A records",
    );
  });

  test("loadZoneFile reads the file from disk and names it in problems", async () => {
    const dir = tempDir();
    const path = join(dir, "example.com.db");
    writeFileSync(path, `${header}www A 192.0.2.2\n`);
    const zone = await loadZoneFile(path, "example.com");
    expect(at(zone, "www.example.com")).toHaveLength(1);
    writeFileSync(path, `${header}www A 1.2.3\n`);
    await expect(loadZoneFile(path, "example.com")).rejects.toThrow("example.com.db:5: bad dotted quad '1.2.3'");
    expect((await loadZoneFile(zonePath("crlf-line-endings.db"), "example.com")).records).toHaveLength(4);
  });
});

describe("types BIND knows that WEDOS does not take (carried as RFC 3597 data)", () => {
  const load1 = (line: string) => parseZoneFile(`${header}${line}\n`, { origin: "example.com" });

  test("NAPTR in presentation form and in the \\# form of its number are one record, its bytes kept", () => {
    const text = at(load1('@ NAPTR 100 10 "U" "E2U+sip" "!^.*$!sip:x@Example.com!" .'), "example.com", "NAPTR");
    expect(text).toEqual([
      {
        name: "example.com",
        type: "NAPTR",
        ttl: 3600,
        data: { hex: "0064000a0155074532552b73697018215e2e2a24217369703a78404578616d706c652e636f6d2100" },
      },
    ]);
    const generic = at(
      load1("@ TYPE35 \\# 40 0064000a0155074532552b73697018215e2e2a24217369703a78404578616d706c652e636f6d2100"),
      "example.com",
      "NAPTR",
    );
    expect(generic).toEqual(text);
  });

  test("names inside carried data keep their case and are completed with the origin", () => {
    const [dname] = at(load1("old DNAME New.Example.NET."), "old.example.com", "DNAME");
    const [rp] = at(load1("@ RP admin txt"), "example.com", "RP");
    expect(dname && formatRdata(dname)).toBe("New.Example.NET.");
    expect(rp && formatRdata(rp)).toBe("admin.example.com. txt.example.com.");
  });

  test("a CLASS1 record is an IN record; CLASS3 is not", () => {
    expect(at(load1("g CLASS1 HINFO \\# 4 01410142"), "g.example.com", "HINFO")).toHaveLength(1);
    expect(problemsOf(() => load1("g CLASS3 HINFO \\# 4 01410142"))).toEqual([
      "5: class 'CLASS3' is not IN; this zone is class IN",
    ]);
  });

  test("RRSIG and NSEC may stand beside a CNAME; a second DNAME at a name may not", () => {
    const signed = load1("alias CNAME www\nalias NSEC www.example.com. CNAME RRSIG NSEC\nwww A 192.0.2.2");
    expect(
      at(signed, "alias.example.com")
        .map((record) => record.type)
        .sort(),
    ).toEqual(["CNAME", "NSEC"]);
    expect(problemsOf(() => load1("alias CNAME www\nalias HINFO a b\nwww A 192.0.2.2"))).toEqual([
      "6: alias.example.com: CNAME and other data: a name with a CNAME record can have no other records",
    ]);
    expect(problemsOf(() => load1("old DNAME a.example.net.\nold DNAME b.example.net."))).toEqual([
      "6: old.example.com: multiple RRs of singleton type (DNAME): keep one",
    ]);
  });

  test("RFC 3597 data of a type BIND knows is checked against the type, as BIND checks it", () => {
    expect(problemsOf(() => load1("h TYPE13 \\# 2 0541"))).toEqual(["5: HINFO wire data is too short"]);
    expect(problemsOf(() => load1("n NSEC3PARAM \\# 7 01000000010000"))).toEqual([
      "5: extra input data: NSEC3PARAM wire data is longer than its fields",
    ]);
  });
});
