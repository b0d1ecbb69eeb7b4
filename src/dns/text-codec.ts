import { DnsDataError } from "./errors.js";

/**
 * Byte-exact codecs for the text forms inside rdata: character-strings with BIND's escapes, hex and base64.
 * Strings of bytes are JS strings with one char per byte (0–255).
 */

/**
 * Decodes a character-string as written in a zone file (quotes already removed): `\DDD` is the byte DDD
 * (exactly three digits, at most 255) and `\X` is X. `maxBytes` is 255 for one TXT string.
 */
export function decodeCharString(raw: string, maxBytes = Infinity): string {
  let out = "";
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i] as string;
    if (char !== "\\") {
      out += char;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) throw new DnsDataError(`a backslash ends the string "${raw}"`);
    if (/\d/.test(next)) {
      const digits = raw.slice(i + 1, i + 4);
      if (!/^\d{3}$/.test(digits) || Number(digits) > 255) {
        throw new DnsDataError(`bad escape \\${digits} in "${raw}" (use \\DDD with three digits, at most \\255)`);
      }
      out += String.fromCharCode(Number(digits));
      i += 3;
    } else {
      out += next;
      i += 1;
    }
  }
  if (out.length > maxBytes) {
    throw new DnsDataError(
      `a character-string is ${out.length} bytes but may hold at most ${maxBytes}; split it into several quoted strings`,
    );
  }
  return out;
}

/** Escapes bytes as BIND prints them inside quotes: `\"`, `\\`, and `\DDD` for bytes below 0x20 or above 0x7e. */
export function escapeCharString(bytes: string): string {
  let out = "";
  for (const char of bytes) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code >= 0x7f) out += `\\${String(code).padStart(3, "0")}`;
    else out += char === '"' || char === "\\" ? `\\${char}` : char;
  }
  return out;
}

/** The bytes of hex text (any case, no separators), or a DnsDataError naming `what`. */
export function bytesFromHex(hex: string, what: string): string {
  if (!/^[0-9a-f]*$/i.test(hex))
    throw new DnsDataError(`bad hex encoding in ${what}: '${hex}' has characters other than 0-9 and a-f`);
  if (hex.length % 2 !== 0)
    throw new DnsDataError(`bad hex encoding in ${what}: ${hex.length} hex digits is not a whole number of bytes`);
  return Buffer.from(hex, "hex").toString("latin1");
}

/** Lower-case hex of bytes. */
export function hexFromBytes(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("hex");
}

/** Upper-case hex in groups of 56 digits separated by spaces, as named-compilezone's full style prints it. */
export function chunkedUpperHex(hex: string): string {
  const upper = hex.toUpperCase();
  const chunks: string[] = [];
  for (let i = 0; i < upper.length; i += 56) chunks.push(upper.slice(i, i + 56));
  return chunks.join(" ");
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of padded standard base64, or a DnsDataError naming `what`. */
export function bytesFromBase64(text: string, what: string): string {
  if (!BASE64.test(text)) throw new DnsDataError(`bad base64 encoding in ${what}: '${text}'`);
  return Buffer.from(text, "base64").toString("latin1");
}

/** Standard padded base64 of bytes. */
export function base64FromBytes(bytes: string): string {
  return Buffer.from(bytes, "latin1").toString("base64");
}

/** A decimal field as BIND reads it (digits only, leading zeros allowed) within 0..max. */
export function parseUint(text: string, max: number, what: string): number {
  if (!/^\d+$/.test(text)) throw new DnsDataError(`${what} '${text}' is not a valid number`);
  const value = Number(text);
  if (value > max) throw new DnsDataError(`${what} ${text} is out of range (0 to ${max})`);
  return value;
}

const TTL_UNITS: Readonly<Record<string, number>> = { w: 604_800, d: 86_400, h: 3600, m: 60, s: 1 };

/**
 * A TTL as BIND reads it (dns_ttl_fromtext): plain seconds, or number+unit groups such as `1h30m` (w, d, h, m,
 * s in any case); at most 2^32-1. Returns undefined when the text is not a TTL at all.
 */
export function parseTtlText(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) <= 0xffff_ffff ? Number(text) : undefined;
  if (!/^(?:\d+[wdhms])+$/i.test(text)) return undefined;
  let total = 0;
  for (const [, count, unit] of text.matchAll(/(\d+)([wdhms])/gi)) {
    total += Number(count) * (TTL_UNITS[(unit as string).toLowerCase()] ?? 0);
  }
  return total <= 0xffff_ffff ? total : undefined;
}
