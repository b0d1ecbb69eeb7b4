import { describe, expect, it } from "vitest";
import { splitText, toAnswer } from "../../../src/simulator/dns/rdata.js";

describe("toAnswer", () => {
  it.each([
    ["A", "192.0.2.1", "192.0.2.1"],
    ["AAAA", "2001:db8::1", "2001:db8::1"],
    ["CNAME", "target.example.com", "target.example.com"],
    ["NS", "ns1.example.net", "ns1.example.net"],
    ["MX", "10 mail.example.com", { preference: 10, exchange: "mail.example.com" }],
    ["MX", "0 .", { preference: 0, exchange: "." }], // null MX, RFC 7505
    ["SRV", "10 60 5060 sip.example.com", { priority: 10, weight: 60, port: 5060, target: "sip.example.com" }],
    ["TXT", " spaced text ", [Buffer.from(" spaced text ")]],
    ["TXT", "", [Buffer.alloc(0)]],
    ["CAA", '0 issue "letsencrypt.org"', { flags: 0, tag: "issue", value: "letsencrypt.org" }],
    ["CAA", '128 iodef "mailto:a@example.com"', { flags: 128, tag: "iodef", value: "mailto:a@example.com" }],
    ["CAA", '0 issue "ca.example; account=\\"x\\""', { flags: 0, tag: "issue", value: 'ca.example; account="x"' }],
    ["CAA", "0 issuewild ;", { flags: 0, tag: "issuewild", value: ";" }],
    [
      "SSHFP",
      "1 1 0123456789abcdef0123456789abcdef01234567",
      { algorithm: 1, hash: 1, fingerprint: "0123456789abcdef0123456789abcdef01234567" },
    ],
    [
      "SSHFP",
      `4 2 ${"AB".repeat(16)} ${"cd".repeat(16)}`,
      { algorithm: 4, hash: 2, fingerprint: `${"ab".repeat(16)}${"cd".repeat(16)}` },
    ],
    ["TLSA", "3 1 1 00ff10", { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from([0, 255, 16]) }],
  ])("%s %j", (type, rdata, data) => {
    expect(toAnswer("x.example.com", type, 600, rdata)).toEqual({
      name: "x.example.com",
      type,
      ttl: 600,
      class: "IN",
      data,
    });
  });

  it.each([
    ["A", "192.0.2", 'A rdata "192.0.2" at "x.example.com": not an IPv4 address'],
    ["AAAA", "192.0.2.1", 'AAAA rdata "192.0.2.1" at "x.example.com": not an IPv6 address'],
    ["CNAME", "", 'CNAME rdata "" at "x.example.com": missing host name'],
    [
      "CNAME",
      "a..example.com",
      'CNAME rdata "a..example.com" at "x.example.com": "a..example.com" is not a valid domain name (label of 0 bytes)',
    ],
    [
      "NS",
      `${"n".repeat(64)}.example.com`,
      `NS rdata "${"n".repeat(64)}.example.com" at "x.example.com": "${"n".repeat(64)}.example.com" is not a valid domain name (label of 64 bytes)`,
    ],
    ["MX", "mail.example.com", 'MX rdata "mail.example.com" at "x.example.com": expected 2 fields, got 1'],
    [
      "MX",
      "65536 mail.example.com",
      'MX rdata "65536 mail.example.com" at "x.example.com": "65536" is not a 16-bit number',
    ],
    ["SRV", "10 60 sip.example.com", 'SRV rdata "10 60 sip.example.com" at "x.example.com": expected 4 fields, got 3'],
    [
      "CAA",
      "issue letsencrypt.org",
      'CAA rdata "issue letsencrypt.org" at "x.example.com": expected `flags tag value`',
    ],
    ["CAA", '256 issue "x"', 'CAA rdata "256 issue "x"" at "x.example.com": "256" is not a 8-bit number'],
    ["SSHFP", "1 2 abcd", 'SSHFP rdata "1 2 abcd" at "x.example.com": fingerprint must be 32 bytes'],
    [
      "SSHFP",
      "1 3 abcd",
      'SSHFP rdata "1 3 abcd" at "x.example.com": fingerprint type must be 1 (SHA-1) or 2 (SHA-256)',
    ],
    ["TLSA", "3 1 1 abc", 'TLSA rdata "3 1 1 abc" at "x.example.com": expected an even number of hex digits'],
    ["TLSA", "3 1 1 zz", 'TLSA rdata "3 1 1 zz" at "x.example.com": expected an even number of hex digits'],
    [
      "PTR",
      "host.example.com",
      'PTR rdata "host.example.com" at "x.example.com": record type not served by the simulator',
    ],
  ])("rejects %s %j", (type, rdata, message) => {
    expect(() => toAnswer("x.example.com", type, 600, rdata)).toThrow(message);
  });
});

describe("splitText", () => {
  it.each([
    [0, [0]],
    [255, [255]],
    [256, [255, 1]],
    [600, [255, 255, 90]],
  ])("splits %i bytes into character-strings of %j bytes", (length, sizes) => {
    const text = "t".repeat(length);
    const chunks = splitText(text);
    expect(chunks.map((chunk) => chunk.length)).toEqual(sizes);
    expect(Buffer.concat(chunks).toString()).toBe(text);
  });

  it("counts bytes, not characters, so multi-byte text rejoins exactly", () => {
    const text = "ž".repeat(200); // 400 bytes
    const chunks = splitText(text);
    expect(chunks.map((chunk) => chunk.length)).toEqual([255, 145]);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text);
  });
});
