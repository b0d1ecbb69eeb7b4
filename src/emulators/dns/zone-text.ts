import { isIPv4, isIPv6 } from "node:net";
import {
  absolute,
  formatRdata,
  formatRecord,
  RDATA_LAYOUT,
  ZoneRecordError,
  type FieldKind,
  type ZoneRecord,
} from "./record.js";

/**
 * Zone files as the emulated panels write them and read them back: `$TTL`, the SOA spread over lines in
 * parentheses as DirectAdmin's and cPanel's templates write it, then one record per line with absolute names. The
 * reader is the small subset of BIND's syntax those files use plus what a panel's "add record" form takes (`@`,
 * names relative to the zone, an optional TTL and class, quoted strings); anything else is refused, not guessed.
 */

export const DEFAULT_TTL = 3600;

/** A zone file's text: `$TTL`, the SOA first, then the other records in the order given. */
export function formatZoneText(records: readonly ZoneRecord[], ttl = DEFAULT_TTL): string {
  const soa = records.filter((record) => record.type === "SOA");
  const lines = [`$TTL ${ttl}`];
  for (const record of soa) {
    const [mname, rname, ...numbers] = formatRdata(record).split(" ");
    lines.push(
      `${absolute(record.name)}\t${record.ttl}\tIN\tSOA\t${mname} ${rname} (`,
      ...numbers.map((number) => `\t\t\t\t${number}`),
    );
    lines[lines.length - 1] += " )";
  }
  lines.push("", ...records.filter((record) => record.type !== "SOA").map(formatRecord));
  return `${lines.join("\n")}\n`;
}

interface Token {
  text: string;
  quoted: boolean;
}

/** Splits one logical entry into tokens; `(` … `)` continue it over lines, `;` starts a comment. */
function* entries(text: string): Generator<{ tokens: Token[]; indented: boolean; line: number }> {
  let tokens: Token[] = [];
  let depth = 0;
  let indented = false;
  let start = 1;
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    if (depth === 0) {
      tokens = [];
      indented = /^[ \t]/.test(line);
      start = index + 1;
    }
    let at = 0;
    while (at < line.length) {
      const char = line[at] as string;
      if (char === ";") break;
      if (char === " " || char === "\t" || char === "\r") at += 1;
      else if (char === "(" || char === ")") {
        depth += char === "(" ? 1 : -1;
        if (depth < 0) throw new ZoneRecordError(`line ${index + 1}: ")" without "("`);
        at += 1;
      } else if (char === '"') {
        let value = "";
        at += 1;
        while (at < line.length && line[at] !== '"') {
          if (line[at] === "\\") {
            const digits = /^\d{3}/.exec(line.slice(at + 1));
            value += digits === null ? (line[at + 1] ?? "") : String.fromCharCode(Number(digits[0]));
            at += digits === null ? 2 : 4;
          } else value += line[at++];
        }
        if (at >= line.length) throw new ZoneRecordError(`line ${index + 1}: a quoted string is not closed`);
        tokens.push({ text: value, quoted: true });
        at += 1;
      } else {
        const word = /^[^\s;()"]+/.exec(line.slice(at))?.[0] as string;
        tokens.push({ text: word, quoted: false });
        at += word.length;
      }
    }
    if (depth === 0 && tokens.length > 0) yield { tokens, indented, line: start };
  }
  if (depth > 0) throw new ZoneRecordError(`line ${start}: "(" is never closed`);
}

/** The absolute name (no trailing dot, lower case) of `text` in a zone whose origin is `origin`. */
function ownerName(text: string, origin: string): string {
  if (text === "@") return origin;
  const name = text.toLowerCase();
  return name.endsWith(".") ? name.slice(0, -1) : `${name}.${origin}`;
}

