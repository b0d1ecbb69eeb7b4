import { canonicalIp } from "./ip-address.js";

/**
 * Who may call the simulated WAPI: the account's IP allow-list (2051) and the invalid-request penalty that
 * blocks a source address (2052), both per docs/reference/wapi.md#access-and-limits.
 */

/** Loopback only, which is what a fresh simulator on a developer machine needs. */
const DEFAULT_ALLOWED = ["127.0.0.1", "::1"];

/**
 * The allow-list in WEDOS's syntax: full addresses (IPv4 or IPv6) or IPv4 prefixes ending in a dot, such as
 * "1.2.3." (the classic administration's form). An empty list means loopback only.
 */
export class AllowList {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(entries: readonly string[]) {
    for (const entry of entries.length === 0 ? DEFAULT_ALLOWED : entries) {
      if (entry.endsWith(".")) this.prefixes.push(entry);
      else this.exact.add(canonicalIp(entry));
    }
  }

  allows(address: string): boolean {
    const ip = canonicalIp(address);
    return this.exact.has(ip) || this.prefixes.some((prefix) => ip.startsWith(prefix));
  }
}

/** How the invalid-request penalty behaves; WEDOS documents 10 and 1 minute but not the counting window. */
export interface InvalidBlockPolicy {
  /** Invalid requests tolerated within the window before blocking starts. */
  threshold: number;
  /** Block length added for each invalid request beyond the threshold. */
  blockSecondsPerExcess: number;
  /** Invalid requests older than this no longer count. */
  windowSeconds: number;
}

interface IpRecord {
  invalidAt: number[];
  blockedUntil: number | null;
}

/** Per source address: the recent invalid requests and the end of any block. */
export interface IpAccessSnapshot {
  invalidCount: number;
  blockedUntil: string | null;
}

/**
 * Counts invalid requests per source address. Every invalid request beyond the threshold adds one block period
 * on top of what is left of the current block, so requests sent while blocked (themselves invalid: they get
 * 2052) keep extending it, as WEDOS describes.
 */
export class InvalidRequestTracker {
  private readonly records = new Map<string, IpRecord>();

  constructor(private readonly policy: InvalidBlockPolicy) {}

  isBlocked(address: string, now: number): boolean {
    const until = this.records.get(canonicalIp(address))?.blockedUntil ?? null;
    return until !== null && now < until;
  }

  recordInvalid(address: string, now: number): void {
    const ip = canonicalIp(address);
    const record = this.records.get(ip) ?? { invalidAt: [], blockedUntil: null };
    this.records.set(ip, record);
    this.prune(record, now);
    record.invalidAt.push(now);
    if (record.invalidAt.length > this.policy.threshold) {
      const base = record.blockedUntil !== null && record.blockedUntil > now ? record.blockedUntil : now;
      record.blockedUntil = base + this.policy.blockSecondsPerExcess * 1000;
    }
  }

  snapshot(now: number): Record<string, IpAccessSnapshot> {
    const result: Record<string, IpAccessSnapshot> = {};
    for (const [ip, record] of this.records) {
      this.prune(record, now);
      const blocked = record.blockedUntil !== null && record.blockedUntil > now;
      result[ip] = {
        invalidCount: record.invalidAt.length,
        blockedUntil: blocked && record.blockedUntil !== null ? new Date(record.blockedUntil).toISOString() : null,
      };
    }
    return result;
  }

  clear(): void {
    this.records.clear();
  }

  private prune(record: IpRecord, now: number): void {
    const oldest = now - this.policy.windowSeconds * 1000;
    record.invalidAt = record.invalidAt.filter((at) => at > oldest);
  }
}
