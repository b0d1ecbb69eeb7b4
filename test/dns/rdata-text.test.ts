import { describe, expect, test } from "vitest";
import { DnsDataError } from "../../src/dns/index.js";
import { parseRdata } from "../../src/dns/rdata-text.js";
import type { GenericType, ModelledType } from "../../src/dns/record.js";
import { tokenizeValue } from "../../src/dns/tokenizer.js";

const origin = ["example", "com"];
const parse = (type: string, text: string) =>
  parseRdata(type as ModelledType | GenericType, tokenizeValue(text), {
    origin,
    owner: ["x", ...origin],
    warn: () => undefined,
  });

describe("rdata in zone-file syntax", () => {
  test.each([
    ["MX", "010 mail", { preference: 10, exchange: "mail.example.com" }],
    [
      "DS",
      "60485 RSASHA256 SHA-256 ( D4B7D520E7BB5F0F67674A0CCEB1E3E0 614B93C4F9E99B8383F6A1E4469DA50A )",
      {
        keyTag: 60485,
        algorithm: 8,
        digestType: 2,
        digest: "d4b7d520e7bb5f0f67674a0cceb1e3e0614b93c4f9e99b8383f6a1e4469da50a",
      },
    ],
    [
      "SOA",
      "ns1 hostmaster.example.com. 4294967295 1h 30m 1w 1d",
      {
        mname: "ns1.example.com",
        rname: "hostmaster.example.com",
        serial: 4294967295,
        refresh: 3600,
        retry: 1800,
        expire: 604800,
        minimum: 86400,
      },
    ],
    [
      "SOA",
      "ns1 first\\.last.example.com. 1 2 3 4 5",
      {
        mname: "ns1.example.com",
        rname: "first\\.last.example.com",
        serial: 1,
        refresh: 2,
        retry: 3,
        expire: 4,
        minimum: 5,
      },
    ],
    ["CAA", "0 issue letsencrypt.org", { flags: 0, tag: "issue", value: "letsencrypt.org" }],
    ["CAA", '0 issue ""', { flags: 0, tag: "issue", value: "" }],
    ["TLSA", "3 1 1 ab cd", { usage: 3, selector: 1, matchingType: 1, data: "abcd" }],
    ["SSHFP", "9 9", { algorithm: 9, fingerprintType: 9, fingerprint: "" }],
    ["TXT", "\\# 3 026869", { strings: ["hi"] }],
    ["AAAA", "\\# 16 20010db8000000000000000000000001", { address: "2001:db8::1" }],
    [
      "SOA",
      "\\# 32 036e7331076578616d706c6503636f6d00 00 00000001 00000002 00000003 00000004 00000005".replace(/ /g, ""),
      undefined,
    ],
    ["HTTPS", "\\# 13 0001 00 0001 0006 026832 026833", { priority: 1, target: "", params: 'alpn="h2,h3"' }],
    ["CAA", "\\# 12 0005 697373756561 2e6f7267", { flags: 0, tag: "issue", value: "a.org" }],
    ["TYPE65280", "\\# 2 ABCD", { hex: "abcd" }],
  ])("%s %s", (type, text, data) => {
    if (data === undefined) expect(() => parse(type, text)).toThrow(DnsDataError);
    else expect(parse(type, text)).toEqual(data);
  });

  test.each([
    ["A", '"192.0.2.1"', 'unexpected quoted string "192.0.2.1" where A needs an IPv4 address'],
    ["MX", "0x10 mail", "MX preference '0x10' is not a valid number"],
    ["MX", "70000 mail", "MX preference 70000 is out of range (0 to 65535)"],
    ["SRV", "1 2 3", "unexpected end of input: SRV needs a target"],
    ["CAA", "0 is-sue x", "CAA tag 'is-sue' must be letters and digits only"],
    ["CAA", '0 issue "a" "b"', "extra input text 'b' after the CAA data"],
    ["TLSA", "3 1 1 abc", "bad hex encoding in TLSA certificate data: 3 hex digits is not a whole number of bytes"],
    ["TLSA", "3 1 1 xyz0", "has characters other than 0-9 and a-f"],
    ["DS", "1 8 2 ab", "a DS digest of type 2 must be 32 bytes (64 hex digits), not 1"],
    ["DS", "1 BOGUS 2 ab", "DS algorithm 'BOGUS' is not a valid number"],
    [
      "SOA",
      "ns1 h._bad.example.com. 1 2 3 4 5",
      "bad name (check-names): SOA contact 'h._bad.example.com.' is not a mailbox name",
    ],
    ["SOA", "ns1 h 1h 2 3 4 5", "SOA serial '1h' is not a valid number"],
    ["TXT", "", "unexpected end of input: TXT needs at least one string"],
    ["TXT", '"\\2a"', 'bad escape \\2a in "\\2a" (use \\DDD with three digits, at most \\255)'],
    ["TYPE65280", "abcd", "TYPE65280 is a type BIND does not know, so its data must be written as \\# <length> <hex>"],
    ["A", "\\# 4 0102", "\\# says 4 bytes but the hex has 2"],
    ["A", "\\# 5 0102030405", "extra input data: A wire data is longer than its fields"],
    ["MX", "\\# 3 000a05", "MX wire data is too short"],
    ["PTR", "_x", undefined],
    ["HTTPS", "1 . alpn=h2 alpn=h3", "duplicate SvcParamKey 'alpn'"],
    ["HTTPS", "1 . no-default-alpn", "no-default-alpn is only allowed together with alpn"],
    ["HTTPS", "1 . port=70000", "port 70000 is out of range"],
    ["HTTPS", "1 . port", "SvcParam port needs a value"],
    ["HTTPS", "1 . alpn=h2,", "alpn 'h2,' has an empty or over-long id"],
    ["HTTPS", "1 . ipv4hint=192.0.2.1,,192.0.2.2", "SvcParam ipv4hint has an empty item"],
    ["HTTPS", "1 . ipv6hint=1::2::3", "bad IPv6 address '1::2::3' in ipv6hint"],
    ["HTTPS", "1 . ech=AEX", "bad base64 encoding in ech: 'AEX'"],
    ["HTTPS", "1 . mandatory=mandatory,alpn alpn=h2", "mandatory cannot list itself"],
    ["HTTPS", "1 . mandatory=alpn,alpn alpn=h2", "mandatory lists a key twice"],
    ["HTTPS", "1 . KEY1=h2", "unknown SvcParamKey 'KEY1'"],
    ["HTTPS", "1 . key01=h2", "unknown SvcParamKey 'key01'"],
    ["HTTPS", "1 . key65536=x", "unknown SvcParamKey 'key65536'"],
    ["HTTPS", '1 . "alpn=h2"', 'unexpected quoted string "alpn=h2": write key="value"'],
    ["HTTPS", '1 . key65280="x"y', "syntax error near 'y'"],
    ["HTTPS", "1 . dohpath=/q", "dohpath '/q' must be a URI template with the dns variable"],
    ["HTTPS", "1 . no-default-alpn=x alpn=h2", "SvcParam no-default-alpn takes no value"],
    [
      "HTTPS",
      "1 _svc.example.com.",
      "bad name (check-names): '_svc.example.com.', the target of the HTTPS record, is not a host name",
    ],
  ])("%s %s is refused: %s", (type, text, message) => {
    if (message === undefined) {
      expect(parse(type, text)).toEqual({ target: "_x.example.com" });
      return;
    }
    expect(() => parse(type, text)).toThrow(DnsDataError);
    expect(() => parse(type, text)).toThrow(message);
  });
});
