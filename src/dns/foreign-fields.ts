import { checkLength, DIGESTS, DS_DIGEST_BYTES, mnemonic, SECALG } from "./dnssec-fields.js";
import { DnsDataError } from "./errors.js";
import { parseNameLabels, presentationOfLabels, type Labels } from "./normalise.js";
import type { Fields } from "./rdata-fields.js";
import { typeCodeOfName, typeText } from "./type-names.js";
import {
  base64FromBytes,
  bytesFromBase64,
  bytesFromHex,
  chunkedUpperHex,
  decodeCharString,
  escapeCharString,
  hexFromBytes,
  parseTtlText,
  parseUint,
} from "./text-codec.js";
import type { Reader } from "./wire-reader.js";

/**
 * The field kinds that make up the rdata of the types carried as RFC 3597 data (foreign-rdata.ts), each with its
 * three forms: zone-file text → wire bytes, wire bytes → BIND's presentation text. Wire bytes are JS strings of
 * one char per byte. Names are kept exactly as written (case and bytes), as the data is carried, not modelled.
 */
export interface FieldCodec {
  /** Reads the field from zone-file tokens and returns its wire bytes; `previous` holds the fields read so far. */
  fromText(fields: Fields, origin: Labels, previous: readonly number[]): { wire: string; value?: number };
  /** Reads the field's wire bytes and returns its presentation text; `previous` as above. */
  toText(reader: Reader, previous: readonly number[]): { text: string; value?: number };
}

const u = (bits: 8 | 16 | 32): FieldCodec => ({
  fromText: (fields) => {
    const value = fields.uint(bits, "a number");
    return { wire: uintBytes(value, bits), value };
  },
  toText: (reader) => {
    const value = bits === 8 ? reader.u8() : bits === 16 ? reader.u16() : reader.u32();
    return { text: String(value), value };
  },
});

function uintBytes(value: number, bits: 8 | 16 | 32): string {
  const bytes: number[] = [];
  for (let shift = bits - 8; shift >= 0; shift -= 8) bytes.push(Math.floor(value / 2 ** shift) & 0xff);
  return String.fromCharCode(...bytes);
}

/** An 8-bit field BIND also reads as a mnemonic (algorithm, digest type); printed as a number. */
const mnemonic8 = (table: Readonly<Record<string, number>>, what: string): FieldCodec => ({
  fromText: (fields) => {
    const value = mnemonic(fields.word(what), table, what, "the");
    return { wire: uintBytes(value, 8), value };
  },
  toText: (reader) => {
    const value = reader.u8();
    return { text: String(value), value };
  },
});

const name: FieldCodec = {
  fromText: (fields, origin) => ({ wire: labelsToWire(parseNameLabels(fields.word("a domain name"), origin)) }),
  toText: (reader) => ({ text: presentationOfLabels(reader.labels()) }),
};

function labelsToWire(labels: Labels): string {
  return `${labels.map((label) => String.fromCharCode(label.length) + label).join("")}\u0000`;
}

/** One character-string (length byte and up to 255 bytes), quoted or not in the file, printed quoted. */
const string: FieldCodec = {
  fromText: (fields) => {
    const bytes = decodeCharString(fields.any("a character-string").text, 255);
    return { wire: String.fromCharCode(bytes.length) + bytes };
  },
  toText: (reader) => ({ text: `"${escapeCharString(reader.take(reader.u8()))}"` }),
};

/** The rest of the rdata as one string without a length byte (URI's target). */
const restString: FieldCodec = {
  fromText: (fields) => ({ wire: decodeCharString(fields.any("a quoted string").text) }),
  toText: (reader) => ({ text: `"${escapeCharString(reader.rest())}"` }),
};

/** The rest as base64 (keys, signatures), which may run over several words; printed in groups of 56. */
const base64: FieldCodec = {
  fromText: (fields) => {
    const words: string[] = [];
    while (!fields.done) words.push(fields.word("base64 data"));
    if (words.length === 0) fields.word("base64 data");
    return { wire: bytesFromBase64(words.join(""), "the base64 data") };
  },
  toText: (reader) => ({ text: chunked(base64FromBytes(reader.rest())) }),
};

function chunked(text: string): string {
  return text.match(/.{1,56}/g)?.join(" ") ?? "";
}

/** The rest as hex (digests), upper case in groups of 56; `lengthByType` holds the length the previous field fixes. */
const hexRest = (lengthByType?: Readonly<Record<number, number>>): FieldCodec => ({
  fromText: (fields, _origin, previous) => {
    const hex = fields.hexRest("hex data", false);
    if (lengthByType !== undefined)
      checkLength(hex, lengthByType[previous.at(-1) ?? -1], `a digest of type ${previous.at(-1)}`);
    return { wire: bytesFromHex(hex, "the hex data") };
  },
  toText: (reader) => ({ text: chunkedUpperHex(hexFromBytes(reader.rest())) }),
});

/** NSEC3's salt: a length byte and hex, `-` for none. */
const salt: FieldCodec = {
  fromText: (fields) => {
    const text = fields.word("a salt");
    const bytes = text === "-" ? "" : bytesFromHex(text, "the salt");
    if (bytes.length > 255) throw new DnsDataError("an NSEC3 salt is at most 255 bytes");
    return { wire: String.fromCharCode(bytes.length) + bytes };
  },
  toText: (reader) => {
    const bytes = reader.take(reader.u8());
    return { text: bytes === "" ? "-" : hexFromBytes(bytes).toUpperCase() };
  },
};

