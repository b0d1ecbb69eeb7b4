import { reason, type Reason } from "../model/reason.js";

/**
 * The fixed reasons the tasks give a domain's DNS state: a code the pages say in the visitor's language, and the
 * English text the CLI and the log show as it is.
 */
export const DNS_REASONS = {
  packageWithoutDns: () => reason("package-without-dns", "the hosting package does not include WEDOS DNS"),
  zoneLeftAlone: () =>
    reason("zone-left-alone", "an admin chose to leave the zone that already existed at WEDOS alone"),
  recordsNotSynced: (count: number) =>
    reason("records-not-synced", `${count} record(s) not synced; see the domain's records`, { count }),
  notConverged: () => reason("not-converged", "WEDOS does not match the panel after the sync; it will be retried"),
  withdrawn: () => reason("withdrawn", "the account is suspended; the zone returns when it is unsuspended"),
  adopting: () =>
    reason("adopting", "an admin adopted the zone found at WEDOS; the panel's records are being applied to it"),
  removed: () =>
    reason("removed", "the domain was deleted in the panel; its zone was removed at WEDOS after the grace period"),
} as const satisfies Record<string, (count: number) => Reason>;
