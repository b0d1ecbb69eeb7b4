import { isValidIpv4 } from "./ip-address.js";
import { isIPv6 } from "node:net";
import { WapiFailure } from "./wapi-failure.js";

/**
 * Record types WEDOS accepts and the syntax of their rdata (docs/reference/wapi.md#zone-data-rules): host names
 * inside rdata are absolute and written without a trailing dot; anything malformed is 2314.
 */

/** The types confirmed in client code; anything else is 2309 (docs/reference/wapi.md#unverified-record-types). */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "SSHFP", "TLSA", "CAA"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Whether an (upper-case) type is one WEDOS is known to accept. */
export function isRecordType(value: string): value is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(value);
}

export interface TxtPolicy {
  txtMaxLength: number;
  rejectLongTxtStrings: boolean;
}

const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i;
const UINT = /^(?:0|[1-9]\d*)$/;
const HEX = /^(?:[0-9a-f]{2})+$/i;

/**
 * An absolute host name as WEDOS writes it in rdata: at least two labels, no trailing dot, letters, digits,
 * hyphens and underscores (the latter for targets such as `_acme-challenge.example.net`).
 */
export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.split(".");
  if (labels.length < 2) return false;
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) return false;
  return labels.every((label) => HOST_LABEL.test(label));
}

function uintIn(text: string | undefined, max: number): boolean {
  return text !== undefined && UINT.test(text) && Number(text) <= max;
}

/** Throws 2314 unless `rdata` is valid for `type`. */
export function checkRdata(type: RecordType, rdata: string, txt: TxtPolicy): void {
  if (!rdataIsValid(type, rdata, txt)) throw new WapiFailure(2314, `invalid ${type} rdata ${JSON.stringify(rdata)}`);
}

function rdataIsValid(type: RecordType, rdata: string, txt: TxtPolicy): boolean {
  if (rdata.length === 0) return false;
  // Exactly one space between fields: the form WEDOS lists, so stored data compares cleanly.
  const fields = rdata.split(" ");
  switch (type) {
    case "A":
      return isValidIpv4(rdata);
    case "AAAA":
      return isIPv6(rdata);
    case "CNAME":
    case "NS":
      return isHostName(rdata);
    case "MX":
      return fields.length === 2 && uintIn(fields[0], 65_535) && isHostName(fields[1] ?? "");
    case "SRV":
      return (
        fields.length === 4 && fields.slice(0, 3).every((field) => uintIn(field, 65_535)) && isHostName(fields[3] ?? "")
      );
    case "TXT": {
      const bytes = Buffer.byteLength(rdata, "utf8");
      return bytes <= txt.txtMaxLength && !(txt.rejectLongTxtStrings && bytes > 255);
    }
    case "CAA":
      return /^(?:0|[1-9]\d{0,2}) [a-z0-9]+ "[^"]*"$/i.test(rdata) && uintIn(fields[0], 255);
    case "SSHFP":
      return (
        fields.length === 3 &&
        uintIn(fields[0], 255) &&
        (fields[1] === "1" || fields[1] === "2") &&
        HEX.test(fields[2] ?? "") &&
        (fields[2] ?? "").length === (fields[1] === "1" ? 40 : 64)
      );
    case "TLSA":
      return (
        fields.length === 4 &&
        uintIn(fields[0], 3) &&
        uintIn(fields[1], 1) &&
        uintIn(fields[2], 2) &&
        HEX.test(fields[3] ?? "") &&
        tlsaDigestLengthOk(fields[2], (fields[3] ?? "").length)
      );
  }
}

/** Matching type 1 is SHA-256 (64 hex digits), 2 is SHA-512 (128); 0 is the full data, any length. */
function tlsaDigestLengthOk(matchingType: string | undefined, hexLength: number): boolean {
  if (matchingType === "1") return hexLength === 64;
  if (matchingType === "2") return hexLength === 128;
  return true;
}

/**
 * The form in which two rows count as the same record (2316). Case does not matter in DNS names, so host-name
 * data compares case-insensitively; TXT and CAA values are compared exactly.
 */
export function recordIdentity(name: string, type: string, rdata: string): string {
  const data = type === "TXT" || type === "CAA" ? rdata : rdata.toLowerCase();
  return `${name}\u0000${type}\u0000${data}`;
}
