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

/** This hour's budget: `reserve` is the part records and background work may not use. */
export interface BudgetStatus extends HourUsage {
  limit: number;
  reserve: number;
  renewsAt: number;
}

/** Sending to WEDOS is paused (the circuit is open). */
export interface WapiPause {
  /** Why, since when and until when, in words for an admin. */
  summary: string;
  /** The address WEDOS said the request came from, when it refused the IP address. */
  seenIp: string | null;
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
