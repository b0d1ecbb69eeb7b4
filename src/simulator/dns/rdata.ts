/**
 * Turns WEDOS row data (docs/reference/wapi.md#record-data-formats) into dns-packet answers. Host names in WEDOS
 * rdata are absolute without a trailing dot, which is exactly what dns-packet expects, so they pass through
 * unchanged.
 */
import { isIPv4, isIPv6 } from "node:net";
import type { Answer, CaaData, OptAnswer } from "dns-packet";
import { assertWireName } from "./names.js";

/** A resource record as dns-packet encodes it; OPT is a pseudo-record and never comes from zone data. */
export type RecordAnswer = Exclude<Answer, OptAnswer>;

/** A TXT character-string holds at most 255 bytes; longer WEDOS texts are split, and clients rejoin them. */
const MAX_CHARACTER_STRING = 255;

/**
 * Builds the answer for one WEDOS row, owned by `owner`. Throws an Error naming the type and rdata when the row
 * cannot be put on the wire; the server then treats the zone as not loadable rather than sending a corrupt packet.
 */
export function toAnswer(owner: string, type: string, ttl: number, rdata: string): RecordAnswer {
  try {
    // TXT keeps its spaces: they are part of the text. Everything else is presentation fields.
    return buildAnswer(owner, type, ttl, type === "TXT" ? rdata : rdata.trim());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${type} rdata "${rdata}" at "${owner}": ${reason}`, { cause: error });
  }
}

function buildAnswer(name: string, type: string, ttl: number, rdata: string): RecordAnswer {
  const base = { name, ttl, class: "IN" as const };
  switch (type) {
    case "A":
      if (!isIPv4(rdata)) throw new Error("not an IPv4 address");
      return { ...base, type, data: rdata };
    case "AAAA":
      if (!isIPv6(rdata)) throw new Error("not an IPv6 address");
      return { ...base, type, data: rdata };
    case "CNAME":
    case "NS":
      return { ...base, type, data: hostName(rdata) };
    case "MX": {
      const [preference, exchange] = fields(rdata, 2);
      return { ...base, type, data: { preference: uint(preference, 16), exchange: hostName(exchange) } };
    }
    case "SRV": {
      const [priority, weight, port, target] = fields(rdata, 4);
      const data = {
        priority: uint(priority, 16),
        weight: uint(weight, 16),
        port: uint(port, 16),
        target: hostName(target),
      };
      return { ...base, type, data };
    }
    case "TXT":
      return { ...base, type, data: splitText(rdata) };
    case "CAA":
      return { ...base, type, data: caaData(rdata) };
    case "SSHFP": {
      const [algorithm, hash, ...hex] = rdata.split(/\s+/);
      const fingerprint = hexBytes(hex.join(""));
      const expected = hash === "1" ? 20 : hash === "2" ? 32 : undefined;
      if (expected === undefined) throw new Error("fingerprint type must be 1 (SHA-1) or 2 (SHA-256)");
      if (fingerprint.length !== expected) throw new Error(`fingerprint must be ${expected} bytes`);
      return {
        ...base,
        type,
        data: { algorithm: uint(algorithm, 8), hash: Number(hash), fingerprint: fingerprint.toString("hex") },
      };
    }
    case "TLSA": {
      const [usage, selector, matchingType, ...hex] = rdata.split(/\s+/);
      const data = {
        usage: uint(usage, 8),
        selector: uint(selector, 8),
        matchingType: uint(matchingType, 8),
        certificate: hexBytes(hex.join("")),
      };
      return { ...base, type, data };
    }
    default:
      throw new Error("record type not served by the simulator");
  }
}

/** Splits the bare WEDOS text into 255-byte character-strings (by bytes, as the wire counts them). */
export function splitText(text: string): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length === 0) return [bytes];
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += MAX_CHARACTER_STRING) {
    chunks.push(bytes.subarray(start, start + MAX_CHARACTER_STRING));
  }
  return chunks;
}

/** CAA presentation form `flags tag value`, the value usually quoted: `0 issue "letsencrypt.org"`. */
function caaData(rdata: string): CaaData {
  const match = /^(\d+)\s+([A-Za-z0-9]+)\s+(.*)$/s.exec(rdata);
  if (!match) throw new Error("expected `flags tag value`");
  const [, flags = "", tag = "", raw = ""] = match;
  const quoted = /^"(.*)"$/s.exec(raw);
  const value = quoted ? (quoted[1] ?? "").replace(/\\(.)/gs, "$1") : raw;
  // dns-packet types the tag as the three RFC 8659 tags, but encodes any tag; WEDOS does not restrict it either.
  return { flags: uint(flags, 8), tag: tag.toLowerCase() as CaaData["tag"], value };
}

function fields(rdata: string, count: number): string[] {
  const parts = rdata.split(/\s+/);
  if (parts.length !== count) throw new Error(`expected ${count} fields, got ${parts.length}`);
  return parts;
}

function hostName(name: string | undefined): string {
  if (name === undefined || name === "") throw new Error("missing host name");
  assertWireName(name);
  return name;
}

function uint(text: string | undefined, bits: 8 | 16): number {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value >= 2 ** bits)
    throw new Error(`"${text ?? ""}" is not a ${bits}-bit number`);
  return value;
}

function hexBytes(hex: string): Buffer {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new Error("expected an even number of hex digits");
  return Buffer.from(hex, "hex");
}
