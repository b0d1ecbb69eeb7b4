/**
 * What WEDOS DNS accepts, declared as data with the reference each fact rests on (DNSControl's
 * auditrecords.go pattern). Source: ../shared/reference/wapi-protocol.md §11 and §14 (#8, #17);
 * last reviewed against the reference on 2026-11-21.
 */
/** The name servers WEDOS serves every zone from (wapi-protocol.md §11.3, dns-domain-info `ns`). */
export const WEDOS_NAMESERVERS = ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"] as const;

export const WEDOS_CAPABILITIES = {
  /** Record types confirmed in client code (§11 "Record types"); anything else is unverified (§14 #17). */
  supportedTypes: ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "SSHFP", "TLSA", "CAA"],
  /** Types DNSSEC signing produces; they belong to the signer, not to a copy at WEDOS. */
  dnssecTypes: ["DS", "DNSKEY", "RRSIG", "NSEC", "NSEC3", "NSEC3PARAM", "CDS", "CDNSKEY"],
  /** §11 "TTL": libdns README; lego, posh, certbot and acme.sh use 300 as the minimum. */
  minTtl: 300,
  maxTtl: 172_800,
} as const;
