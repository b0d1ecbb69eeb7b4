import { HOSTNAME_OWNER_TYPES, isHostname, isMailbox, isReverseName } from "./check-names.js";
import { DnsDataError } from "./errors.js";
import { nameFromLabels, parseIpv4, parseIpv6, parseNameLabels, type Labels } from "./normalise.js";
import { rdataFromWire } from "./rdata-wire.js";
import type { GenericType, ModelledType, RecordData } from "./record.js";
import { parseSvcParams } from "./svcb-params.js";
import { bytesFromHex, decodeCharString, hexFromBytes, parseTtlText, parseUint } from "./text-codec.js";
import type { Token } from "./tokenizer.js";

/**
 * Reads the rdata of one record from zone-file tokens into the canonical model, with BIND's rules: the same
 * field syntax, the same limits, check-names on host names, and RFC 3597 `\# <length> <hex>` for any type.
 */

export interface RdataContext {
  /** Completes relative names. */
  origin: Labels;
  /** The owner (raw labels); BIND checks PTR targets only under the reverse trees. */
  owner: Labels;
  /** BIND's non-fatal remarks, e.g. "MX is an address". */
  warn(message: string): void;
}

const SECALG: Readonly<Record<string, number>> = {
  RSAMD5: 1, DH: 2, DSA: 3, RSASHA1: 5, "DSA-NSEC3-SHA1": 6, NSEC3DSA: 6, "RSASHA1-NSEC3-SHA1": 7,
  NSEC3RSASHA1: 7, RSASHA256: 8, RSASHA512: 10, ECCGOST: 12, ECDSAP256SHA256: 13, ECDSAP384SHA384: 14,
  ED25519: 15, ED448: 16, INDIRECT: 252, PRIVATEDNS: 253, PRIVATEOID: 254,
};
const DIGESTS: Readonly<Record<string, number>> = { "SHA-1": 1, SHA1: 1, "SHA-256": 2, SHA256: 2, GOST: 3, "SHA-384": 4, SHA384: 4 };
/** Digest and fingerprint lengths BIND enforces (DS digest types 1, 2, 4; SSHFP fingerprint types 1, 2). */
const DS_DIGEST_BYTES: Readonly<Record<number, number>> = { 1: 20, 2: 32, 4: 48 };
const SSHFP_BYTES: Readonly<Record<number, number>> = { 1: 20, 2: 32 };

/** Walks the rdata tokens with messages that say which field is wrong. */
class Fields {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly type: string,
  ) {}

  get done(): boolean {
    return this.index >= this.tokens.length;
  }

  any(what: string): Token {
    const token = this.tokens[this.index];
    if (token === undefined) throw new DnsDataError(`unexpected end of input: ${this.type} needs ${what}`);
    this.index += 1;
    return token;
  }

  word(what: string): string {
    const token = this.any(what);
    if (token.kind === "quoted") throw new DnsDataError(`unexpected quoted string "${token.text}" where ${this.type} needs ${what}`);
    return token.text;
  }

  uint(bits: 8 | 16 | 32, what: string): number {
    return parseUint(this.word(what), 2 ** bits - 1, `${this.type} ${what.replace(/^an? /, "")}`);
  }

  /** The remaining tokens as one hex string (BIND lets hex run over several words). */
  hexRest(what: string, allowEmpty: boolean): string {
    const words: string[] = [];
    while (!this.done) words.push(this.word(what));
    const hex = words.join("");
    if (hex === "" && !allowEmpty) throw new DnsDataError(`unexpected end of input: ${this.type} needs ${what}`);
    return hexFromBytes(bytesFromHex(hex, `${this.type} ${what}`));
  }

  rest(): Token[] {
    const rest = this.tokens.slice(this.index);
    this.index = this.tokens.length;
    return rest;
  }

  end(): void {
    const extra = this.tokens[this.index];
    if (extra !== undefined) throw new DnsDataError(`extra input text '${extra.text}' after the ${this.type} data`);
  }
}

/** Parses the rdata tokens of `type`. */
export function parseRdata(type: ModelledType | GenericType, tokens: readonly Token[], context: RdataContext): RecordData {
  const first = tokens[0];
  if (first?.kind === "word" && first.text === "\\#") return parseGeneric(type, tokens.slice(1), context);
  if (!isModelled(type)) throw new DnsDataError(`${type} is a type BIND does not know, so its data must be written as \\# <length> <hex>`);
  const fields = new Fields(tokens, type);
  const data = parseFields(type, fields, context);
  fields.end();
  return data;
}

function isModelled(type: string): type is ModelledType {
  return !type.startsWith("TYPE");
}

function parseGeneric(type: ModelledType | GenericType, tokens: readonly Token[], context: RdataContext): RecordData {
  const fields = new Fields(tokens, type);
  const length = fields.uint(16, "the rdata length after \\#");
  const hex = fields.hexRest("the rdata hex", length === 0);
  if (hex.length !== length * 2) {
    throw new DnsDataError(`\\# says ${length} bytes but the hex has ${hex.length / 2}`);
  }
  return isModelled(type) ? rdataFromWire(type, Buffer.from(hex, "hex").toString("latin1"), context) : { hex };
}

