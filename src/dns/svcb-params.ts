import { DnsDataError } from "./errors.js";
import { formatIpv6, ipv6Groups, parseIpv4 } from "./addresses.js";
import { base64FromBytes, bytesFromBase64, decodeCharString, escapeCharString, parseUint } from "./text-codec.js";
import { tokenizeValue, type Token } from "./tokenizer.js";

/**
 * SVCB/HTTPS SvcParams (RFC 9460) read from presentation or wire form and printed in the one canonical form
 * BIND 9.18 prints: sorted by key, `alpn` quoted with its commas escaped, key 7 (dohpath) as `key7="…"`.
 * Params are held as key number → wire value (bytes, one char per byte) in between.
 */

const KEY_NAMES = ["mandatory", "alpn", "no-default-alpn", "port", "ipv4hint", "ech", "ipv6hint", "dohpath"];
/** Keys BIND 9.18 prints by name; 7 is read as `dohpath` but printed `key7`. */
const PRINTED_NAMES = KEY_NAMES.slice(0, 7);

function keyNumber(name: string): number {
  const index = KEY_NAMES.indexOf(name);
  if (index >= 0) return index;
  const numeric = /^key(0|[1-9]\d*)$/.exec(name);
  if (numeric?.[1] === undefined || Number(numeric[1]) > 0xffff) {
    throw new DnsDataError(`unknown SvcParamKey '${name}' (known: ${KEY_NAMES.join(", ")}, or keyNNNNN)`);
  }
  return Number(numeric[1]);
}

const keyName = (key: number) => PRINTED_NAMES[key] ?? `key${key}`;

/** Reads the params after the target; returns the canonical presentation text ("" when there are none). */
export function parseSvcParams(tokens: readonly Token[]): string {
  return formatSvcParams(readSvcParams(tokens));
}

/** How many bytes params in the canonical presentation text take in wire form (key, length and value of each). */
export function svcParamsWireLength(params: string): number {
  let bytes = 0;
  for (const value of readSvcParams(tokenizeValue(params)).values()) bytes += 4 + value.length;
  return bytes;
}

/** Params as key number → wire value, in the order written. */
function readSvcParams(tokens: readonly Token[]): Map<number, string> {
  const params = new Map<number, string>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind === "quoted") throw new DnsDataError(`unexpected quoted string "${token.text}": write key="value"`);
    const eq = token.text.indexOf("=");
    const name = eq < 0 ? token.text : token.text.slice(0, eq);
    let raw: string | undefined = eq < 0 ? undefined : token.text.slice(eq + 1);
    const next = tokens[i + 1];
    if (raw === "" && next?.kind === "quoted" && next.joined) {
      raw = next.text;
      i += 1;
    }
    const after = tokens[i + 1];
    if (after?.joined === true)
      throw new DnsDataError(`syntax error near '${after.text}': a param value must be one word or one quoted string`);
    const key = keyNumber(name);
    if (params.has(key)) throw new DnsDataError(`duplicate SvcParamKey '${keyName(key)}'`);
    params.set(key, encodeValue(key, raw === undefined ? undefined : decodeCharString(raw), name));
  }
  return params;
}

function encodeValue(key: number, value: string | undefined, name: string): string {
  const required = (): string => {
    if (value === undefined || value === "") throw new DnsDataError(`SvcParam ${name} needs a value`);
    return value;
  };
  const list = (text: string) => {
    const items = text.split(",");
    if (items.some((item) => item === "")) throw new DnsDataError(`SvcParam ${name} has an empty item in '${text}'`);
    return items;
  };
  switch (key) {
    case 0: {
      const keys = list(required()).map(keyNumber);
      if (new Set(keys).size !== keys.length) throw new DnsDataError(`mandatory lists a key twice in '${value}'`);
      return keys
        .sort((a, b) => a - b)
        .map((k) => String.fromCharCode(k >> 8, k & 0xff))
        .join("");
    }
    case 1:
      return splitAlpn(required())
        .map((id) => String.fromCharCode(id.length) + id)
        .join("");
    case 2:
      if (value !== undefined) throw new DnsDataError("SvcParam no-default-alpn takes no value");
      return "";
    case 3: {
      const port = parseUint(required(), 0xffff, "port");
      return String.fromCharCode(port >> 8, port & 0xff);
    }
    case 4:
      return list(required())
        .map((address) => ipv4Bytes(address))
        .join("");
    case 5:
      return value === undefined ? "" : bytesFromBase64(value, "ech");
    case 6:
      return list(required())
        .map((address) => ipv6Bytes(address))
        .join("");
    case 7:
      return required();
    default:
      return value ?? "";
  }
}

function ipv4Bytes(text: string): string {
  const address = parseIpv4(text);
  if (address === undefined) throw new DnsDataError(`bad IPv4 address '${text}' in ipv4hint`);
  return String.fromCharCode(...address.split(".").map(Number));
}

