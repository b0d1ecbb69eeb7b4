import { isModelledType, type ModelledType } from "./record.js";

/**
 * Record type names and numbers as BIND 9.18 knows them. A zone file may name a type by mnemonic or as `TYPEnnn`;
 * BIND prints a type it knows by its mnemonic, so `TYPE1 \# 4 0A000001` is an A record. We model the types in
 * record.ts; a type BIND knows but we do not model is refused (we could not print it as BIND does); a type BIND
 * does not know is carried as RFC 3597 generic data.
 */
const KNOWN_TYPES: Readonly<Record<string, number>> = {
  A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, WKS: 11, PTR: 12, HINFO: 13,
  MINFO: 14, MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, NSAP: 22, "NSAP-PTR": 23, SIG: 24,
  KEY: 25, PX: 26, GPOS: 27, AAAA: 28, LOC: 29, NXT: 30, EID: 31, NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35,
  KX: 36, CERT: 37, A6: 38, DNAME: 39, SINK: 40, OPT: 41, APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46,
  NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50, NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56,
  RKEY: 57, TALINK: 58, CDS: 59, CDNSKEY: 60, OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65,
  DSYNC: 66, HHIT: 67, BRID: 68, SPF: 99, UINFO: 100, UID: 101, GID: 102, UNSPEC: 103, NID: 104, L32: 105,
  L64: 106, LP: 107, EUI48: 108, EUI64: 109, TKEY: 249, TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254,
  URI: 256, CAA: 257, AVC: 258, DOA: 259, AMTRELAY: 260, RESINFO: 261, WALLET: 262, TA: 32768, DLV: 32769,
};

const NAME_BY_CODE = new Map(Object.entries(KNOWN_TYPES).map(([name, code]) => [code, name]));

/** What a type token in a zone file stands for. */
export type TypeLookup =
  | { kind: "modelled"; type: ModelledType }
  | { kind: "generic"; type: `TYPE${number}`; code: number }
  | { kind: "unmodelled"; type: string; code: number }
  | { kind: "meta"; type: string }
  | { kind: "unknown" };

/**
 * Resolves a type token (`mx`, `TYPE15`, `TYPE65280`) case-insensitively. Meta types (OPT, 128–255: AXFR, ANY…)
 * cannot appear in zone data.
 */
export function lookupType(token: string): TypeLookup {
  const upper = token.toUpperCase();
  const numeric = /^TYPE(\d{1,5})$/.exec(upper);
  const code = numeric?.[1] !== undefined ? Number(numeric[1]) : KNOWN_TYPES[upper];
  if (code === undefined || code > 0xffff) return { kind: "unknown" };
  const name = NAME_BY_CODE.get(code);
  if (code === 41 || (code >= 128 && code <= 255)) return { kind: "meta", type: name ?? `TYPE${code}` };
  if (name === undefined) return code === 0 ? { kind: "unknown" } : { kind: "generic", type: `TYPE${code}`, code };
  if (isModelledType(name)) return { kind: "modelled", type: name };
  return { kind: "unmodelled", type: name, code };
}
