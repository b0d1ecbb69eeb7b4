/**
 * The committed ("published") view of a simulated WEDOS zone: what WEDOS's name servers would answer.
 * Uncommitted changes never appear here. Produced by the simulator's state, consumed by its DNS server.
 */
export interface PublishedRow {
  /** Relative to the zone, lower case, "" for the apex, "*" or "*.sub" for wildcards. */
  name: string;
  /** Upper-case record type, e.g. "A", "MX". */
  type: string;
  ttl: number;
  /** WEDOS row data: host names absolute without a trailing dot, MX "pref host", TXT bare text. */
  rdata: string;
}

export interface PublishedZone {
  /** Zone apex, lower case, no trailing dot. */
  name: string;
  serial: number;
  /** SOA contact in WEDOS's form, e.g. "wedos.wedos.com". */
  rname: string;
  /** SOA primary name server, e.g. "ns.wedos.net". */
  mname: string;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
  /** The apex NS set WEDOS manages, e.g. ["ns.wedos.net", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.com"]. */
  nameservers: string[];
  rows: PublishedRow[];
}

export interface PublishedZoneSource {
  /** Every zone as last committed, evaluated at call time (autocommit included). */
  publishedZones(): Iterable<PublishedZone>;
}