function ipv6Bytes(text: string): string {
  const groups = ipv6Groups(text);
  if (groups === undefined) throw new DnsDataError(`bad IPv6 address '${text}' in ipv6hint`);
  return groups.map((group) => String.fromCharCode(group >> 8, group & 0xff)).join("");
}

/** alpn ids: a comma separates ids, `\,` is a comma inside an id and `\\` a backslash (RFC 9460 Appendix A.1). */
function splitAlpn(text: string): string[] {
  const ids: string[] = [];
  let id = "";
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === "\\" && i + 1 < text.length) {
      id += text[i + 1];
      i += 1;
    } else if (char === ",") {
      ids.push(id);
      id = "";
    } else {
      id += char;
    }
  }
  ids.push(id);
  if (ids.some((each) => each === "" || each.length > 255))
    throw new DnsDataError(`alpn '${text}' has an empty or over-long id`);
  return ids;
}

/** Reads params from wire form (the RFC 3597 `\#` form of an SVCB/HTTPS record). */
export function svcParamsFromWire(bytes: string): string {
  const params = new Map<number, string>();
  let at = 0;
  let last = -1;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw new DnsDataError("truncated SvcParam in wire data");
    const key = (bytes.charCodeAt(at) << 8) | bytes.charCodeAt(at + 1);
    const length = (bytes.charCodeAt(at + 2) << 8) | bytes.charCodeAt(at + 3);
    if (key <= last) throw new DnsDataError("SvcParams in wire data are not in increasing key order");
    if (at + 4 + length > bytes.length) throw new DnsDataError("truncated SvcParam value in wire data");
    params.set(key, bytes.slice(at + 4, at + 4 + length));
    last = key;
    at += 4 + length;
  }
  return formatSvcParams(params);
}

/** Checks the rules across params and prints them in BIND's canonical form. */
function formatSvcParams(params: ReadonlyMap<number, string>): string {
  if (params.has(2) && !params.has(1)) throw new DnsDataError("no-default-alpn is only allowed together with alpn");
  const mandatory = shorts(params.get(0) ?? "", "mandatory");
  for (const key of mandatory) {
    if (key === 0) throw new DnsDataError("mandatory cannot list itself");
    if (!params.has(key))
      throw new DnsDataError(`mandatory lists ${keyName(key)} but the record has no ${keyName(key)} param`);
  }
  return [...params.keys()]
    .sort((a, b) => a - b)
    .map((key) => formatParam(key, params.get(key) ?? ""))
    .join(" ");
}

function shorts(bytes: string, what: string): number[] {
  if (bytes.length % 2 !== 0) throw new DnsDataError(`bad ${what} value length`);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) out.push((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return out;
}

function formatParam(key: number, value: string): string {
  const name = keyName(key);
  switch (key) {
    case 0:
      return `${name}=${shorts(value, name).map(keyName).join(",")}`;
    case 1:
      return `${name}="${alpnIds(value)
        .map((id) => escapeCharString(id.replace(/[\\,]/g, (c) => `\\${c}`)))
        .join(",")}"`;
    case 2:
      if (value !== "") throw new DnsDataError("no-default-alpn must be empty");
      return name;
    case 3:
      if (value.length !== 2) throw new DnsDataError("port must be two bytes");
      return `${name}=${shorts(value, name)[0]}`;
    case 4:
      if (value.length === 0 || value.length % 4 !== 0) throw new DnsDataError("bad ipv4hint length");
      return `${name}=${(value.match(/[\s\S]{4}/g) ?? []).map((quad) => [...quad].map((c) => c.charCodeAt(0)).join(".")).join(",")}`;
    case 5:
      return value === "" ? name : `${name}=${base64FromBytes(value)}`;
    case 6:
      if (value.length === 0 || value.length % 16 !== 0) throw new DnsDataError("bad ipv6hint length");
      return `${name}=${(value.match(/[\s\S]{16}/g) ?? []).map((chunk) => formatIpv6(shorts(chunk, name))).join(",")}`;
    case 7:
      if (!/\{[?&][^}]*\bdns\b[^}]*\}/.test(value))
        throw new DnsDataError(
          `dohpath '${value}' must be a URI template with the dns variable, e.g. /dns-query{?dns}`,
        );
      return `${name}="${escapeCharString(value)}"`;
    default:
      return value === "" ? name : `${name}="${escapeCharString(value)}"`;
  }
}

function alpnIds(value: string): string[] {
  const ids: string[] = [];
  let at = 0;
  while (at < value.length) {
    const length = value.charCodeAt(at);
    if (length === 0 || at + 1 + length > value.length) throw new DnsDataError("bad alpn value in wire data");
    ids.push(value.slice(at + 1, at + 1 + length));
    at += 1 + length;
  }
  if (ids.length === 0) throw new DnsDataError("alpn needs at least one id");
  return ids;
}
