import { HOSTNAME_OWNER_TYPES, isHostname, isMailbox, isReverseName } from "./check-names.js";
import { DnsDataError } from "./errors.js";
import { parseIpv4, parseIpv6 } from "./addresses.js";
import { nameFromLabels, parseNameLabels, type Labels } from "./normalise.js";
import { rdataFromWire } from "./rdata-wire.js";
import { foreignHexFromText, foreignTextFromHex } from "./foreign-rdata.js";
import { isModelledType, type ForeignType, type GenericType, type ModelledType, type RecordData } from "./record.js";
import { parseSvcParams } from "./svcb-params.js";
import { decodeCharString, parseTtlText } from "./text-codec.js";
import type { Token } from "./tokenizer.js";
import { Fields } from "./rdata-fields.js";
import { checkLength, DIGESTS, DS_DIGEST_BYTES, mnemonic, SECALG } from "./dnssec-fields.js";

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

const SSHFP_BYTES: Readonly<Record<number, number>> = { 1: 20, 2: 32 };

/** Parses the rdata tokens of `type`. */
export function parseRdata(
  type: ModelledType | GenericType | ForeignType,
  tokens: readonly Token[],
  context: RdataContext,
): RecordData {
  const first = tokens[0];
  if (first?.kind === "word" && first.text === "\\#") return parseGeneric(type, tokens.slice(1), context);
  if (type.startsWith("TYPE"))
    throw new DnsDataError(`${type} is a type BIND does not know, so its data must be written as \\# <length> <hex>`);
  if (!isModelledType(type)) return { hex: foreignHexFromText(type as ForeignType, tokens, context.origin) };
  const fields = new Fields(tokens, type);
  const data = parseFields(type, fields, context);
  fields.end();
  return data;
}

function parseGeneric(
  type: ModelledType | GenericType | ForeignType,
  tokens: readonly Token[],
  context: RdataContext,
): RecordData {
  const fields = new Fields(tokens, type);
  const length = fields.uint(16, "the rdata length after \\#");
  const hex = fields.hexRest("the rdata hex", length === 0);
  if (hex.length !== length * 2) {
    throw new DnsDataError(`\\# says ${length} bytes but the hex has ${hex.length / 2}`);
  }
  if (isModelledType(type)) return rdataFromWire(type, Buffer.from(hex, "hex").toString("latin1"), context);
  // BIND checks the data of a type it knows against the type's layout; so do we where we know the layout.
  if (!type.startsWith("TYPE")) foreignTextFromHex(type as ForeignType, hex);
  return { hex };
}

function parseFields(type: ModelledType, fields: Fields, context: RdataContext): RecordData {
  const host = (what: string) => hostName(fields.word(what), context, what, type);
  switch (type) {
    case "A": {
      const text = fields.word("an IPv4 address");
      const address = parseIpv4(text);
      if (address === undefined)
        throw new DnsDataError(`bad dotted quad '${text}' (an IPv4 address is four numbers 0-255, no leading zeros)`);
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
      if (looksLikeAddress(text))
        throw new DnsDataError(`NS record '${text}' appears to be an address; an NS record needs a host name`);
      return { target: hostName(text, context, "a name server", type) };
    }
    case "PTR": {
      const text = fields.word("a target name");
      return {
        target: isReverseName(context.owner) ? hostName(text, context, "a target name", type) : name(text, context),
      };
    }
    case "MX": {
      const preference = fields.uint(16, "a preference");
      const text = fields.word("a mail exchanger");
      if (looksLikeAddress(text)) context.warn(`'${text}': MX is an address`);
      return { preference, exchange: hostName(text, context, "a mail exchanger", type) };
    }
    case "SRV":
      return {
        priority: fields.uint(16, "a priority"),
        weight: fields.uint(16, "a weight"),
        port: fields.uint(16, "a port"),
        target: host("a target"),
      };
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
      return {
        usage: fields.uint(8, "a usage"),
        selector: fields.uint(8, "a selector"),
        matchingType: fields.uint(8, "a matching type"),
        data: fields.hexRest("certificate data", false),
      };
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
      if (!isMailbox(rnameLabels))
        throw new DnsDataError(`bad name (check-names): SOA contact '${rnameText}' is not a mailbox name`);
      const serial = fields.uint(32, "a serial");
      const [refresh, retry, expire, minimum] = ["a refresh", "a retry", "an expire", "a minimum"].map((what) =>
        counter(fields.word(what), what),
      ) as [number, number, number, number];
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
    throw new DnsDataError(
      `bad name (check-names): '${text}', the ${what.replace(/^an? /, "")} of the ${type} record, is not a host name (letters, digits and inner hyphens only)`,
    );
  }
  return nameFromLabels(labels);
}

/** BIND's check for owners of A, AAAA and MX records (wildcards allowed). */
export function checkOwnerName(type: string, owner: Labels, ownerText: string): void {
  if (HOSTNAME_OWNER_TYPES.has(type) && !isHostname(owner, true)) {
    throw new DnsDataError(
      `bad owner name (check-names): '${ownerText}' cannot own ${type} records, which need a host name (letters, digits and inner hyphens)`,
    );
  }
}

function looksLikeAddress(text: string): boolean {
  const bare = text.endsWith(".") ? text.slice(0, -1) : text;
  return parseIpv4(bare) !== undefined || parseIpv6(bare) !== undefined;
}

function counter(text: string, what: string): number {
  const value = parseTtlText(text);
  if (value === undefined) throw new DnsDataError(`SOA ${what} '${text}' is not a number of seconds`);
  return value;
}
