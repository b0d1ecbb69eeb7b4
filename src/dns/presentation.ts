import { presentationName } from "./normalise.js";
import { foreignTextFromHex } from "./foreign-rdata.js";
import type { DnsRecord, ForeignType } from "./record.js";
import { chunkedUpperHex, escapeCharString } from "./text-codec.js";

/**
 * Records in the presentation form BIND's `named-compilezone -s full` writes: one line per record, absolute names
 * with the trailing dot, rdata as BIND prints it, and BIND's column layout (lib/dns/masterdump.c: TTL, class and
 * type from column 46, rdata from column 64, tabs of width 8). test/dns/named-compilezone.test.ts compares it with
 * the real tool.
 */

const TTL_COLUMN = 46;
const CLASS_COLUMN = 46;
const TYPE_COLUMN = 46;
const RDATA_COLUMN = 64;
const TAB = 8;

/** BIND's indent(): tabs to the last tab stop before `to`, then spaces; always at least one character. */
function indent(from: number, wanted: number): { text: string; column: number } {
  const to = Math.max(wanted, from + 1);
  const tabs = Math.floor(to / TAB) - Math.floor(from / TAB);
  const spaces = tabs > 0 ? to % TAB : to - from;
  return { text: "\t".repeat(Math.max(tabs, 0)) + " ".repeat(spaces), column: to };
}

/** The exact line named-compilezone prints for `record` (without the line break). */
export function formatRecord(record: DnsRecord): string {
  let line = presentationName(record.name);
  let column = line.length;
  for (const [field, at] of [
    [String(record.ttl), TTL_COLUMN],
    ["IN", CLASS_COLUMN],
    [record.type, TYPE_COLUMN],
    [formatRdata(record), RDATA_COLUMN],
  ] as const) {
    const pad = indent(column, at);
    line += pad.text + field;
    column = pad.column + field.length;
  }
  return line;
}

/** The rdata of `record` as BIND prints it. */
export function formatRdata(record: DnsRecord): string {
  switch (record.type) {
    case "A":
    case "AAAA":
      return record.data.address;
    case "CNAME":
    case "NS":
    case "PTR":
      return presentationName(record.data.target);
    case "MX":
      return `${record.data.preference} ${presentationName(record.data.exchange)}`;
    case "SRV": {
      const { priority, weight, port, target } = record.data;
      return `${priority} ${weight} ${port} ${presentationName(target)}`;
    }
    case "TXT":
    case "SPF":
      return record.data.strings.map((text) => `"${escapeCharString(text)}"`).join(" ");
    case "CAA":
      return `${record.data.flags} ${record.data.tag} "${escapeCharString(record.data.value)}"`;
    case "TLSA": {
      const { usage, selector, matchingType, data } = record.data;
      return `${usage} ${selector} ${matchingType} ${chunkedUpperHex(data)}`;
    }
    case "SSHFP": {
      const { algorithm, fingerprintType, fingerprint } = record.data;
      return [algorithm, fingerprintType, chunkedUpperHex(fingerprint)].filter((part) => part !== "").join(" ");
    }
    case "DS": {
      const { keyTag, algorithm, digestType, digest } = record.data;
      return `${keyTag} ${algorithm} ${digestType} ${chunkedUpperHex(digest)}`;
    }
    case "SOA": {
      const { mname, rname, serial, refresh, retry, expire, minimum } = record.data;
      return `${presentationName(mname)} ${presentationName(rname)} ${serial} ${refresh} ${retry} ${expire} ${minimum}`;
    }
    case "SVCB":
    case "HTTPS": {
      const { priority, target, params } = record.data;
      return [String(priority), presentationName(target), params].filter((part) => part !== "").join(" ");
    }
    default: {
      const { hex } = record.data;
      const text = record.type.startsWith("TYPE") ? undefined : foreignTextFromHex(record.type as ForeignType, hex);
      if (text !== undefined) return text;
      return hex === "" ? "\\# 0" : `\\# ${hex.length / 2} ${chunkedUpperHex(hex)}`;
    }
  }
}
