import { parseZoneFile, ZoneFileError, type DnsRecord } from "../../../dns/index.js";
import { formatZone } from "../zone.js";
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

/**
 * Reads the form into a record the way DirectAdmin would write it into the zone file: one zone-file line
 * `<name> [<ttl>] IN <type> <value>` appended to the zone and read by the plugin's own zone-file reader (dns/),
 * so relative names, `@` and every type's rdata follow BIND's rules, and a record BIND would refuse beside the
 * others (a CNAME next to other data) is refused. TXT text without quotes is quoted whole.
 */
export function readRecordInput(zone: string, current: readonly DnsRecord[], input: RecordInput): DnsRecord {
  for (const [what, text] of Object.entries(input)) {
    // A line break or control character would smuggle a second line (a record or a $-directive) into the zone.
    if (/[\u0000-\u001f\u007f]/.test(text)) throw new FormRefusal(`the ${what} must be on one line`);
  }
  if (!(EDITOR_TYPES as readonly string[]).includes(input.type)) throw new FormRefusal(`the record type must be one of ${EDITOR_TYPES.join(", ")}`);
  const name = input.name === "" ? "@" : input.name;
  if (!/^[A-Za-z0-9_*@.-]+$/.test(name)) throw new FormRefusal(`"${name}" is not a record name: use a label like www, @ for ${zone} itself, or a full name ending in a dot`);
  if (input.ttl !== "" && !/^\d{1,10}$/.test(input.ttl)) throw new FormRefusal(`the TTL must be a number of seconds, got "${input.ttl}"`);
  if (input.value === "") throw new FormRefusal("the value is empty");
  const value = input.type === "TXT" && !input.value.startsWith('"') ? `"${input.value.replace(/["\\]/g, (c) => `\\${c}`)}"` : input.value;
  const text = `${formatZone(current)}${name} ${input.ttl} IN ${input.type} ${value}\n`;
  try {
    const records = parseZoneFile(text, { origin: zone }).records;
    // BIND keeps one copy of identical records: then the zone has no more records than before.
    if (records.length === current.length) throw new FormRefusal(`the zone already has that ${input.type} record`);
    return records[records.length - 1] as DnsRecord;
  } catch (error) {
    if (!(error instanceof ZoneFileError)) throw error;
    throw new FormRefusal(`the record cannot be read: ${error.problems.map((problem) => problem.message).join("; ")}`);
  }
}
