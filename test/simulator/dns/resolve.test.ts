import { describe, expect, it } from "vitest";
import type { Question, RecordType } from "dns-packet";
import { resolveQuestion, type Resolution } from "../../../src/simulator/dns/resolve.js";
import type { RecordAnswer } from "../../../src/simulator/dns/rdata.js";
import { ALL_ZONES, EXAMPLE_COM, zone } from "./fixtures.js";

/** One record as "owner TYPE data ttl", short enough to read in a table. */
function show(record: RecordAnswer): string {
  const data = record.data;
  const text =
    typeof data === "string"
      ? data
      : Buffer.isBuffer(data)
        ? data.toString("hex")
        : Array.isArray(data)
          ? data.map(String).join("")
          : record.type === "SOA"
            ? `${record.data.mname} ${record.data.serial}`
            : record.type === "MX"
              ? `${record.data.preference} ${record.data.exchange}`
              : JSON.stringify(data);
  return `${record.name} ${record.type} ${text} ${record.ttl}`;
}

/** dns-packet decodes qtype 255 as "ANY" but leaves it out of RecordType. */
type QueryType = RecordType | "ANY";

function ask(name: string, type: QueryType, extra: Partial<Question> = {}) {
  const result: Resolution = resolveQuestion({ name, type: type as RecordType, class: "IN", ...extra }, ALL_ZONES);
  return {
    rcode: result.rcode,
    aa: result.authoritative,
    answers: result.answers.map(show),
    authorities: result.authorities.map(show),
    additionals: result.additionals.map(show),
  };
}

const COM_NEGATIVE = ["example.com SOA ns.wedos.net 2024060101 300"];
const none: string[] = [];

