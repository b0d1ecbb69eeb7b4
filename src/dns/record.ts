import type { KnownTypeName } from "./type-names.js";

/**
 * The one canonical record model of the plugin. Every reader (zone file, `dns_write_post` environment, WEDOS rows)
 * produces it and every writer consumes it, so two records that mean the same thing are equal as data.
 *
 * Names are absolute, ASCII lower-case, IDN in punycode and written without the trailing dot ("" is the root);
 * characters BIND escapes in names keep BIND's escape (`a\@b.example.com`). Only normalise.ts builds such names.
 */

/** An IPv4 address in dotted-quad form, no leading zeros. */
export interface AData {
  address: string;
}

/** An IPv6 address in the compressed lower-case form BIND prints (glibc `inet_ntop`, e.g. `2001:db8::1`). */
export interface AaaaData {
  address: string;
}

/** CNAME, NS and PTR: one host name. */
export interface TargetData {
  target: string;
}

export interface MxData {
  preference: number;
  exchange: string;
}

export interface SrvData {
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/**
 * TXT and SPF: the character-strings in order. Each is a JS string of bytes 0–255 (one char per byte, "latin1"),
 * so any byte survives, including bytes that are not UTF-8.
 */
export interface TxtData {
  strings: string[];
}

/** CAA; `value` is bytes as in {@link TxtData}, `tag` keeps its case (BIND does). */
export interface CaaData {
  flags: number;
  tag: string;
  value: string;
}

/** TLSA; `data` is lower-case hex. */
export interface TlsaData {
  usage: number;
  selector: number;
  matchingType: number;
  data: string;
}

/** SSHFP; `fingerprint` is lower-case hex (may be empty for unknown fingerprint types, as BIND allows). */
export interface SshfpData {
  algorithm: number;
  fingerprintType: number;
  fingerprint: string;
}

/** DS; `digest` is lower-case hex. */
export interface DsData {
  keyTag: number;
  algorithm: number;
  digestType: number;
  digest: string;
}

export interface SoaData {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

/** SVCB and HTTPS; `params` is the SvcParams in the canonical presentation form BIND prints ("" for none). */
export interface SvcbData {
  priority: number;
  target: string;
  params: string;
}

/**
 * Any other type, as RFC 3597 opaque data: lower-case hex of the rdata in wire form ("" for an empty rdata), kept
 * exactly as the zone file gave it (names in it keep their case).
 */
export interface GenericData {
  hex: string;
}

/** Record data by type; the generic form is keyed by the `TYPEnnn` name. */
export interface RecordDataByType {
  A: AData;
  AAAA: AaaaData;
  CNAME: TargetData;
  NS: TargetData;
  PTR: TargetData;
  MX: MxData;
  SRV: SrvData;
  TXT: TxtData;
  SPF: TxtData;
  CAA: CaaData;
  TLSA: TlsaData;
  SSHFP: SshfpData;
  DS: DsData;
  SOA: SoaData;
  SVCB: SvcbData;
  HTTPS: SvcbData;
}

/** The types with a typed model; anything else is carried as RFC 3597 data (`TYPE65280`, `NAPTR`). */
export type ModelledType = keyof RecordDataByType;

/** A type unknown to BIND, written `TYPEnnn` and carried as RFC 3597 data. */
export type GenericType = `TYPE${number}`;

/** Meta types (RFC 6895 §3.1): queries and transfers, never zone data. */
type MetaType = "OPT" | "TKEY" | "TSIG" | "IXFR" | "AXFR" | "MAILB" | "MAILA";

/**
 * A type BIND knows that has no typed model here (NAPTR, HINFO, DNSKEY, …): carried as RFC 3597 data under its
 * mnemonic, printed as BIND prints it where foreign-rdata.ts has its field layout (docs/decisions/0017).
 */
export type ForeignType = Exclude<KnownTypeName, ModelledType | MetaType>;

interface RecordOf<T extends string, D> {
  /** Absolute owner name, no trailing dot (the zone apex is the zone name itself). */
  name: string;
  /** Upper-case type mnemonic. */
  type: T;
  /** Seconds, 0..2^31-1. */
  ttl: number;
  data: D;
}

/** One DNS record in canonical form; `type` discriminates `data`. */
export type DnsRecord =
  | { [T in ModelledType]: RecordOf<T, RecordDataByType[T]> }[ModelledType]
  | RecordOf<GenericType | ForeignType, GenericData>;

/** The data of any record. */
export type RecordData = DnsRecord["data"];

/** The modelled types, in the order the readers know them. */
export const MODELLED_TYPES: readonly ModelledType[] = [
  "A",
  "AAAA",
  "CNAME",
  "NS",
  "PTR",
  "MX",
  "SRV",
  "TXT",
  "SPF",
  "CAA",
  "TLSA",
  "SSHFP",
  "DS",
  "SOA",
  "SVCB",
  "HTTPS",
];

/** Whether an upper-case type name has a typed model. */
export function isModelledType(type: string): type is ModelledType {
  return (MODELLED_TYPES as readonly string[]).includes(type);
}

/** The largest TTL BIND keeps (RFC 2181 §8). */
export const MAX_TTL = 0x7fff_ffff;
