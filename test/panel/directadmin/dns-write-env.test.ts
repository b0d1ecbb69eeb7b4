import { describe, expect, test } from "vitest";
import type { DnsRecord } from "../../../src/dns/index.js";
import { parseDnsWriteEnv } from "../../../src/panel/directadmin/dns-write-env.js";

const enc = encodeURIComponent;
const pairs = (...list: Array<[string, string]>) => list.map(([name, value]) => `${enc(name)}=${enc(value)}`).join("&");
const brief = (records: DnsRecord[]) => records.map((record) => [record.name, record.type, record.ttl, record.data]);

describe("parseDnsWriteEnv", () => {
  test("the documented example: relative and absolute names, one ordered list per type", () => {
    const env = {
      DOMAIN: "example.com",
      A: "ftp=192.0.2.2&localhost=127.0.0.1&mail=192.0.2.2&example.com.=192.0.2.2&www=192.0.2.2",
      A_TIME: "600",
    };
    const result = parseDnsWriteEnv(env);
    expect(result.problems).toEqual([]);
    expect(result.domain).toBe("example.com");
    expect(result.records.map((record) => record.name)).toEqual([
      "ftp.example.com",
      "localhost.example.com",
      "mail.example.com",
      "example.com",
      "www.example.com",
    ]);
    expect(result.records.every((record) => record.type === "A" && record.ttl === 600)).toBe(true);
  });

  test("every type, MX from MX_FULL, relative targets qualified, TTLs per type, default for the rest", () => {
    const env = {
      DOMAIN: "Example.COM.",
      AAAA: pairs(["www", "2001:DB8::1"]),
      CNAME: pairs(["ftp", "www"], ["cdn", "edge.example.net."]),
      MX: "example.com.=10",
      MX_FULL: pairs(["example.com.", "10 mail"], ["example.com.", "20 mx.example.net."]),
      MX_TIME: "300",
      NS: pairs(["sub", "ns1.example.net."]),
      PTR: pairs(["1.2", "host"]),
      TXT: pairs(["example.com.", '"v=spf1 a mx ~all"']),
      SRV: pairs(["_sip._tcp", "10 60 5060 sip"]),
      SPF: pairs(["example.com.", '"v=spf1 -all"']),
      CAA: pairs(["example.com.", '0 issue "letsencrypt.org"']),
      TLSA: pairs(["_443._tcp.www", "3 1 1 ABCDEF"]),
      SSHFP: pairs(["host", "1 1 dd465c09cfa51fb45020cc83316fff21b9ec74ac"]),
      DS: pairs(["sub", "60485 8 1 dd465c09cfa51fb45020cc83316fff21b9ec74ac"]),
      HTTPS: pairs(["example.com.", "1 . alpn=h2,h3"]),
      SVCB: pairs(["_dns", "1 dns.example.net. port=853"]),
      TXT_TIME: "1h",
    };
    const result = parseDnsWriteEnv(env, 7200);
    expect(result.problems).toEqual([]);
    expect(brief(result.records)).toEqual([
      ["www.example.com", "AAAA", 7200, { address: "2001:db8::1" }],
      ["ftp.example.com", "CNAME", 7200, { target: "www.example.com" }],
      ["cdn.example.com", "CNAME", 7200, { target: "edge.example.net" }],
      ["example.com", "MX", 300, { preference: 10, exchange: "mail.example.com" }],
      ["example.com", "MX", 300, { preference: 20, exchange: "mx.example.net" }],
      ["sub.example.com", "NS", 7200, { target: "ns1.example.net" }],
      ["1.2.example.com", "PTR", 7200, { target: "host.example.com" }],
      ["example.com", "TXT", 3600, { strings: ["v=spf1 a mx ~all"] }],
      ["_sip._tcp.example.com", "SRV", 7200, { priority: 10, weight: 60, port: 5060, target: "sip.example.com" }],
      ["example.com", "SPF", 7200, { strings: ["v=spf1 -all"] }],
      ["example.com", "CAA", 7200, { flags: 0, tag: "issue", value: "letsencrypt.org" }],
      ["_443._tcp.www.example.com", "TLSA", 7200, { usage: 3, selector: 1, matchingType: 1, data: "abcdef" }],
      [
        "host.example.com",
        "SSHFP",
        7200,
        { algorithm: 1, fingerprintType: 1, fingerprint: "dd465c09cfa51fb45020cc83316fff21b9ec74ac" },
      ],
      [
        "sub.example.com",
        "DS",
        7200,
        { keyTag: 60485, algorithm: 8, digestType: 1, digest: "dd465c09cfa51fb45020cc83316fff21b9ec74ac" },
      ],
      ["example.com", "HTTPS", 7200, { priority: 1, target: "", params: 'alpn="h2,h3"' }],
      ["_dns.example.com", "SVCB", 7200, { priority: 1, target: "dns.example.net", params: "port=853" }],
    ]);
    expect(parseDnsWriteEnv({ DOMAIN: "example.com", A: "www=192.0.2.1" }).records[0]?.ttl).toBe(3600);
  });

  test("TXT values in zone-file form: several strings, parentheses, escapes, and hostile characters", () => {
    const dkim = `( "v=DKIM1; k=rsa; " "p=${"A".repeat(250)}" "${"B+/".repeat(40)}==" )`;
    const env = {
      DOMAIN: "example.com",
      TXT: pairs(
        ["x._domainkey", dkim],
        ["amp", '"a&b=c%d e"'],
        ["quotes", '"say \\"hi\\"" "back\\\\slash"'],
        ["amp", '"second value for the same name"'],
        ["bare", "unquoted words"],
      ),
    };
    const result = parseDnsWriteEnv(env);
    expect(result.problems).toEqual([]);
    expect(brief(result.records).map(([name, , , data]) => [name, (data as { strings: string[] }).strings])).toEqual([
      ["x._domainkey.example.com", ["v=DKIM1; k=rsa; ", `p=${"A".repeat(250)}`, `${"B+/".repeat(40)}==`]],
      ["amp.example.com", ["a&b=c%d e"]],
      ["quotes.example.com", ['say "hi"', "back\\slash"]],
      ["amp.example.com", ["second value for the same name"]],
      ["bare.example.com", ["unquoted", "words"]],
    ]);
  });

  test("pairs split at the first '='; '+' stays '+'; a '%' without two hex digits stays; UTF-8 survives", () => {
    const env = { DOMAIN: "example.com", TXT: 'eq="a=b=c"&plus="p=MII+AB/c=="&pct=100%&utf=%22caf%C3%A9%22' };
    const result = parseDnsWriteEnv(env);
    expect(result.problems).toEqual([]);
    expect(result.records.map((record) => (record.data as { strings: string[] }).strings[0])).toEqual([
      "a=b=c",
      "p=MII+AB/c==",
      "100%",
      "caf\xc3\xa9",
    ]);
  });

  test("a bad pair is a problem naming the variable and the pair; the other pairs still count", () => {
    const env = {
      DOMAIN: "example.com",
      A: "ok=192.0.2.1&bad=192.0.2.300&noequals&=192.0.2.3&other.example.net.=192.0.2.4&_x=192.0.2.5&&last=192.0.2.6",
      MX_FULL: pairs(["example.com.", "mail.example.com."]),
      TXT: pairs(["open", '"unterminated']),
      CNAME_TIME: "forever",
      CNAME: "www=example.net.",
    };
    const result = parseDnsWriteEnv(env);
    expect(result.records.map((record) => `${record.name} ${record.type}`)).toEqual([
      "ok.example.com A",
      "last.example.com A",
      "www.example.com CNAME",
    ]);
    expect(result.problems).toEqual([
      "A pair 2 'bad=192.0.2.300': bad dotted quad '192.0.2.300' (an IPv4 address is four numbers 0-255, no leading zeros)",
      "A pair 3 'noequals': no '=' between the name and the value",
      "A pair 4 '=192.0.2.3': the name is empty",
      "A pair 5 'other.example.net.=192.0.2.4': other.example.net is not inside example.com",
      "A pair 6 '_x=192.0.2.5': bad owner name (check-names): '_x' cannot own A records, which need a host name (letters, digits and inner hyphens)",
      "CNAME_TIME 'forever' is not a TTL (0 to 2147483647 seconds); CNAME records use 3600",
      "MX_FULL pair 1 'example.com.=mail.example.com.': MX preference 'mail.example.com.' is not a valid number",
      "TXT pair 1 'open=%22unterminated': unbalanced quotes: a quoted string is not closed on its line (end a line with \\ to continue a string)",
    ]);
  });

  test("DOMAIN missing or invalid, and MX without MX_FULL, are problems too", () => {
    expect(parseDnsWriteEnv({ A: "www=192.0.2.1" })).toEqual({
      domain: "",
      records: [],
      problems: ["DOMAIN null is not a domain name (DOMAIN is empty); no records were read"],
    });
    expect(parseDnsWriteEnv({ DOMAIN: "a..b" }).problems[0]).toContain("empty label");
    expect(parseDnsWriteEnv({ DOMAIN: "example.com", MX: "example.com.=10" }).problems).toEqual([
      "MX is set but MX_FULL is not: MX holds only preferences, so the MX records cannot be read (DirectAdmin 1.23.2 and later send MX_FULL)",
    ]);
    expect(parseDnsWriteEnv({ DOMAIN: "café.example", A: "www=192.0.2.1" }).records[0]?.name).toBe(
      "www.xn--caf-dma.example",
    );
  });

  test("a long value is shortened in the problem", () => {
    const result = parseDnsWriteEnv({ DOMAIN: "example.com", A: `www=${"9".repeat(200)}` });
    expect(result.problems[0]).toMatch(/^A pair 1 'www=9{76}…': bad dotted quad/);
  });
});