function parseFields(type: ModelledType, fields: Fields, context: RdataContext): RecordData {
  const host = (what: string) => hostName(fields.word(what), context, what, type);
  switch (type) {
    case "A": {
      const text = fields.word("an IPv4 address");
      const address = parseIpv4(text);
      if (address === undefined) throw new DnsDataError(`bad dotted quad '${text}' (an IPv4 address is four numbers 0-255, no leading zeros)`);
      return { address };
    }
    case "AAAA": {
      const text = fields.word("an IPv6 address");
      const address = parseIpv6(text);
      if (address === undefined) throw new DnsDataError(`bad IPv6 address '${text}'`);
      return { address };
    }
    case "CNAME":
      return { target: name(fields.word("a target name"), context) };
    case "NS": {
      const text = fields.word("a name server");
      if (looksLikeAddress(text)) throw new DnsDataError(`NS record '${text}' appears to be an address; an NS record needs a host name`);
      return { target: hostName(text, context, "a name server", type) };
    }
    case "PTR": {
      const text = fields.word("a target name");
      return { target: isReverseName(context.owner) ? hostName(text, context, "a target name", type) : name(text, context) };
    }
    case "MX": {
      const preference = fields.uint(16, "a preference");
      const text = fields.word("a mail exchanger");
      if (looksLikeAddress(text)) context.warn(`'${text}': MX is an address`);
      return { preference, exchange: hostName(text, context, "a mail exchanger", type) };
    }
    case "SRV":
      return { priority: fields.uint(16, "a priority"), weight: fields.uint(16, "a weight"), port: fields.uint(16, "a port"), target: host("a target") };
    case "TXT":
    case "SPF": {
      const strings = fields.rest().map((token) => decodeCharString(token.text, 255));
      if (strings.length === 0) throw new DnsDataError(`unexpected end of input: ${type} needs at least one string`);
      return { strings };
    }
    case "CAA": {
      const flags = fields.uint(8, "flags");
      const tag = fields.word("a tag");
      if (!/^[A-Za-z0-9]+$/.test(tag)) throw new DnsDataError(`CAA tag '${tag}' must be letters and digits only`);
      return { flags, tag, value: decodeCharString(fields.any("a value").text) };
    }
    case "TLSA":
      return { usage: fields.uint(8, "a usage"), selector: fields.uint(8, "a selector"), matchingType: fields.uint(8, "a matching type"), data: fields.hexRest("certificate data", false) };
    case "SSHFP": {
      const algorithm = fields.uint(8, "an algorithm");
      const fingerprintType = fields.uint(8, "a fingerprint type");
      const fingerprint = fields.hexRest("a fingerprint", SSHFP_BYTES[fingerprintType] === undefined);
      checkLength(fingerprint, SSHFP_BYTES[fingerprintType], `an SSHFP fingerprint of type ${fingerprintType}`);
      return { algorithm, fingerprintType, fingerprint };
    }
    case "DS": {
      const keyTag = fields.uint(16, "a key tag");
      const algorithm = mnemonic(fields.word("an algorithm"), SECALG, "algorithm");
      const digestType = mnemonic(fields.word("a digest type"), DIGESTS, "digest type");
      const digest = fields.hexRest("a digest", false);
      checkLength(digest, DS_DIGEST_BYTES[digestType], `a DS digest of type ${digestType}`);
      return { keyTag, algorithm, digestType, digest };
    }
    case "SOA": {
      const mname = host("a primary name server");
      const rnameText = fields.word("a contact mailbox");
      const rnameLabels = parseNameLabels(rnameText, context.origin);
      if (!isMailbox(rnameLabels)) throw new DnsDataError(`bad name (check-names): SOA contact '${rnameText}' is not a mailbox name`);
      const serial = fields.uint(32, "a serial");
      const [refresh, retry, expire, minimum] = ["a refresh", "a retry", "an expire", "a minimum"].map((what) => counter(fields.word(what), what)) as [number, number, number, number];
      return { mname, rname: nameFromLabels(rnameLabels), serial, refresh, retry, expire, minimum };
    }
    case "SVCB":
    case "HTTPS": {
      const priority = fields.uint(16, "a priority");
      const target = host("a target");
      return { priority, target, params: parseSvcParams(fields.rest()) };
    }
  }
}

function name(text: string, context: RdataContext): string {
  return nameFromLabels(parseNameLabels(text, context.origin));
}

/** A host name inside rdata, held to BIND's check-names rule. */
function hostName(text: string, context: RdataContext, what: string, type: string): string {
  const labels = parseNameLabels(text, context.origin);
  if (!isHostname(labels, false)) {
    throw new DnsDataError(`bad name (check-names): '${text}', the ${what.replace(/^an? /, "")} of the ${type} record, is not a host name (letters, digits and inner hyphens only)`);
  }
  return nameFromLabels(labels);
}

/** BIND's check for owners of A, AAAA and MX records (wildcards allowed). */
export function checkOwnerName(type: string, owner: Labels, ownerText: string): void {
  if (HOSTNAME_OWNER_TYPES.has(type) && !isHostname(owner, true)) {
    throw new DnsDataError(`bad owner name (check-names): '${ownerText}' cannot own ${type} records, which need a host name (letters, digits and inner hyphens)`);
  }
}

function looksLikeAddress(text: string): boolean {
  const bare = text.endsWith(".") ? text.slice(0, -1) : text;
  return parseIpv4(bare) !== undefined || parseIpv6(bare) !== undefined;
}

function mnemonic(text: string, table: Readonly<Record<string, number>>, what: string): number {
  const known = table[text.toUpperCase()];
  return known ?? parseUint(text, 255, `DS ${what}`);
}

function counter(text: string, what: string): number {
  const value = parseTtlText(text);
  if (value === undefined) throw new DnsDataError(`SOA ${what} '${text}' is not a number of seconds`);
  return value;
}

function checkLength(hex: string, bytes: number | undefined, what: string): void {
  if (bytes !== undefined && hex.length !== bytes * 2) {
    throw new DnsDataError(`${what} must be ${bytes} bytes (${bytes * 2} hex digits), not ${hex.length / 2}`);
  }
}
