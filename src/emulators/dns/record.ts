import { isIPv4, isIPv6 } from "node:net";

/**
 * A DNS record as the emulated panels keep their zones: the absolute owner name without the trailing dot, the
 * upper-case type, the TTL, and the type's fields by name (`address`; `target`; `preference`, `exchange`; `strings`
 * for TXT; `flags`, `tag`, `value` for CAA; the SOA's seven; `hex` for any type in RFC 3597 form). The shape is the
 * one tests already build records in, so they can hand any record in; the fields are checked when it is written.
 */
export interface ZoneRecord<Data extends object = object> {
  name: string;
  type: string;
  ttl: number;
  data: Data;
}

/** How a field is written in a zone file. */
export type FieldKind = "text" | "number" | "name" | "quoted" | "strings" | "hex" | "rest";

type Layout = ReadonlyArray<readonly [field: string, kind: FieldKind]>;

const TARGET: Layout = [["target", "name"]];
const SVCB: Layout = [
  ["priority", "number"],
  ["target", "name"],
  ["params", "rest"],
];

/** The rdata fields of each type the emulators write by name, in zone-file order (RFC 1035, 2782, 8659, …). */
export const RDATA_LAYOUT: Readonly<Record<string, Layout>> = {
  A: [["address", "text"]],
  AAAA: [["address", "text"]],
  CNAME: TARGET,
  NS: TARGET,
  PTR: TARGET,
  MX: [
    ["preference", "number"],
    ["exchange", "name"],
  ],
  SRV: [
    ["priority", "number"],
    ["weight", "number"],
    ["port", "number"],
    ["target", "name"],
  ],
  TXT: [["strings", "strings"]],
  SPF: [["strings", "strings"]],
  CAA: [
    ["flags", "number"],
    ["tag", "text"],
    ["value", "quoted"],
  ],
  TLSA: [
    ["usage", "number"],
    ["selector", "number"],
    ["matchingType", "number"],
    ["data", "hex"],
  ],
  SSHFP: [
    ["algorithm", "number"],
    ["fingerprintType", "number"],
    ["fingerprint", "hex"],
  ],
  DS: [
    ["keyTag", "number"],
    ["algorithm", "number"],
    ["digestType", "number"],
    ["digest", "hex"],
  ],
  SOA: [
    ["mname", "name"],
    ["rname", "name"],
    ["serial", "number"],
    ["refresh", "number"],
    ["retry", "number"],
    ["expire", "number"],
    ["minimum", "number"],
  ],
  SVCB: SVCB,
  HTTPS: SVCB,
};

/** A record the emulator cannot write or read; the message says which and why. */
export class ZoneRecordError extends Error {}

/** The record's fields by name. */
export function fieldsOf(record: ZoneRecord): Readonly<Record<string, unknown>> {
  return record.data as Readonly<Record<string, unknown>>;
}

/** A text field of the record (a name or an address); an error naming the record when it has none. */
export function textField(record: ZoneRecord, field: string): string {
  const value = fieldsOf(record)[field];
  if (typeof value !== "string")
    throw new ZoneRecordError(`${record.type} record ${record.name} has no text field ${field}`);
  return value;
}

/** A number field of the record (a preference, a serial). */
export function numberField(record: ZoneRecord, field: string): number {
  const value = fieldsOf(record)[field];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ZoneRecordError(`${record.type} record ${record.name} has no number field ${field}`);
  }
  return value;
}

/** A name in a zone file: absolute, with the trailing dot. */
export function absolute(name: string): string {
  return `${name}.`;
}

/** A character-string in quotes: `"` and `\` escaped, bytes outside printable ASCII as `\DDD`. */
export function quote(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '"' || char === "\\") out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e)
      for (const byte of Buffer.from(char, "latin1")) out += `\\${String(byte).padStart(3, "0")}`;
    else out += char;
  }
  return `"${out}"`;
}

function formatField(record: ZoneRecord, field: string, kind: FieldKind): string {
  switch (kind) {
    case "number":
      return String(numberField(record, field));
    case "name":
      return absolute(textField(record, field));
    case "quoted":
      return quote(textField(record, field));
    case "strings": {
      const strings = fieldsOf(record)[field];
      if (!Array.isArray(strings) || strings.some((each) => typeof each !== "string")) {
        throw new ZoneRecordError(`${record.type} record ${record.name} has no character-strings`);
      }
      return (strings as string[]).map(quote).join(" ");
    }
    default:
      return textField(record, field);
  }
}

/**
 * The record's rdata as a zone file writes it: the type's fields in order, or RFC 3597's `\# <length> <hex>` for a
 * record that carries its data as `hex` (how a type the emulator has no layout for travels).
 */
export function formatRdata(record: ZoneRecord): string {
  const fields = fieldsOf(record);
  if (typeof fields.hex === "string") return `\\# ${fields.hex.length / 2}${fields.hex === "" ? "" : ` ${fields.hex}`}`;
  const layout = RDATA_LAYOUT[record.type];
  if (layout === undefined)
    throw new ZoneRecordError(`the emulated panel cannot write ${record.type} records except as RFC 3597 hex`);
  const rdata = layout.map(([field, kind]) => formatField(record, field, kind)).join(" ");
  if (record.type === "A" && !isIPv4(rdata)) throw new ZoneRecordError(`${rdata} is not an IPv4 address`);
  if (record.type === "AAAA" && !isIPv6(rdata)) throw new ZoneRecordError(`${rdata} is not an IPv6 address`);
  return rdata;
}

/** One zone-file line: `<name>. <ttl> IN <type> <rdata>`, tab-separated. */
export function formatRecord(record: ZoneRecord): string {
  return [absolute(record.name), String(record.ttl), "IN", record.type, formatRdata(record)].join("\t");
}

/** Whether two records are the same record (TTL aside), for deleting one from a zone. */
export function sameRecord(a: ZoneRecord, b: ZoneRecord): boolean {
  return a.name === b.name && a.type === b.type && formatRdata(a) === formatRdata(b);
}
