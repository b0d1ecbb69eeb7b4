import type { Clock } from "../clock.js";
import type { CircuitReason, ResumeCause } from "../model/wapi-status.js";
import type { CircuitRow, WapiCircuitStore } from "../store/wapi-circuit-store.js";
import { WAPI_CODES } from "./codes.js";
import { WapiPausedError, type WapiResultError } from "./errors.js";
import { pragueClockTime } from "./prague-hour.js";

const HOUR_MS = 3_600_000;
/** A stop answer pauses sending for an hour, doubling with every failed probe, up to a day. */
const STOP_COOL_DOWN_MS = HOUR_MS;
const MAX_COOL_DOWN_MS = 24 * HOUR_MS;
/** How long a claimed probe keeps other processes waiting before another probe may go. */
const PROBE_WINDOW_MS = 2 * 60_000;

const STOP_REASONS: Readonly<Record<number, CircuitReason>> = {
  [WAPI_CODES.credentialsRejected]: "credentials",
  [WAPI_CODES.ipNotAllowed]: "ip-not-allowed",
  [WAPI_CODES.ipBlocked]: "ip-blocked",
};
/** Causes an admin fixes in the configuration: changing it closes the circuit at once. */
const FIXED_BY_CONFIG: ReadonlySet<CircuitReason> = new Set(["credentials", "ip-not-allowed"]);
/** Causes that end by themselves at `retryAt` (no probe needed). */
const TIME_BOUND: ReadonlySet<CircuitReason> = new Set(["rate-limited", "rejected-fuse"]);
/** Pauses an admin's explicit Test connection may go through: it checks their cause, and the fuse counts it. */
const TESTABLE: ReadonlySet<CircuitReason> = new Set(["credentials", "ip-not-allowed"]);

/**
 * The circuit breaker in front of WAPI, shared by every process through the database. It opens on answers
 * that retrying would only make worse (2050 credentials or clock, 2051 IP not allowed, 2052 IP blocked, 2006
 * the hourly limit, or too many rejected requests this hour) so the server's IP never gets banned.
 * While open nothing is sent; after the cool-down exactly one probe request may go.
 */
export class WapiCircuit {
  constructor(
    private readonly store: WapiCircuitStore,
    private readonly clock: Clock,
    /** Identifies URL + login + password now; a different one means the admin changed the settings. */
    fingerprint: string | (() => string),
  ) {
    this.fingerprint = typeof fingerprint === "string" ? () => fingerprint : fingerprint;
  }

  private readonly fingerprint: () => string;

  /** Throws WapiPausedError unless a request may be sent now (`connectionTest`: an admin's explicit Test connection). */
  beforeSend(command: string, connectionTest = false): void {
    const row = this.store.read();
    if (row === undefined) return;
    if (this.endedByNewSettings(row)) {
      this.store.clear();
      return;
    }
    if (connectionTest && TESTABLE.has(row.reason)) return;
    const now = this.clock.now();
    // The fuse in front of every request refuses what it must, with its live count; this pause is for the worker
    // and the pages, and no reset of it lets a request past the fuse.
    if (row.reason === "rejected-fuse") {
      if (now >= row.retryAt) this.store.clear();
      return;
    }
    if (now < row.retryAt) throw new WapiPausedError(command, describe(row), row.retryAt);
    if (TIME_BOUND.has(row.reason)) {
      this.store.clear();
      return;
    }
    if (!this.store.claimProbe(row.retryAt, now, now + PROBE_WINDOW_MS)) {
      throw new WapiPausedError(command, describe(row), now + PROBE_WINDOW_MS);
    }
  }

  /** Records a stop-class answer (2050/2051/2052). */
  openForStop(error: WapiResultError): void {
    const reason = STOP_REASONS[error.wapiCode];
    if (reason === undefined) return;
    const previous = this.store.read();
    const strikes = previous !== undefined && previous.reason === reason ? previous.strikes + 1 : 1;
    const coolDown = Math.min(STOP_COOL_DOWN_MS * 2 ** (strikes - 1), MAX_COOL_DOWN_MS);
    this.open(
      reason,
      error.wapiCode,
      stripPrefix(error.message),
      error.seenIp ?? null,
      this.clock.now() + coolDown,
      strikes,
    );
  }

  /** Pauses until `retryAt` without counting a strike (2006, or our own rejected-request fuse). */
  openUntil(reason: "rate-limited" | "rejected-fuse", message: string, retryAt: number, wapiCode: number | null): void {
    this.open(reason, wapiCode, message, null, retryAt, 1);
  }

  /** A request went through: whatever paused sending is over. */
  onSuccess(): void {
    if (this.store.read() !== undefined) this.store.clear();
  }

  /**
   * Ends a pause early because its cause is fixed, and says when it would have ended (the jobs it put off wait for
   * that time); undefined when no such pause holds. `admin`: an admin says so (Resume on the pages,
   * `wedos-panel wapi-resume`): a pause an admin fixes ends, one that ends by itself (the hour's limit, the fuse)
   * holds. `new-settings`: the settings in use differ from those the pause met, which ends a pause for the
   * credentials or the IP allow-list (docs/decisions/0007). The rejected-request fuse is not a pause: nothing ends it.
   */
  endFixedPause(cause: ResumeCause): number | undefined {
    const row = this.store.read();
    if (row === undefined) return undefined;
    const fixed = cause === "admin" ? !TIME_BOUND.has(row.reason) : this.endedByNewSettings(row);
    if (!fixed) return undefined;
    this.store.clear();
    return row.retryAt;
  }

  /** Undefined while requests may be sent (a pause that new settings ended counts as over). */
  status(): (CircuitRow & { summary: string; endsByItself: boolean }) | undefined {
    const row = this.store.read();
    return row === undefined || this.endedByNewSettings(row)
      ? undefined
      : { ...row, summary: describe(row), endsByItself: TIME_BOUND.has(row.reason) };
  }

  /** A pause the admin fixes in the settings (credentials, IP allow-list) ends once URL, login or password change. */
  private endedByNewSettings(row: CircuitRow): boolean {
    return row.fingerprint !== this.fingerprint() && FIXED_BY_CONFIG.has(row.reason);
  }

  private open(
    reason: CircuitReason,
    wapiCode: number | null,
    message: string,
    seenIp: string | null,
    retryAt: number,
    strikes: number,
  ): void {
    this.store.write({
      reason,
      wapiCode,
      message,
      seenIp,
      openedAt: this.clock.now(),
      retryAt,
      strikes,
      fingerprint: this.fingerprint(),
    });
  }
}

function describe(row: CircuitRow): string {
  const resume = TIME_BOUND.has(row.reason)
    ? `sending resumes at ${pragueClockTime(row.retryAt)} Prague time`
    : `one test request will be tried after ${pragueClockTime(row.retryAt)} Prague time; after fixing the cause run "wedos-panel wapi-resume" to resume now`;
  return `${row.message} (paused since ${pragueClockTime(row.openedAt)}; ${resume})`;
}

function stripPrefix(message: string): string {
  return message.replace(/^WAPI [\w-]+: /, "");
}
