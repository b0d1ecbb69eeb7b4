/**
 * The server as a stub resolver sees it: Node's own dns.promises.Resolver (c-ares) pointed at 127.0.0.1, which
 * also exercises the TC → TCP retry that real clients do.
 */
import { Resolver } from "node:dns/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDnsServer, type DnsServer } from "../../../src/simulator/dns/index.js";
import { BIG_TEXTS, LONG_TEXT, WEDOS_NAMESERVERS, zoneSource } from "./fixtures.js";

let server: DnsServer;
let resolver: Resolver;

beforeAll(async () => {
  server = await startDnsServer({ port: 0, source: zoneSource() });
  resolver = new Resolver({ timeout: 5000, tries: 1 });
  resolver.setServers([`127.0.0.1:${server.port}`]);
});

afterAll(async () => {
  resolver.cancel();
  await server.close();
});

describe("DNS server through Node's resolver", () => {
  it.each([
    ["A", () => resolver.resolve4("example.com"), ["192.0.2.10"]],
    ["AAAA", () => resolver.resolve6("example.com"), ["2001:db8::10"]],
    ["CNAME", () => resolver.resolveCname("www.example.com"), ["example.com"]],
    [
      "MX",
      () => resolver.resolveMx("example.com"),
      [
        { exchange: "mail.example.com", priority: 10 },
        { exchange: "mx.example.net", priority: 20 },
      ],
    ],
    ["TXT", () => resolver.resolveTxt("example.com"), [["v=spf1 include:_spf.wedos.com ~all"]]],
    [
      "SRV",
      () => resolver.resolveSrv("_sip._tcp.example.com"),
      [{ name: "sip.example.com", port: 5060, priority: 10, weight: 60 }],
    ],
    [
      "CAA",
      () => resolver.resolveCaa("example.com"),
      [
        { critical: 0, issue: "letsencrypt.org" },
        { critical: 0, iodef: "mailto:hostmaster@example.com" },
      ],
    ],
    ["NS", () => resolver.resolveNs("example.com"), WEDOS_NAMESERVERS],
    [
      "SOA",
      () => resolver.resolveSoa("example.com"),
      {
        nsname: "ns.wedos.net",
        hostmaster: "wedos.wedos.com",
        serial: 2024060101,
        refresh: 10800,
        retry: 3600,
        expire: 1209600,
        minttl: 300,
      },
    ],
    ["A through a CNAME", () => resolver.resolve4("www.example.com"), ["192.0.2.10"]],
    ["A through a CNAME into another zone", () => resolver.resolve4("shop.example.com"), ["198.51.100.7"]],
    ["A from a wildcard", () => resolver.resolve4("whatever.wild.example.com"), ["192.0.2.40"]],
    ["A asked in mixed case", () => resolver.resolve4("MAIL.Example.COM"), ["192.0.2.25"]],
  ])("%s", async (_, lookup, expected) => {
    expect(await lookup()).toEqual(expected);
  });

  it("serves a TXT over 255 bytes as character-strings that rejoin to the original", async () => {
    const [chunks] = await resolver.resolveTxt("long.example.com");
    expect(chunks?.map((chunk) => chunk.length)).toEqual([255, 255, 90]);
    expect(chunks?.join("")).toBe(LONG_TEXT);
  });

  it("delivers a set too big for UDP after the client retries over TCP", async () => {
    const texts = await resolver.resolveTxt("big.example.com");
    expect(texts.map((chunks) => chunks.join("")).sort()).toEqual([...BIG_TEXTS].sort());
  });

  it.each([
    ["NXDOMAIN", () => resolver.resolve4("nope.example.com"), "ENOTFOUND"],
    ["NXDOMAIN at the end of a CNAME", () => resolver.resolve4("dangling.example.com"), "ENOTFOUND"],
    ["NODATA", () => resolver.resolve6("mail.example.com"), "ENODATA"],
    ["NODATA at an empty non-terminal", () => resolver.resolve4("deep.example.com"), "ENODATA"],
    ["REFUSED for a zone we do not hold", () => resolver.resolve4("example.edu"), "EREFUSED"],
  ])("%s", async (_, lookup, code) => {
    await expect(lookup()).rejects.toMatchObject({ code });
  });
});
