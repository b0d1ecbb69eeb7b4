import { labelsOfName } from "./normalise.js";
import type { DnsRecord } from "./record.js";
import { svcParamsWireLength } from "./svcb-params.js";

/**
 * How big a record's data is in wire form, and how big DNS data may be (docs/decisions/0032). A record's data
 * carries a 16-bit length (RFC 1035 §3.2.1), but BIND 9.18 holds a whole set — two bytes of length per record plus
 * its data — in a buffer of 65,512 bytes and refuses anything bigger with "ran out of space" (measured with
 * named-checkzone: one TXT of 65,510 bytes loads, one of 65,511 does not; two records of a set share the room).
 */

/** The room BIND has for one set: each record's data plus two bytes for its length. */
export const SET_WIRE_BYTES = 65_512;
/** The most data one record can hold as BIND loads it: a set of that one record. */
export const MAX_RDATA_BYTES = SET_WIRE_BYTES - 2;

/** Bytes of a name in wire form: each label with its length byte, then the root's zero byte. */
function nameLength(name: string): number {
  if (name === "") return 1;
  // A canonical name is ASCII; only one with BIND's escapes needs reading label by label.
  if (!name.includes("\\")) return name.length + 2;
  return labelsOfName(name).reduce((bytes, label) => bytes + 1 + label.length, 1);
}

/** Bytes of lower-case hex data. */
const hexLength = (hex: string) => hex.length / 2;

/** The length of a record's data in wire form (names uncompressed, as RFC 3597 and BIND count them). */
export function rdataWireLength(record: DnsRecord): number {
  switch (record.type) {
    case "A":
      return 4;
    case "AAAA":
      return 16;
    case "CNAME":
    case "NS":
    case "PTR":
      return nameLength(record.data.target);
    case "MX":
      return 2 + nameLength(record.data.exchange);
    case "SRV":
      return 6 + nameLength(record.data.target);
    case "TXT":
    case "SPF":
      return record.data.strings.reduce((bytes, string) => bytes + 1 + string.length, 0);
    case "CAA":
      return 2 + record.data.tag.length + record.data.value.length;
    case "TLSA":
      return 3 + hexLength(record.data.data);
    case "SSHFP":
      return 2 + hexLength(record.data.fingerprint);
    case "DS":
      return 4 + hexLength(record.data.digest);
    case "SOA":
      return nameLength(record.data.mname) + nameLength(record.data.rname) + 20;
    case "SVCB":
    case "HTTPS":
      return 2 + nameLength(record.data.target) + svcParamsWireLength(record.data.params);
    default:
      return hexLength(record.data.hex);
  }
}

/** Why a record's data is too big for DNS, in words; undefined when it fits. */
export function oversizeReason(record: DnsRecord): string | undefined {
  const bytes = rdataWireLength(record);
  if (bytes <= MAX_RDATA_BYTES) return undefined;
  const most = grouped(MAX_RDATA_BYTES);
  return `the ${record.type} data is ${grouped(bytes)} bytes, more than the ${most} one DNS record can hold`;
}

/** 65510 → "65,510": sizes are read by people. */
export function grouped(count: number): string {
  return count.toLocaleString("en-US");
}
