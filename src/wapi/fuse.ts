import { hostname } from "node:os";
import type { Clock } from "../clock.js";
import type { FuseStatus } from "../model/wapi-status.js";
import type { FuseKind, WapiFuseStore } from "../store/wapi-fuse-store.js";
import { WapiPausedError } from "./errors.js";
import { pragueClockTime } from "./prague-hour.js";
import { processAlive } from "../util/process-alive.js";

/** The fuse counts over the last hour, which also bounds every clock hour (WEDOS's own window is unpublished). */
const WINDOW_MS = 3_600_000;
/**
 * What an admin's explicit Test connection may bring the hour's count to. WEDOS blocks the IP address after 10
 * invalid requests; two stay in reserve for what the plugin cannot see (docs/decisions/0014).
 */
export const TEST_CEILING = 8;
/** How soon to look again when the last places are held by requests still waiting for their answer. */
const PENDING_RETRY_MS = 5_000;

/** Who counts a request: a pending request whose process is gone will never be answered. */
const THIS_PROCESS = `${hostname()}:${process.pid}`;

function splitOwner(owner: string): [string, number] {
  const at = owner.lastIndexOf(":");
  return [owner.slice(0, at), Number(owner.slice(at + 1))];
}

/**
 * The rejected-request fuse, shared by every process through the database. A request counts from just before it
 * is sent, since until WEDOS answers it may be a rejection; an accepted one stops counting, a rejected or
 * unanswered one counts for an hour. The plugin's own requests stop at wapi.rejectedFuse; past that only an admin's
 * explicit Test connection may go, up to TEST_CEILING. Neither a new password, `wapi-resume` nor a restart resets
 * it: WEDOS's count of invalid requests does not reset either.
 */
export class RejectionFuse {
  constructor(
    private readonly store: WapiFuseStore,
    private readonly clock: Clock,
    private readonly fuse: number,
  ) {}

  /**
   * Throws WapiPausedError when a request of this kind could not be counted now. Not atomic: it spares the hourly
   * budget a request the fuse would refuse; `reserve` decides.
   */
  check(command: string, kind: FuseKind): void {
    const now = this.clock.now();
    if (this.store.counts(now - WINDOW_MS).counted >= this.capFor(kind)) throw this.refusal(command, kind);
  }

  /** Counts one request about to be sent, or throws WapiPausedError when it could be the one too many. */
  reserve(command: string, kind: FuseKind): FuseTicket {
    const now = this.clock.now();
    this.settleAbandoned();
    const id = this.store.reserve(now, now - WINDOW_MS, this.capFor(kind), kind, THIS_PROCESS);
    if (id === undefined) throw this.refusal(command, kind);
    return new FuseTicket(this.store, id);
  }

  /**
   * Requests a process of this host sent and died before their answer came (killed, crashed) are unanswered: they
   * count until a later request is accepted, instead of holding every process back as if still under way.
   */
  private settleAbandoned(): void {
    for (const owner of this.store.pendingOwners()) {
      const [host, pid] = splitOwner(owner);
      if (host === hostname() && pid !== process.pid && !processAlive(pid)) this.store.abandon(owner);
    }
  }

  status(): FuseStatus {
    const since = this.clock.now() - WINDOW_MS;
    const counts = this.store.counts(since);
    const rejected = counts.counted - counts.pending;
    const ceiling = this.ceiling();
    const freesAt = (cap: number) =>
      counts.counted < cap ? undefined : (this.store.nthOldest(since, counts.counted - cap) ?? since) + WINDOW_MS;
    return {
      rejected,
      pending: counts.pending,
      fuse: this.fuse,
      ceiling,
      tripped: rejected >= this.fuse,
      resumesAt: rejected >= this.fuse ? freesAt(this.fuse) : undefined,
      testsLeft: Math.max(0, ceiling - counts.counted),
      nextTestAt: freesAt(ceiling),
    };
  }