const BASE32HEX = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

/** NSEC3's next hashed owner: a length byte and base32hex without padding (RFC 4648 §7). */
const hash32: FieldCodec = {
  fromText: (fields) => {
    const text = fields.word("the next hashed owner name").toUpperCase();
    let bits = "";
    for (const char of text) {
      const value = BASE32HEX.indexOf(char);
      if (value < 0) throw new DnsDataError(`bad base32hex encoding '${text}' in the next hashed owner name`);
      bits += value.toString(2).padStart(5, "0");
    }
    if (/1/.test(bits.slice(bits.length - (bits.length % 8))))
      throw new DnsDataError(`bad base32hex encoding '${text}': it does not end on a whole byte`);
    const bytes = (bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2));
    return { wire: String.fromCharCode(bytes.length, ...bytes) };
  },
  toText: (reader) => {
    const bits = [...reader.take(reader.u8())].map((char) => char.charCodeAt(0).toString(2).padStart(8, "0")).join("");
    const padded = bits.padEnd(Math.ceil(bits.length / 5) * 5, "0");
    return { text: (padded.match(/.{5}/g) ?? []).map((group) => BASE32HEX[parseInt(group, 2)]).join("") };
  },
};

/** NSEC, NSEC3 and CSYNC: the type bitmap (RFC 4034 §4.1.2), written as mnemonics or TYPEnnn. */
const bitmap: FieldCodec = {
  fromText: (fields) => {
    const codes = new Set<number>();
    while (!fields.done) {
      const text = fields.word("a type");
      const code = typeCodeOfName(text);
      if (code === undefined) throw new DnsDataError(`unknown RR type '${text}' in the type bitmap`);
      codes.add(code);
    }
    let wire = "";
    for (let window = 0; window < 256; window += 1) {
      const bits = new Array<number>(32).fill(0);
      for (const code of codes)
        if (code >> 8 === window) bits[(code & 0xff) >> 3] = (bits[(code & 0xff) >> 3] ?? 0) | (0x80 >> (code & 7));
      const length = bits.findLastIndex((byte) => byte !== 0) + 1;
      if (length > 0) wire += String.fromCharCode(window, length, ...bits.slice(0, length));
    }
    return { wire };
  },
  toText: (reader) => {
    const names: string[] = [];
    while (!reader.done) {
      const window = reader.u8();
      const length = reader.u8();
      if (length === 0 || length > 32) throw new DnsDataError("bad type bitmap in the wire data");
      [...reader.take(length)].forEach((char, index) => {
        for (let bit = 0; bit < 8; bit += 1)
          if (char.charCodeAt(0) & (0x80 >> bit)) names.push(typeText(window * 256 + index * 8 + bit));
      });
    }
    return { text: names.join(" ") };
  },
};

/** RRSIG's type covered. */
const covered: FieldCodec = {
  fromText: (fields) => {
    const text = fields.word("the type covered");
    const code = typeCodeOfName(text);
    if (code === undefined) throw new DnsDataError(`unknown RR type '${text}' as the type covered`);
    return { wire: uintBytes(code, 16) };
  },
  toText: (reader) => ({ text: typeText(reader.u16()) }),
};

/** RRSIG's original TTL: seconds or BIND's units. */
const ttl: FieldCodec = {
  fromText: (fields) => {
    const text = fields.word("the original TTL");
    const value = parseTtlText(text);
    if (value === undefined) throw new DnsDataError(`bad original TTL '${text}'`);
    return { wire: uintBytes(value, 32) };
  },
  toText: (reader) => ({ text: String(reader.u32()) }),
};

/** RRSIG's expiration and inception: YYYYMMDDHHmmSS in UTC, or seconds since 1970 (RFC 4034 §3.2). */
const time: FieldCodec = {
  fromText: (fields) => {
    const text = fields.word("a signature time");
    const parts = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
    const seconds =
      parts === null
        ? parseUint(text, 0xffff_ffff, "the signature time")
        : Date.UTC(
            Number(parts[1]),
            Number(parts[2]) - 1,
            Number(parts[3]),
            Number(parts[4]),
            Number(parts[5]),
            Number(parts[6]),
          ) / 1000;
    if (!Number.isInteger(seconds) || seconds < 0)
      throw new DnsDataError(`bad signature time '${text}' (YYYYMMDDHHmmSS)`);
    return { wire: uintBytes(seconds % 2 ** 32, 32) };
  },
  toText: (reader) => ({ text: new Date(reader.u32() * 1000).toISOString().replace(/[-T:]/g, "").slice(0, 14) }),
};

export const FIELD = {
  u8: u(8),
  u16: u(16),
  u32: u(32),
  algorithm: mnemonic8(SECALG, "algorithm"),
  digestType: mnemonic8(DIGESTS, "digest type"),
  name,
  string,
  restString,
  base64,
  hex: hexRest(),
  digest: hexRest(DS_DIGEST_BYTES),
  salt,
  hash32,
  bitmap,
  covered,
  ttl,
  time,
} as const;