describe("resolveQuestion", () => {
  it.each([
    ["apex A", "example.com", "A", 0, true, ["example.com A 192.0.2.10 300"], none],
    [
      "apex MX in row order",
      "example.com",
      "MX",
      0,
      true,
      ["example.com MX 10 mail.example.com 3600", "example.com MX 20 mx.example.net 3600"],
      none,
    ],
    ["apex SOA from the zone", "example.com", "SOA", 0, true, ["example.com SOA ns.wedos.net 2024060101 3600"], none],
    [
      "CNAME chased in the zone",
      "www.example.com",
      "A",
      0,
      true,
      ["www.example.com CNAME example.com 300", "example.com A 192.0.2.10 300"],
      none,
    ],
    [
      "CNAME asked for itself is not chased",
      "www.example.com",
      "CNAME",
      0,
      true,
      ["www.example.com CNAME example.com 300"],
      none,
    ],
    [
      "CNAME chased into another zone",
      "shop.example.com",
      "A",
      0,
      true,
      ["shop.example.com CNAME shop.example.net 300", "shop.example.net A 198.51.100.7 300"],
      none,
    ],
    [
      "CNAME leaving our zones stops",
      "ext.example.com",
      "A",
      0,
      true,
      ["ext.example.com CNAME cdn.elsewhere.org 300"],
      none,
    ],
    [
      "CNAME loop stops after one round",
      "loop1.example.com",
      "A",
      0,
      true,
      ["loop1.example.com CNAME loop2.example.com 300", "loop2.example.com CNAME loop1.example.com 300"],
      none,
    ],
    [
      "CNAME to nothing is NXDOMAIN (RFC 6604)",
      "dangling.example.com",
      "A",
      3,
      true,
      ["dangling.example.com CNAME nothing.example.com 300"],
      COM_NEGATIVE,
    ],
    ["NODATA at an existing name", "mail.example.com", "AAAA", 0, true, none, COM_NEGATIVE],
    ["NODATA at an empty non-terminal", "b.deep.example.com", "A", 0, true, none, COM_NEGATIVE],
    ["NXDOMAIN below an empty non-terminal", "c.b.deep.example.com", "A", 3, true, none, COM_NEGATIVE],
    ["NXDOMAIN", "nope.example.com", "A", 3, true, none, COM_NEGATIVE],
    [
      "wildcard owner is the query name",
      "anything.wild.example.com",
      "A",
      0,
      true,
      ["anything.wild.example.com A 192.0.2.40 300"],
      none,
    ],
    ["wildcard NODATA", "anything.wild.example.com", "MX", 0, true, none, COM_NEGATIVE],
    ["wildcard does not cover an existing name", "sub.wild.example.com", "A", 0, true, none, COM_NEGATIVE],
    ["wildcard does not reach below an existing name", "x.sub.wild.example.com", "A", 3, true, none, COM_NEGATIVE],
    [
      "wildcard matches several labels down",
      "a.b.wild.example.com",
      "A",
      0,
      true,
      ["a.b.wild.example.com A 192.0.2.40 300"],
      none,
    ],
    [
      "wildcard CNAME is chased",
      "x.cn.example.com",
      "A",
      0,
      true,
      ["x.cn.example.com CNAME mail.example.com 300", "mail.example.com A 192.0.2.25 300"],
      none,
    ],
    [
      "ANY gives one record set (RFC 8482)",
      "example.com",
      "ANY",
      0,
      true,
      ["example.com SOA ns.wedos.net 2024060101 3600"],
      none,
    ],
    [
      "ANY at a CNAME gives the CNAME",
      "www.example.com",
      "ANY",
      0,
      true,
      ["www.example.com CNAME example.com 300"],
      none,
    ],
    ["DS at a cut is the parent's NODATA", "dept.example.com", "DS", 0, true, none, COM_NEGATIVE],
    [
      "client spelling kept, lookup case-blind",
      "MaIl.ExAmPlE.cOm",
      "A",
      0,
      true,
      ["MaIl.ExAmPlE.cOm A 192.0.2.25 300"],
      none,
    ],
    [
      "longest suffix picks the child zone",
      "www.deep.example.org",
      "A",
      0,
      true,
      ["www.deep.example.org A 203.0.113.2 300"],
      none,
    ],
    [
      "child zone's SOA for its negative answers",
      "x.deep.example.org",
      "A",
      3,
      true,
      none,
      ["deep.example.org SOA ns.wedos.net 22 300"],
    ],
  ] as const)("%s", (_, name, type, rcode, aa, answers, authorities) => {
    const result = ask(name, type);
    expect(result).toEqual({ rcode, aa, answers, authorities, additionals: result.additionals });
    if (rcode !== 0 || answers.length === 0) expect(result.additionals).toEqual([]);
  });

  it("synthesises the apex NS set from the zone's WEDOS name servers", () => {
    expect(ask("example.com", "NS").answers).toEqual([
      "example.com NS ns.wedos.net 3600",
      "example.com NS ns.wedos.cz 3600",
      "example.com NS ns.wedos.eu 3600",
      "example.com NS ns.wedos.com 3600",
    ]);
  });

  it.each([
    ["the cut itself", "dept.example.com", "NS"],
    ["a name below the cut", "www.dept.example.com", "A"],
    ["the glue name", "ns1.dept.example.com", "A"],
  ] as const)("refers %s to the child with glue, not authoritatively", (_, name, type) => {
    expect(ask(name, type)).toEqual({
      rcode: 0,
      aa: false,
      answers: [],
      authorities: ["dept.example.com NS ns1.dept.example.com 300", "dept.example.com NS ns2.example.net 300"],
      additionals: ["ns1.dept.example.com A 192.0.2.53 300", "ns1.dept.example.com AAAA 2001:db8::53 300"],
    });
  });

  it.each([
    ["a foreign zone", "example.edu", "A", {}],
    ["a name that only ends like ours", "notexample.com", "A", {}],
    ["class CH", "example.com", "TXT", { class: "CH" }],
    ["a zone transfer", "example.com", "AXFR", {}],
  ] as const)("refuses %s, without AA", (_, name, type, extra) => {
    expect(ask(name, type, extra)).toEqual({ rcode: 5, aa: false, answers: [], authorities: [], additionals: [] });
  });

  it("serves the lowest TTL when rows of one set disagree (RFC 2181 §5.2)", () => {
    const mixed = zone("ttl.test", [
      { name: "", type: "A", ttl: 600, rdata: "192.0.2.1" },
      { name: "", type: "A", ttl: 300, rdata: "192.0.2.2" },
    ]);
    const result = resolveQuestion({ name: "ttl.test", type: "A" }, [mixed]);
    expect(result.answers.map((record) => record.ttl)).toEqual([300, 300]);
  });

  it("ignores apex NS and SOA rows: WEDOS manages those", () => {
    const claimed = zone("claim.test", [{ name: "", type: "NS", ttl: 300, rdata: "ns.elsewhere.org" }]);
    const result = resolveQuestion({ name: "claim.test", type: "NS" }, [claimed]);
    expect(result.answers.map((record) => record.data)).toEqual(claimed.nameservers);
  });

  it("throws with the row when the zone cannot be encoded", () => {
    const broken = zone("broken.test", [{ name: "x", type: "A", ttl: 300, rdata: "not-an-ip" }]);
    expect(() => resolveQuestion({ name: "broken.test", type: "A" }, [broken])).toThrow(
      'A rdata "not-an-ip" at "x.broken.test": not an IPv4 address',
    );
  });

  it("reads the long TXT back as one text", () => {
    const result = resolveQuestion({ name: "long.example.com", type: "TXT" }, [EXAMPLE_COM]);
    const data = result.answers[0]?.data as Buffer[];
    expect(data.map((chunk) => chunk.length)).toEqual([255, 255, 90]);
  });
});