  private refusal(command: string, kind: FuseKind): WapiPausedError {
    const now = this.clock.now();
    const cap = this.capFor(kind);
    const status = this.status();
    if (status.rejected < cap) {
      const reason = `${status.pending} request(s) to WEDOS are still waiting for their answer, and with ${status.rejected} rejected in the last hour one more could pass the limit of ${cap}; sending waits for those answers`;
      return new WapiPausedError(command, reason, now + PENDING_RETRY_MS);
    }
    if (kind === "test")
      return new WapiPausedError(command, testsExhausted(status), status.nextTestAt ?? now + PENDING_RETRY_MS);
    return new WapiPausedError(command, fuseSummary(status), status.resumesAt ?? now + PENDING_RETRY_MS);
  }

  private capFor(kind: FuseKind): number {
    return kind === "test" ? this.ceiling() : this.fuse;
  }

  private ceiling(): number {
    return Math.max(TEST_CEILING, this.fuse);
  }
}

/** One counted request: settle it once its answer is known. */
export class FuseTicket {
  constructor(
    private readonly store: WapiFuseStore,
    private readonly id: number,
  ) {}

  rejected(code: number): void {
    this.store.settle(this.id, "rejected", code);
  }

  /** No answer came, but the request may have reached WEDOS and been rejected there. */
  unanswered(): void {
    this.store.settle(this.id, "unanswered", null);
  }

  /** It never reached WEDOS, or WAPI did not judge it (an HTTP error). */
  release(): void {
    this.store.release(this.id);
  }

  /**
   * WEDOS accepted it. The unanswered requests before it stop counting too: the settings that were just accepted
   * were not what they ran into, and a data error would be answered again, and counted, when its job retries.
   */
  accepted(): void {
    this.store.release(this.id);
    this.store.forgetUnknownBefore(this.id);
  }
}

/** Why the tripped fuse stops sending, in words for an admin (kept with the pause). */
export function fuseReason(status: FuseStatus, last = ""): string {
  return `${status.rejected} requests were rejected by WEDOS (or went unanswered) in the last hour${last}, and wapi.rejectedFuse allows ${status.fuse}: the plugin sends nothing by itself, so that WEDOS never blocks this server's IP address (it does after 10); a new password can be tried meanwhile only with Test connection (on the settings page, or "wedos-panel wapi-resume --test-connection")`;
}

/** The tripped fuse now: why, until when, and how many tests remain (CLI, doctor, a refused request). */
export function fuseSummary(status: FuseStatus): string {
  const resumes =
    status.resumesAt === undefined ? "" : `; sending resumes at ${pragueClockTime(status.resumesAt)} Prague time`;
  return `${fuseReason(status)}${resumes}; Test connection has ${testsInWords(status)}`;
}

/** How many explicit tests remain, in words for an admin. */
export function testsInWords(status: FuseStatus): string {
  if (status.testsLeft > 0) return `${status.testsLeft} ${status.testsLeft === 1 ? "try" : "tries"} left this hour`;
  return status.nextTestAt === undefined
    ? "no tries left this hour"
    : `no tries left until ${pragueClockTime(status.nextTestAt)} Prague time`;
}

/** The fuse in one line for an admin, or nothing while no request counts. */
export function fuseLine(fuse: FuseStatus): string {
  if (fuse.tripped) return `The rejected-request fuse holds: ${fuseSummary(fuse)}.\n`;
  if (fuse.rejected === 0) return "";
  return `${fuse.rejected} of the ${fuse.fuse} rejected requests the fuse allows were used in the last hour; Test connection has ${testsInWords(fuse)}.\n`;
}

function testsExhausted(status: FuseStatus): string {
  return `${status.rejected} requests were rejected by WEDOS (or went unanswered) in the last hour, and one more could get this server's IP address blocked by WEDOS (it blocks after 10): Test connection has ${testsInWords(status)}`;
}
