/**
 * The WAPI state as its readers see it (the admin's pages, through {@link WapiStatusView}): this hour's request
 * budget, a pause of sending and why, and the rejected-request fuse. Values only; the budget, the circuit and the
 * fuse that keep them live in wapi/.
 */

/** Requests and rejections counted in one clock hour. */
export interface HourUsage {
  hourStart: number;
  used: number;
  rejected: number;
}

/** What each lane may bring the hour's count to (wapi/lanes.ts names the lanes, most urgent first). */
export interface LaneCaps {
  interactive: number;
  lifecycle: number;
  records: number;
  background: number;
}

/** This hour's budget: `reserve` is the part records and background work may not use. */
export interface BudgetStatus extends HourUsage {
  limit: number;
  reserve: number;
  renewsAt: number;
  caps: LaneCaps;
}

/**
 * Why sending is paused: WEDOS refused the credentials (2050), the IP address (2051) or blocked it (2052), its
 * hourly limit was reached (2006), or the plugin's own rejected-request fuse holds.
 */
export type CircuitReason = "credentials" | "ip-not-allowed" | "ip-blocked" | "rate-limited" | "rejected-fuse";

/**
 * What ends a pause before its planned end: an admin's word (Resume on the pages, `wedos-panel wapi-resume`), or WAPI
 * settings that differ from those the pause met (docs/decisions/0007).
 */
export type ResumeCause = "admin" | "new-settings";

/** Sending to WEDOS is paused (the circuit is open). */
export interface WapiPause {
  reason: CircuitReason;
  /** Why, since when and until when, in words for an admin. */
  summary: string;
  /** The address WEDOS said the request came from, when it refused the IP address. */
  seenIp: string | null;
  /** When sending resumes by itself (a time-bound cause) or one test request is tried (a cause an admin fixes). */
  retryAt: number;
  /** The pause ends at `retryAt` whatever anyone does (the hourly limit, the fuse); else an admin fixes its cause. */
  endsByItself: boolean;
}

/** The rejected-request fuse over the last hour (docs/decisions/0014-the-fuse-holds-whatever-happens.md). */
export interface FuseStatus {
  /** Requests rejected by WEDOS, or never answered, in the last hour. */
  rejected: number;
  /** Requests sent and not answered yet: each may still be a rejection. */
  pending: number;
  /** wapi.rejectedFuse: what the plugin's own requests may bring the hour's count to. */
  fuse: number;
  /** What explicit Test connections may bring it to. */
  ceiling: number;
  /** The fuse has tripped: nothing is sent by itself until `resumesAt`. */
  tripped: boolean;
  resumesAt: number | undefined;
  /** Test connections that may still be tried now. */
  testsLeft: number;
  /** When the next Test connection becomes possible, while none is left. */
  nextTestAt: number | undefined;
}

/** What the pages may read of the WAPI state; nothing here sends a request or changes a count. */
export interface WapiStatusView {
  budget(): BudgetStatus;
  /** The last `hours` clock hours, the current one last (hours without requests count 0). */
  budgetHistory(hours: number): HourUsage[];
  /** Undefined while requests may be sent. */
  pause(): WapiPause | undefined;
  fuse(): FuseStatus;
}
