import { DnsDataError } from "./errors.js";
import { FIELD, type FieldCodec } from "./foreign-fields.js";
import { LOC_FIELD } from "./loc-field.js";
import type { Labels } from "./normalise.js";
import { Fields } from "./rdata-fields.js";
import type { ForeignType } from "./record.js";
import { hexFromBytes } from "./text-codec.js";
import type { Token } from "./tokenizer.js";
import { Reader } from "./wire-reader.js";

/**
 * Types BIND knows that we carry as RFC 3597 data rather than model (docs/decisions/0017): WEDOS takes none of
 * them, so they only need to be read exactly and printed as BIND prints them. Each type here is its field layout;
 * a foreign type without a layout is read only in the `\#` form and printed in it.
 */
const LAYOUTS: Partial<Readonly<Record<ForeignType, readonly FieldCodec[]>>> = {
  MB: [FIELD.name],
  MG: [FIELD.name],
  MR: [FIELD.name],
  "NSAP-PTR": [FIELD.name],
  DNAME: [FIELD.name],
  HINFO: [FIELD.string, FIELD.string],
  MINFO: [FIELD.name, FIELD.name],
  RP: [FIELD.name, FIELD.name],
  AFSDB: [FIELD.u16, FIELD.name],
  RT: [FIELD.u16, FIELD.name],
  KX: [FIELD.u16, FIELD.name],
  PX: [FIELD.u16, FIELD.name, FIELD.name],
  NAPTR: [FIELD.u16, FIELD.u16, FIELD.string, FIELD.string, FIELD.string, FIELD.name],
  URI: [FIELD.u16, FIELD.u16, FIELD.restString],
  LOC: [LOC_FIELD],
  DNSKEY: [FIELD.u16, FIELD.u8, FIELD.algorithm, FIELD.base64],
  CDNSKEY: [FIELD.u16, FIELD.u8, FIELD.algorithm, FIELD.base64],
  CDS: [FIELD.u16, FIELD.algorithm, FIELD.digestType, FIELD.digest],
  TA: [FIELD.u16, FIELD.algorithm, FIELD.digestType, FIELD.digest],
  DLV: [FIELD.u16, FIELD.algorithm, FIELD.digestType, FIELD.digest],
  RRSIG: [
    FIELD.covered,
    FIELD.algorithm,
    FIELD.u8,
    FIELD.ttl,
    FIELD.time,
    FIELD.time,
    FIELD.u16,
    FIELD.name,
    FIELD.base64,
  ],
  NSEC: [FIELD.name, FIELD.bitmap],
  NSEC3: [FIELD.u8, FIELD.u8, FIELD.u16, FIELD.salt, FIELD.hash32, FIELD.bitmap],
  NSEC3PARAM: [FIELD.u8, FIELD.u8, FIELD.u16, FIELD.salt],
  CSYNC: [FIELD.u32, FIELD.u16, FIELD.bitmap],
  SMIMEA: [FIELD.u8, FIELD.u8, FIELD.u8, FIELD.hex],
  OPENPGPKEY: [FIELD.base64],
  DHCID: [FIELD.base64],
  ZONEMD: [FIELD.u32, FIELD.u8, FIELD.u8, FIELD.hex],
};

/** Whether zone files may write `type` in its presentation form (not only as `\#`). */
export function hasForeignLayout(type: ForeignType): boolean {
  return LAYOUTS[type] !== undefined;
}

/** The wire data (lower-case hex) of a foreign type written in its presentation form. */
export function foreignHexFromText(type: ForeignType, tokens: readonly Token[], origin: Labels): string {
  const layout = LAYOUTS[type];
  if (layout === undefined) {
    throw new DnsDataError(
      `wedos-panel reads ${type} records only in the RFC 3597 form; write the record as ${type} \\# <length> <hex> (RFC 3597; 'dig +unknownformat' prints a record in that form)`,
    );
  }
  const fields = new Fields(tokens, type);
  const values: number[] = [];
  let wire = "";
  for (const field of layout) {
    const read = field.fromText(fields, origin, values);
    wire += read.wire;
    if (read.value !== undefined) values.push(read.value);
  }
  fields.end();
  if (wire.length > 0xffff) throw new DnsDataError(`the ${type} data is longer than 65535 bytes`);
  return hexFromBytes(wire);
}

/**
 * BIND's presentation text of foreign wire data, or undefined when the type has no layout (then the `\#` form is
 * printed). Throws DnsDataError when the data does not fit the type's layout, as BIND refuses it.
 */
export function foreignTextFromHex(type: ForeignType, hex: string): string | undefined {
  const layout = LAYOUTS[type];
  if (layout === undefined) return undefined;
  const reader = new Reader(Buffer.from(hex, "hex").toString("latin1"), type);
  const values: number[] = [];
  const parts: string[] = [];
  for (const field of layout) {
    const shown = field.toText(reader, values);
    if (shown.text !== "") parts.push(shown.text);
    if (shown.value !== undefined) values.push(shown.value);
  }
  reader.end();
  return parts.join(" ");
}
