import { DnsDataError } from "./errors.js";
import { parseUint } from "./text-codec.js";

/** The DNSSEC mnemonics BIND reads in DS-like and key records (lib/dns/rcode.c), and the lengths it enforces. */

export const SECALG: Readonly<Record<string, number>> = {
  RSAMD5: 1,
  DH: 2,
  DSA: 3,
  RSASHA1: 5,
  "DSA-NSEC3-SHA1": 6,
  NSEC3DSA: 6,
  "RSASHA1-NSEC3-SHA1": 7,
  NSEC3RSASHA1: 7,
  RSASHA256: 8,
  RSASHA512: 10,
  ECCGOST: 12,
  ECDSAP256SHA256: 13,
  ECDSAP384SHA384: 14,
  ED25519: 15,
  ED448: 16,
  INDIRECT: 252,
  PRIVATEDNS: 253,
  PRIVATEOID: 254,
};
export const DIGESTS: Readonly<Record<string, number>> = {
  "SHA-1": 1,
  SHA1: 1,
  "SHA-256": 2,
  SHA256: 2,
  GOST: 3,
  "SHA-384": 4,
  SHA384: 4,
};
/** Digest and fingerprint lengths BIND enforces (DS digest types 1, 2, 4; SSHFP fingerprint types 1, 2). */
export const DS_DIGEST_BYTES: Readonly<Record<number, number>> = { 1: 20, 2: 32, 4: 48 };

/** A field written as a number or one of `table`'s mnemonics. */
export function mnemonic(text: string, table: Readonly<Record<string, number>>, what: string, type = "DS"): number {
  const known = table[text.toUpperCase()];
  return known ?? parseUint(text, 255, `${type} ${what}`);
}

/** BIND refuses a digest or fingerprint whose length does not fit its type. */
export function checkLength(hex: string, bytes: number | undefined, what: string): void {
  if (bytes !== undefined && hex.length !== bytes * 2) {
    throw new DnsDataError(`${what} must be ${bytes} bytes (${bytes * 2} hex digits), not ${hex.length / 2}`);
  }
}
