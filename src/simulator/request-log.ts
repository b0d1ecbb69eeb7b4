/**
 * An in-memory log of the requests the simulator answered, for `dump()` and for debugging a client: what was
 * asked, from where, and what came back (with the reason for errors, which the WAPI answer does not carry).
 */

export interface RequestLogEntry {
  /** ISO time of the simulator's clock. */
  time: string;
  ip: string;
  command: string | null;
  /** The WAPI code answered; null when a fault answered instead. */
  code: number | null;
  clTRID: string | null;
  test: boolean;
  /** The injected fault, if one answered. */
  fault: string | null;
  /** Why an error code was given. */
  detail: string | null;
}

/** Oldest entries are dropped beyond this, so a long-running demo does not grow without bound. */
const MAX_ENTRIES = 5000;

/** The most recent requests, oldest first. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private answered = 0;

  add(entry: RequestLogEntry): void {
    this.answered += 1;
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Requests answered since the start, including those no longer kept. */
  total(): number {
    return this.answered;
  }

  snapshot(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.entries = [];
  }
}
