import type { Clock } from "../../clock.js";
import type { SessionCheckBound } from "../../store/session-check-store.js";
import { WebError } from "../errors.js";

const HOUR_MS = 3_600_000;

export interface SessionCheckLimitsOptions {
  clock: Clock;
  /** Checks under way at once, for the whole server (default 16). */
  maxInFlight?: number;
  /** Checks under way at once for one source (default 2), so one account cannot take the others' slots. */
  maxInFlightPerSource?: number;
  /** Failed checks in any hour, for the whole server (`directadmin.sessionCheck.maxFailuresPerHour`, default 12). */
  maxFailuresPerHour?: number;
  /** Failed checks in any hour for one source (default 2, never more than the server's). */
  maxFailuresPerSourcePerHour?: number;
  /** Told once each time a bound is reached (the admin's log line, the record `doctor` reads). */
  onBoundReached?: (bound: SessionCheckBound) => void;
}

/**
 * Keeps the session replay from being flooded, or from getting this server's own address blocked by DirectAdmin's
 * brute-force monitor (docs/decisions/0019-session-checks-and-clean-stops.md). Each failed check (DirectAdmin did not
 * confirm the session) may count there as a failed login from this server, so failures are bounded per sliding hour —
 * for the whole server far below DirectAdmin's thresholds, and per source lower still, so that one account that sends
 * made-up sessions is refused long before it uses up the server's bound. Checks under way are limited per source as
 * well as in all, and a check under way counts against the bound as if it were to fail, so the bound holds exactly
 * however many checks start at once. Once a bound is reached, requests not yet proven are refused without asking
 * DirectAdmin; sessions already verified keep working from the verifier's cache.
 */
export class SessionCheckLimits {
  private readonly inFlight = new Map<string, number>();
  private total = 0;
  private readonly failures: Array<{ at: number; source: string }> = [];
  /** When each bound ("" for the server's, else the source's) was last reported: once an hour at most. */
  private readonly reportedAt = new Map<string, number>();
  /** The limits in force: checks under way and failures per hour, in all and per source. */
  private readonly max: { inFlight: number; inFlightPerSource: number; failures: number; failuresPerSource: number };

  constructor(private readonly options: SessionCheckLimitsOptions) {
    const failures = options.maxFailuresPerHour ?? 12;
    this.max = {
      inFlight: options.maxInFlight ?? 16,
      inFlightPerSource: options.maxInFlightPerSource ?? 2,
      failures,
      failuresPerSource: Math.min(options.maxFailuresPerSourcePerHour ?? 2, failures),
    };
  }

  /** Admits one check for `source` and returns its release, or throws the WebError the visitor gets. */
  admit(source: string): () => void {
    this.refuseOverBound(source);
    const mine = this.inFlight.get(source) ?? 0;
    const room = Math.min(this.max.inFlight, this.max.failures - this.failures.length) - this.total;
    const roomForSource =
      Math.min(this.max.inFlightPerSource, this.max.failuresPerSource - this.failuresOf(source)) - mine;
    if (room <= 0 || roomForSource <= 0) {
      throw new WebError(
        503,
        "error.busy",
        `session check refused: ${this.total} under way in all, ${mine} for ${source} (at most ${this.max.inFlight} and ${this.max.inFlightPerSource} per account)`,
      );
    }
    this.inFlight.set(source, mine + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.inFlight.get(source) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(source);
      else this.inFlight.set(source, left);
    };
  }

  /** Counts a check DirectAdmin did not confirm. */
  failed(source: string): void {
    this.failures.push({ at: this.options.clock.now(), source });
  }

  private failuresOf(source: string): number {
    return this.failures.filter((failure) => failure.source === source).length;
  }

  private refuseOverBound(source: string): void {
    const now = this.options.clock.now();
    while (this.failures.length > 0 && (this.failures[0]?.at ?? now) <= now - HOUR_MS) this.failures.shift();
    const server = this.failures.length;
    const own = this.failuresOf(source);
    if (server < this.max.failures && own < this.max.failuresPerSource) return;
    const bound: SessionCheckBound =
      server >= this.max.failures
        ? { at: now, scope: "server", source, failures: server, limit: this.max.failures }
        : { at: now, scope: "source", source, failures: own, limit: this.max.failuresPerSource };
    const reportKey = bound.scope === "server" ? "" : source;
    if ((this.reportedAt.get(reportKey) ?? Number.NEGATIVE_INFINITY) <= now - HOUR_MS) {
      for (const [key, at] of this.reportedAt) if (at <= now - HOUR_MS) this.reportedAt.delete(key);
      this.reportedAt.set(reportKey, now);
      this.options.onBoundReached?.(bound);
    }
    const whose = bound.scope === "server" ? "on this server" : `for ${source}`;
    throw new WebError(
      503,
      "error.sessionChecksPaused",
      `session check not sent: ${bound.failures} failed checks ${whose} in the last hour (at most ${bound.limit}), so that DirectAdmin's brute-force monitor never blocks this server's address; requests not yet proven are refused until the oldest failure is an hour old`,
    );
  }
}
