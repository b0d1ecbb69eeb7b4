/**
 * Record type names and numbers as BIND 9.18 knows them (lib/dns/rdata and its type table). A zone file may name a
 * type by mnemonic or as `TYPEnnn`; BIND prints a type it knows by its mnemonic.
 */
export const KNOWN_TYPES = {
  A: 1,
  NS: 2,
  MD: 3,
  MF: 4,
  CNAME: 5,
  SOA: 6,
  MB: 7,
  MG: 8,
  MR: 9,
  NULL: 10,
  WKS: 11,
  PTR: 12,
  HINFO: 13,
  MINFO: 14,
  MX: 15,
  TXT: 16,
  RP: 17,
  AFSDB: 18,
  X25: 19,
  ISDN: 20,
  RT: 21,
  NSAP: 22,
  "NSAP-PTR": 23,
  SIG: 24,
  KEY: 25,
  PX: 26,
  GPOS: 27,
  AAAA: 28,
  LOC: 29,
  NXT: 30,
  EID: 31,
  NIMLOC: 32,
  SRV: 33,
  ATMA: 34,
  NAPTR: 35,
  KX: 36,
  CERT: 37,
  A6: 38,
  DNAME: 39,
  SINK: 40,
  OPT: 41,
  APL: 42,
  DS: 43,
  SSHFP: 44,
  IPSECKEY: 45,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  DHCID: 49,
  NSEC3: 50,
  NSEC3PARAM: 51,
  TLSA: 52,
  SMIMEA: 53,
  HIP: 55,
  NINFO: 56,
  RKEY: 57,
  TALINK: 58,
  CDS: 59,
  CDNSKEY: 60,
  OPENPGPKEY: 61,
  CSYNC: 62,
  ZONEMD: 63,
  SVCB: 64,
  HTTPS: 65,
  DSYNC: 66,
  HHIT: 67,
  BRID: 68,
  SPF: 99,
  UINFO: 100,
  UID: 101,
  GID: 102,
  UNSPEC: 103,
  NID: 104,
  L32: 105,
  L64: 106,
  LP: 107,
  EUI48: 108,
  EUI64: 109,
  TKEY: 249,
  TSIG: 250,
  IXFR: 251,
  AXFR: 252,
  MAILB: 253,
  MAILA: 254,
  URI: 256,
  CAA: 257,
  AVC: 258,
  DOA: 259,
  AMTRELAY: 260,
  RESINFO: 261,
  WALLET: 262,
  TA: 32768,
  DLV: 32769,
} as const;

/** A type mnemonic BIND knows. */
export type KnownTypeName = keyof typeof KNOWN_TYPES;

const NAME_BY_CODE = new Map<number, KnownTypeName>(
  Object.entries(KNOWN_TYPES).map(([name, code]) => [code, name as KnownTypeName]),
);

/** The mnemonic of a type number, or undefined when BIND does not know the number. */
export function typeNameOfCode(code: number): KnownTypeName | undefined {
  return NAME_BY_CODE.get(code);
}

/** The number of a mnemonic (any case) or of `TYPEnnn`, or undefined. */
export function typeCodeOfName(text: string): number | undefined {
  const upper = text.toUpperCase();
  const numeric = /^TYPE(\d{1,5})$/.exec(upper);
  if (numeric?.[1] !== undefined) return Number(numeric[1]) <= 0xffff ? Number(numeric[1]) : undefined;
  return (KNOWN_TYPES as Readonly<Record<string, number>>)[upper];
}

/** How BIND writes a type number: its mnemonic, or `TYPEnnn`. */
export function typeText(code: number): string {
  return typeNameOfCode(code) ?? `TYPE${code}`;
}
