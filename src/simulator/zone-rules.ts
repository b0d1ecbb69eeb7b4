import { checkRdata, isRecordType, recordIdentity, type RecordType, type TxtPolicy } from "./rdata-rules.js";
import type { RowState } from "./state.js";
import { WapiFailure } from "./wapi-failure.js";

/**
 * The data rules WEDOS enforces on a primary zone's rows (docs/reference/wapi.md#zone-data-rules), with the codes of
 * its DNS commands: names 2311, types 2309, TTL 2315/2317, rdata 2314, name-for-type 2312, CNAME 2313, duplicates
 * 2316. Checks run in that order, so a request with several problems gets the first one.
 */

export const MIN_TTL = 300;
export const MAX_TTL = 172_800;

const NAME_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

export interface RowRulesPolicy extends TxtPolicy {
  strictTtl: boolean;
}

/** A row as a command wants it to be after the write. */
export interface CandidateRow {
  name: string;
  type: RecordType;
  ttl: number;
  rdata: string;
}

/**
 * A record name relative to `zone`: "" for the apex, labels otherwise, a single `*` only as the leftmost label.
 * `@` is not WEDOS syntax. Returned in lower case (case does not matter).
 */
export function parseRecordName(value: unknown, zone: string): string {
  if (value === undefined || value === null) throw new WapiFailure(2100, "`name` missing");
  if (typeof value !== "string") throw new WapiFailure(2311, "`name` must be a string");
  const name = value.toLowerCase();
  if (name === "") return name;
  const labels = name.split(".");
  const valid = labels.every((label, index) => (label === "*" ? index === 0 : NAME_LABEL.test(label)));
  if (!valid || name.length + 1 + zone.length > 253) {
    throw new WapiFailure(2311, `invalid record name ${JSON.stringify(value)}`);
  }
  return name;
}

/** The record type, upper-cased; unsupported types are 2309. */
export function parseRecordType(value: unknown): RecordType {
  if (value === undefined || value === null) throw new WapiFailure(2100, "`type` missing");
  const type = typeof value === "string" ? value.toUpperCase() : "";
  if (!isRecordType(type)) throw new WapiFailure(2309, `unsupported record type ${JSON.stringify(value)}`);
  return type;
}

/** TTL as a number or a numeric string (clients send both); non-numeric is 2315, out of range 2317. */
export function parseTtl(value: unknown): number {
  if (value === undefined || value === null) throw new WapiFailure(2100, "`ttl` missing");
  const numeric =
    (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^-?\d+$/.test(value));
  if (!numeric) throw new WapiFailure(2315, `TTL ${JSON.stringify(value)} is not a whole number`);
  const ttl = Number(value);
  if (ttl < MIN_TTL || ttl > MAX_TTL) throw new WapiFailure(2317, `TTL ${ttl} outside ${MIN_TTL}–${MAX_TTL}`);
  return ttl;
}

/** The rdata as a string; its syntax is checked with the type. */
export function parseRdata(value: unknown): string {
  if (value === undefined || value === null) throw new WapiFailure(2100, "`rdata` missing");
  if (typeof value !== "string") throw new WapiFailure(2314, "`rdata` must be a string");
  return value;
}

/**
 * Checks a row against the rest of the zone. `others` are the zone's working rows without the row being
 * updated (if any), so an update never conflicts with its own previous version.
 */
export function checkRowInZone(candidate: CandidateRow, others: readonly RowState[], policy: RowRulesPolicy): void {
  const { name, type, ttl, rdata } = candidate;
  checkRdata(type, rdata, policy);
  checkNameForType(name, type);

  const identity = recordIdentity(name, type, rdata);
  if (others.some((row) => recordIdentity(row.name, row.type, row.rdata) === identity)) {
    throw new WapiFailure(2316, `${type} ${JSON.stringify(name)} ${JSON.stringify(rdata)} already exists`);
  }

  const atName = others.filter((row) => row.name === name);
  if (type === "CNAME" && name === "") throw new WapiFailure(2313, "CNAME at the zone apex");
  if (type === "CNAME" && atName.length > 0) throw new WapiFailure(2313, `CNAME beside other data at ${name}`);
  if (type !== "CNAME" && atName.some((row) => row.type === "CNAME")) {
    throw new WapiFailure(2313, `${type} beside a CNAME at ${name}`);
  }

  if (policy.strictTtl && atName.some((row) => row.type === type && row.ttl !== ttl)) {
    throw new WapiFailure(2317, `TTL ${ttl} differs from the rest of the ${type} set at ${JSON.stringify(name)}`);
  }
}

/** Names some types cannot have: NS at the apex (WEDOS manages it) or on a wildcard, SRV without `_svc._proto`. */
function checkNameForType(name: string, type: RecordType): void {
  if (type === "NS" && (name === "" || name.split(".")[0] === "*")) {
    throw new WapiFailure(2312, `NS not allowed at ${JSON.stringify(name)}`);
  }
  if (type === "SRV" && !/^_[a-z0-9-]+\._[a-z0-9-]+(?:\.|$)/.test(name)) {
    throw new WapiFailure(2312, `SRV name ${JSON.stringify(name)} is not _service._proto`);
  }
}
