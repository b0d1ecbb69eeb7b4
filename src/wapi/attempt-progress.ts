import { AsyncLocalStorage } from "node:async_hooks";

/** Commands that only read: WEDOS answering them changes nothing there. */
const READ_ONLY = /-(list|info|detail)$|^ping$|^poll-req$/;

/** What one attempt of a job got done at WEDOS so far. */
export interface AttemptProgress {
  /** Requests WEDOS answered with success during the attempt, reads included: WEDOS was up. */
  answered: number;
  /** Of those, the writes: WEDOS did some of the attempt's work. */
  acceptedWrites: number;
}

// Carries the running attempt's tally to every request it makes, however deep in the task the request is sent.
const current = new AsyncLocalStorage<AttemptProgress>();

/**
 * Runs `work` counting the writes WEDOS accepts meanwhile into `progress`: an attempt that fails after some of them
 * made progress, and the worker retries it soon instead of backing off further (docs/decisions/0033).
 */
export function countingProgress<T>(progress: AttemptProgress, work: () => Promise<T>): Promise<T> {
  return current.run(progress, work);
}

/** Called by the client for each request WEDOS answered with success. */
export function noteAccepted(command: string): void {
  const progress = current.getStore();
  if (progress === undefined) return;
  progress.answered += 1;
  if (!READ_ONLY.test(command)) progress.acceptedWrites += 1;
}