function readField(kind: FieldKind, rest: Token[], origin: string): unknown {
  if (kind === "strings") return rest.splice(0).map((token) => token.text);
  if (kind === "rest" || kind === "hex")
    return rest
      .splice(0)
      .map((token) => token.text)
      .join(kind === "rest" ? " " : "");
  const token = rest.shift();
  if (token === undefined) throw new ZoneRecordError("the record has too few fields");
  if (kind === "number") {
    if (!/^\d{1,10}$/.test(token.text)) throw new ZoneRecordError(`"${token.text}" is not a number`);
    return Number(token.text);
  }
  return kind === "name" ? ownerName(token.text, origin) : token.text;
}

/** The fields of one record's rdata from its tokens. */
function readRdata(type: string, tokens: Token[], origin: string): object {
  if (tokens[0]?.text === "\\#" && !tokens[0].quoted) {
    const hex = tokens
      .slice(2)
      .map((token) => token.text)
      .join("")
      .toLowerCase();
    if (!/^[0-9a-f]*$/.test(hex) || hex.length !== Number(tokens[1]?.text) * 2)
      throw new ZoneRecordError(`the RFC 3597 data of ${type} does not match its length`);
    return { hex };
  }
  const layout = RDATA_LAYOUT[type];
  if (layout === undefined)
    throw new ZoneRecordError(`the emulated panel reads ${type} records only in RFC 3597 form (\\# <length> <hex>)`);
  const rest = [...tokens];
  const data = Object.fromEntries(layout.map(([field, kind]) => [field, readField(kind, rest, origin)]));
  if (rest.length > 0) throw new ZoneRecordError(`${type} has more fields than it takes`);
  if (type === "A" && !isIPv4(String(data.address)))
    throw new ZoneRecordError(`${String(data.address)} is not an IPv4 address`);
  if (type === "AAAA" && !isIPv6(String(data.address)))
    throw new ZoneRecordError(`${String(data.address)} is not an IPv6 address`);
  return data;
}

/**
 * Reads a zone file's records (names absolute, without the trailing dot). `$TTL` sets the default TTL and `$ORIGIN`
 * the origin; a line that starts with blanks repeats the previous owner. Throws {@link ZoneRecordError} naming the
 * line for anything it cannot read.
 */
export function parseZoneText(text: string, origin: string, defaultTtl?: number): ZoneRecord[] {
  const records: ZoneRecord[] = [];
  let ttl = defaultTtl;
  let base = origin;
  let owner: string | undefined;
  for (const { tokens, indented, line } of entries(text)) {
    try {
      const first = tokens[0] as Token;
      if (first.text === "$TTL" || first.text === "$ORIGIN") {
        const value = tokens[1]?.text ?? "";
        if (first.text === "$ORIGIN") base = ownerName(value, base);
        else if (/^\d{1,10}$/.test(value)) ttl = Number(value);
        else throw new ZoneRecordError(`$TTL "${value}" is not a number of seconds`);
        continue;
      }
      if (first.text.startsWith("$")) throw new ZoneRecordError(`the emulated panel does not write ${first.text}`);
      const rest = indented ? [...tokens] : tokens.slice(1);
      owner = indented ? owner : ownerName(first.text, base);
      if (owner === undefined) throw new ZoneRecordError("the first record has no owner name");
      let recordTtl = ttl;
      while (rest[0] !== undefined && (/^\d+$/.test(rest[0].text) || /^IN$/i.test(rest[0].text))) {
        const token = rest.shift() as Token;
        if (/^\d+$/.test(token.text)) recordTtl = Number(token.text);
      }
      const type = rest.shift()?.text.toUpperCase();
      if (type === undefined) throw new ZoneRecordError("the record has no type");
      if (recordTtl === undefined) throw new ZoneRecordError("the record has no TTL and there is no $TTL before it");
      records.push({ name: owner, type, ttl: recordTtl, data: readRdata(type, rest, base) });
    } catch (error) {
      if (!(error instanceof ZoneRecordError) || error.message.startsWith("line ")) throw error;
      throw new ZoneRecordError(`line ${line}: ${error.message}`, { cause: error });
    }
  }
  return records;
}
