/**
 * What WEDOS DNS accepts, declared as data with the reference each fact rests on (DNSControl's
 * auditrecords.go pattern). Source: docs/reference/wapi.md#zone-data-rules, with #ttl-errors-and-mixed-ttl-sets and
 * #unverified-record-types; last reviewed against those facts on 2026-11-21.
 */
/** The name servers WEDOS serves every zone from (docs/reference/wapi.md#no-ns-at-the-apex, dns-domain-info `ns`). */
export const WEDOS_NAMESERVERS = ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"] as const;

/**
 * The SOA WEDOS writes for every zone (docs/reference/wapi.md#soa-belongs-to-wedos, dns-domain-info): the same
 * values for each; only the serial is the zone's own, raised by WEDOS at each commit.
 */
export const WEDOS_SOA = {
  mname: "ns.wedos.net",
  rname: "wedos.wedos.com",
  refresh: 3600,
  retry: 1800,
  expire: 2_592_000,
  minimum: 3600,
} as const;

export const WEDOS_CAPABILITIES = {
  /**
   * Record types confirmed in client code (docs/reference/wapi.md#record-types); anything else is unverified
   * (docs/reference/wapi.md#unverified-record-types).
   */
  supportedTypes: ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "SSHFP", "TLSA", "CAA"],
  /** Types DNSSEC signing produces; they belong to the signer, not to a copy at WEDOS. */
  dnssecTypes: ["DS", "DNSKEY", "RRSIG", "NSEC", "NSEC3", "NSEC3PARAM", "CDS", "CDNSKEY"],
  /** docs/reference/wapi.md#ttl-range: libdns's README; lego, posh, certbot and acme.sh use 300 as the minimum. */
  minTtl: 300,
  maxTtl: 172_800,
} as const;
