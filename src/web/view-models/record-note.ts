import type { RecordState } from "../../sync/record-states.js";
import { WEDOS_CAPABILITIES, WEDOS_NAMESERVERS } from "../../sync/capabilities.js";
import type { MessageKey, Translate } from "../i18n/index.js";
import { UNKNOWN_SERIAL, WEDOS_NS_RULE, WEDOS_SOA_RULE } from "../records/served-by-wedos.js";

/** The catalogue text of each capability-audit rule (src/sync/audit-rules.ts), by the rule's id. */
const RULE_KEYS: Readonly<Record<string, MessageKey>> = {
  "outside-zone": "audit.outside-zone",
  soa: "audit.soa",
  "apex-ns": "audit.apex-ns",
  dnssec: "audit.dnssec",
  "spf-type": "audit.spf-type",
  "unsupported-type": "audit.unsupported-type",
  "apex-cname": "audit.apex-cname",
  "cname-beside-data": "audit.cname-beside-data",
  "wildcard-form": "audit.wildcard-form",
  "ttl-too-low": "audit.ttl-too-low",
  "ttl-too-high": "audit.ttl-too-high",
  "mixed-ttl": "audit.mixed-ttl",
  dname: "audit.dname",
  "generic-type": "audit.generic-type",
  [WEDOS_SOA_RULE]: "records.wedosSoa",
  [WEDOS_NS_RULE]: "records.wedosNs",
};

/**
 * Why a record is not accepted or was adjusted, in the visitor's language. The audit's own reasons are English
 * (the CLI and the log use them); a rule without a catalogue text (a record the converter could not read) keeps
 * its English reason, which names the record's own data.
 */
export function recordNote(
  t: Translate,
  state: Pick<RecordState, "name" | "type" | "ttl" | "note" | "rule">,
): string | undefined {
  const key = state.rule === undefined ? undefined : RULE_KEYS[state.rule];
  if (key === undefined) return state.note;
  return t(key, {
    name: state.name,
    type: state.type,
    ttl: state.ttl,
    min: WEDOS_CAPABILITIES.minTtl,
    max: WEDOS_CAPABILITIES.maxTtl,
    nameservers: WEDOS_NAMESERVERS.join(", "),
    serial: UNKNOWN_SERIAL,
  });
}
