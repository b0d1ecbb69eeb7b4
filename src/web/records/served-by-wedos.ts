import { WEDOS_NAMESERVERS, WEDOS_SOA } from "../../sync/capabilities.js";
import type { RecordState } from "../../sync/record-states.js";

/** Rules of the rows WEDOS serves itself in every zone (the page's notes name them: view-models/record-note.ts). */
export const WEDOS_SOA_RULE = "wedos-soa";
export const WEDOS_NS_RULE = "wedos-ns";

/** The serial's place in the SOA shown: WEDOS raises it at each commit, and no listing tells it (ADR 0041). */
export const UNKNOWN_SERIAL = "…";

/**
 * The SOA and apex NS WEDOS serves for the zone, as rows of the page: its own values, the same for every zone
 * (docs/reference/wapi.md#soa-belongs-to-wedos, #no-ns-at-the-apex). The TTL is WEDOS's and not known (0 = not shown).
 */
export function wedosServedRows(): RecordState[] {
  const soa = WEDOS_SOA;
  const timers = `${soa.refresh} ${soa.retry} ${soa.expire} ${soa.minimum}`;
  const soaValue = `${soa.mname}. ${soa.rname}. ${UNKNOWN_SERIAL} ${timers}`;
  const row = (type: string, value: string, rule: string | undefined): RecordState => ({
    name: "@",
    type,
    ttl: 0,
    value,
    state: "by-wedos",
    note: undefined,
    rule,
  });
  return [
    row("SOA", soaValue, WEDOS_SOA_RULE),
    // The note is said once, on the first of WEDOS's name servers.
    ...WEDOS_NAMESERVERS.map((server, index) => row("NS", `${server}.`, index === 0 ? WEDOS_NS_RULE : undefined)),
  ];
}

/**
 * The zone's records as WEDOS serves them: the panel's own SOA and apex NS (which the sync never sends: WEDOS keeps
 * its own) give way to WEDOS's, first, as in a zone file. Everything else is as the record states say.
 */
export function asServedByWedos(records: readonly RecordState[]): RecordState[] {
  return [...wedosServedRows(), ...records.filter((record) => record.state !== "by-wedos")];
}
