import { describe, expect, test } from "vitest";
import { rdataWireLength } from "../../src/dns/rdata-length.js";
import { parseRdata } from "../../src/dns/rdata-text.js";
import type { DnsRecord, GenericType, ModelledType } from "../../src/dns/record.js";
import { tokenizeValue } from "../../src/dns/tokenizer.js";

const origin = ["example", "com"];
/** The record of `type` read from its RFC 3597 form: the length the `\#` form states is the wire length. */
const fromWire = (type: string, hex: string) => {
  const length = hex.replace(/ /g, "").length / 2;
  const data = parseRdata(type as ModelledType | GenericType, tokenizeValue(`\\# ${length} ${hex}`), {
    origin,
    owner: ["x", ...origin],
    warn: () => undefined,
  });
  return { record: { name: "x.example.com", type, ttl: 300, data } as DnsRecord, length };
};

const WWW = "03777777076578616d706c6503636f6d00";
const SVC = "03737663076578616d706c6503636f6d00";

describe("rdataWireLength is the length of the data in wire form", () => {
  test.each([
    ["A", "c0000201"],
    ["AAAA", "20010db8000000000000000000000001"],
    ["CNAME", WWW],
    ["CNAME", "03612e62076578616d706c6503636f6d00"], // a\.b.example.com: a label holding a dot
    ["NS", "036e7331076578616d706c6503636f6d00"],
    ["PTR", WWW],
    ["MX", `000a 046d61696c076578616d706c6503636f6d00`],
    ["SRV", `0001 0002 13c4 03736970076578616d706c6503636f6d00`],
    ["TXT", "026869 00 03616263"],
    ["SPF", "0b763d73706631202d616c6c"],
    ["CAA", "0005 697373756561 2e6f7267"],
    ["TLSA", "030101 abcd"],
    ["SSHFP", "0909 abcdef"],
    ["DS", "0001 08 09 abcd"],
    ["SOA", `036e7331076578616d706c6503636f6d00 0168076578616d706c6503636f6d00 ${"00000001".repeat(5)}`],
    ["HTTPS", "0001 00 0001 0006 026832 026833"],
    ["SVCB", `0001 ${SVC} 0000 0002 0001 0001 0003 026832 0003 0002 20fb 0004 0004 c0000201`],
    ["NAPTR", "0064 000a 0155 074532552b736970 00 00"],
    ["TYPE65280", "abcd"],
  ])("%s %s", (type, hex) => {
    const { record, length } = fromWire(type, hex);
    expect(rdataWireLength(record)).toBe(length);
  });
});
