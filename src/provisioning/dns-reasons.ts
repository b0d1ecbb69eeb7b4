/**
 * The fixed reasons the tasks give a domain's DNS state. They are stored in English (the CLI and the log show them
 * as they are); the pages recognise them with `knownDnsReason` and say them in the visitor's language. A reason
 * that carries details of its own (an error from WEDOS, a conflict) is shown as stored.
 */
export const DNS_REASONS = {
  packageWithoutDns: () => "the hosting package does not include WEDOS DNS",
  zoneLeftAlone: () => "an admin chose to leave the zone that already existed at WEDOS alone",
  recordsNotSynced: (count: number) => `${count} record(s) not synced; see the domain's records`,
  notConverged: () => "WEDOS does not match the panel after the sync; it will be retried",
  withdrawn: () => "the account is suspended; the zone returns when it is unsuspended",
  adopting: () => "an admin adopted the zone found at WEDOS; the panel's records are being applied to it",
  removed: () => "the domain was deleted in the panel; its zone was removed at WEDOS after the grace period",
} as const;

export type DnsReasonKey = keyof typeof DNS_REASONS;

/** Which fixed reason a stored text is (with its count), or undefined. */
export function knownDnsReason(text: string): { key: DnsReasonKey; count: number } | undefined {
  const count = Number(/^(\d+) /.exec(text)?.[1] ?? 0);
  for (const key of Object.keys(DNS_REASONS) as DnsReasonKey[]) {
    if (DNS_REASONS[key](count) === text) return { key, count };
  }
  return undefined;
}
