/**
 * The hourly request limit per account (WEDOS: 1000 requests per hour, all commands counted; over it → 2006).
 * Counted per clock hour; Prague's offset from UTC is whole hours, so UTC hours and Prague hours start together.
 */
const HOUR_MS = 3_600_000;
/** Hours kept for the dump; older ones no longer matter to the limit. */
const HOURS_KEPT = 24;

/** Authenticated requests per account per clock hour (the last 24 hours are kept). */
export class HourlyRequestCounter {
  /** login → hour key ("2026-01-01T08") → requests. */
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(private readonly limit: number) {}

  /** Counts one authenticated request and says whether it is within the limit. */
  admit(login: string, now: number): boolean {
    const hours = this.counts.get(login) ?? new Map<string, number>();
    this.counts.set(login, hours);
    const key = hourKey(now);
    const oldestKept = hourKey(now - (HOURS_KEPT - 1) * HOUR_MS);
    for (const old of hours.keys()) if (old < oldestKept) hours.delete(old);
    const count = (hours.get(key) ?? 0) + 1;
    hours.set(key, count);
    return count <= this.limit;
  }

  /** Requests per account per hour, oldest hour first. */
  snapshot(): Record<string, Record<string, number>> {
    const result: Record<string, Record<string, number>> = {};
    for (const [login, hours] of this.counts) result[login] = Object.fromEntries([...hours].sort());
    return result;
  }

  clear(): void {
    this.counts.clear();
  }
}

/** The UTC hour an instant falls in, as "YYYY-MM-DDTHH". */
function hourKey(ms: number): string {
  return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString().slice(0, 13);
}
