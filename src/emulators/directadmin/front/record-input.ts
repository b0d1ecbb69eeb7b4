import { formatRdata, parseZoneText, ZoneRecordError, type ZoneRecord } from "../../dns/index.js";
import { FormRefusal } from "./deps.js";

/** The record types the DNS editor offers (DirectAdmin's own list, less the rare ones). */
export const EDITOR_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS"] as const;

/** What the editor's "add record" form holds. */
export interface RecordInput {
  name: string;
  type: string;
  ttl: string;
  value: string;
}

/** The zone's TTL for a record added without one (DirectAdmin's `$TTL`). */
const ZONE_TTL = 3600;

/**
 * Reads the form into a record the way DirectAdmin would write it into the zone file: one zone-file line
 * `<name> [<ttl>] IN <type> <value>` read relative to the zone by the emulators' own zone-file reader, so
 * relative names, `@` and quoted text follow BIND's rules, and a record BIND would refuse beside the others (a
 * CNAME next to other data, an identical record) is refused. TXT text without quotes is quoted whole.
 */
export function readRecordInput(zone: string, current: readonly ZoneRecord[], input: RecordInput): ZoneRecord {
  for (const [what, text] of Object.entries(input)) {
    // A line break or control character would smuggle a second line (a record or a $-directive) into the zone.
    if (/[\u0000-\u001f\u007f]/.test(text)) throw new FormRefusal(`the ${what} must be on one line`);
  }
  if (!(EDITOR_TYPES as readonly string[]).includes(input.type))
    throw new FormRefusal(`the record type must be one of ${EDITOR_TYPES.join(", ")}`);
  const name = input.name === "" ? "@" : input.name;
  if (!/^[A-Za-z0-9_*@.-]+$/.test(name))
    throw new FormRefusal(
      `"${name}" is not a record name: use a label like www, @ for ${zone} itself, or a full name ending in a dot`,
    );
  if (input.ttl !== "" && !/^\d{1,10}$/.test(input.ttl))
    throw new FormRefusal(`the TTL must be a number of seconds, got "${input.ttl}"`);
  if (input.value === "") throw new FormRefusal("the value is empty");
  const value =
    input.type === "TXT" && !input.value.startsWith('"')
      ? `"${input.value.replace(/["\\]/g, (c) => `\\${c}`)}"`
      : input.value;
  try {
    const [record, ...more] = parseZoneText(`${name} ${input.ttl} IN ${input.type} ${value}\n`, zone, ZONE_TTL);
    if (record === undefined || more.length > 0) throw new ZoneRecordError("expected exactly one record");
    refuseConflicts(record, current);
    return record;
  } catch (error) {
    if (!(error instanceof ZoneRecordError)) throw error;
    throw new FormRefusal(`the record cannot be read: ${error.message}`);
  }
}

/** What BIND refuses to load: a CNAME beside other data at one name; what it drops: a second identical record. */
function refuseConflicts(record: ZoneRecord, current: readonly ZoneRecord[]): void {
  const atName = current.filter((other) => other.name === record.name);
  if (atName.some((other) => other.type === record.type && formatRdata(other) === formatRdata(record))) {
    throw new FormRefusal(`the zone already has that ${record.type} record`);
  }
  if (atName.length > 0 && (record.type === "CNAME" || atName.some((other) => other.type === "CNAME"))) {
    throw new ZoneRecordError(`${record.name} cannot have a CNAME beside other records`);
  }
}
