/** Every task the worker knows; job keys read `<task>:<domain>`. */
export const TASK = {
  /** Make the domain's zone (and protection, per policy) exist at WEDOS with the panel's records. */
  provisionDomain: "provision-domain",
  /** Bring the zone's records in line after the panel wrote them. */
  syncZone: "sync-zone",
  /** After the grace period: remove the zone and protection of a deleted domain at WEDOS. */
  removeDomain: "remove-domain",
  /** Suspension with the "withdraw" policy: remove the zone at WEDOS until unsuspended. */
  withdrawZone: "withdraw-zone",
  /** Order WEDOS Global protection. */
  protectDomain: "protect-domain",
  /** Terminate WEDOS Global protection the customer switched off. */
  unprotectDomain: "unprotect-domain",
  /** Collect the outcome of asynchronous orders (poll-req / poll-ack). */
  pollNotifications: "poll-notifications",
  /** Purge the protection cache (a person clicked). */
  purgeCache: "purge-cache",
  /** Check that WEDOS answers with the configured credentials (an admin clicked "Test connection"). */
  testConnection: "test-connection",
  /** Plan a zone against WEDOS without applying, and keep what differs for the admin's drift preview. */
  checkDrift: "check-drift",
  /** An admin applies a zone's drift fix (re-planned from fresh data; optionally forced or adopting). */
  applyDrift: "apply-drift",
  /** Compare the panel with what the plugin knows and WEDOS holds. */
  reconcile: "reconcile",
} as const;

export type TaskName = (typeof TASK)[keyof typeof TASK];

export const jobKey = (task: TaskName, domain: string) => `${task}:${domain}`;
