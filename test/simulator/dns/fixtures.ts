/**
 * Literal published zones for the DNS server tests, and a PublishedZoneSource that serves them. Each row is there
 * for a test; the comment says which behaviour it exercises.
 */
import type { PublishedRow, PublishedZone, PublishedZoneSource } from "../../../src/simulator/published-zone.js";

export const WEDOS_NAMESERVERS = ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"];
export const TLSA_HASH = "8cb0fc6c527506a053f4f14c8464bebbd6dede2738d11468dd953d7d6a3021f1";
export const SSHFP_HASH = "123456789abcdef67890123456789abcdef67890123456789abcdef123456789";
/** 600 bytes: three character-strings on the wire (255 + 255 + 90). */
export const LONG_TEXT = `v=DKIM1; k=rsa; p=${"A".repeat(582)}`;
/** Fourteen 150-byte texts: about 2.3 KB, over both 512 and c-ares's 1232-byte EDNS size, under 4096. */
export const BIG_TEXTS = Array.from({ length: 14 }, (_, i) => `${String(i).padStart(2, "0")}-${"x".repeat(147)}`);

const row = (name: string, type: string, rdata: string, ttl = 300): PublishedRow => ({ name, type, ttl, rdata });

/** A zone with WEDOS's usual SOA timers. */
export function zone(name: string, rows: PublishedRow[], serial = 2024060101): PublishedZone {
  return {
    name,
    serial,
    rname: "wedos.wedos.com",
    mname: "ns.wedos.net",
    refresh: 10800,
    retry: 3600,
    expire: 1209600,
    minimum: 300,
    nameservers: WEDOS_NAMESERVERS,
    rows,
  };
}

export const EXAMPLE_COM = zone("example.com", [
  row("", "A", "192.0.2.10"),
  row("", "AAAA", "2001:db8::10"),
  row("", "MX", "10 mail.example.com", 3600),
  row("", "MX", "20 mx.example.net", 3600),
  row("", "TXT", "v=spf1 include:_spf.wedos.com ~all"),
  row("", "CAA", '0 issue "letsencrypt.org"'),
  row("", "CAA", '0 iodef "mailto:hostmaster@example.com"'),
  row("mail", "A", "192.0.2.25"),
  row("www", "CNAME", "example.com"), // chased inside the zone
  row("shop", "CNAME", "shop.example.net"), // chased into another zone the source holds
  row("ext", "CNAME", "cdn.elsewhere.org"), // leaves our zones: the chain stops at the CNAME
  row("dangling", "CNAME", "nothing.example.com"), // ends in NXDOMAIN
  row("loop1", "CNAME", "loop2.example.com"),
  row("loop2", "CNAME", "loop1.example.com"),
  row("_sip._tcp", "SRV", "10 60 5060 sip.example.com"),
  row("_443._tcp.mail", "TLSA", `3 1 1 ${TLSA_HASH}`),
  row("host", "SSHFP", `4 2 ${SSHFP_HASH}`),
  row("long", "TXT", LONG_TEXT),
  ...BIG_TEXTS.map((text) => row("big", "TXT", text)),
  row("a.b.deep", "A", "192.0.2.30"), // b.deep and deep are empty non-terminals
  row("*.wild", "A", "192.0.2.40"),
  row("*.wild", "TXT", "from the wildcard"),
  row("sub.wild", "TXT", "a real name blocks the wildcard"),
  row("*.cn", "CNAME", "mail.example.com"), // a wildcard CNAME is chased too
  row("dept", "NS", "ns1.dept.example.com"), // delegation with in-zone glue ...
  row("dept", "NS", "ns2.example.net"), // ... and an out-of-zone server (no glue from this zone)
  row("ns1.dept", "A", "192.0.2.53"),
  row("ns1.dept", "AAAA", "2001:db8::53"),
  row("www.dept", "A", "192.0.2.99"), // occluded by the delegation: never answered
]);

export const EXAMPLE_NET = zone("example.net", [row("shop", "A", "198.51.100.7"), row("ns2", "A", "198.51.100.53")]);

/** A parent and a child zone both held: the longest suffix wins. */
export const EXAMPLE_ORG = zone("example.org", [row("www.deep", "A", "203.0.113.1")], 11);
export const DEEP_EXAMPLE_ORG = zone("deep.example.org", [row("www", "A", "203.0.113.2")], 22);

export const ALL_ZONES = [EXAMPLE_COM, EXAMPLE_NET, EXAMPLE_ORG, DEEP_EXAMPLE_ORG];

/** A source over a mutable list, so a test can "commit" by pushing a zone. */
export function zoneSource(zones: PublishedZone[] = [...ALL_ZONES]): PublishedZoneSource & { zones: PublishedZone[] } {
  return { zones, publishedZones: () => zones };
}
