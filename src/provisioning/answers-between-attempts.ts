/**
 * Whether WEDOS has answered since a job's previous attempt began. An attempt whose only request failed at the front
 * end or on the network cannot tell a blip from an outage by itself; when WEDOS answered meanwhile — that previous
 * attempt, or the worker's other jobs since — it was up, and the failure was a blip (docs/decisions/0033). A real
 * outage answers nobody, so from its second failed attempt on a job's backoff grows. Kept in memory: after a restart
 * a job's first failure is judged by its own attempt only.
 */
export class AnswersBetweenAttempts {
  /** Requests WEDOS answered during the attempts this worker ran, all jobs together. */
  private answered = 0;
  /** `answered` when the last failed attempt of each job still queued began. */
  private readonly beforeFailed = new Map<number, number>();

  /** Counts the requests WEDOS answered during one attempt (of any job, failed or not). */
  count(answered: number): void {
    this.answered += answered;
  }

  /** Whether WEDOS answered a request since job `id`'s previous failed attempt began; false when there was none. */
  answeredSincePrevious(id: number): boolean {
    const before = this.beforeFailed.get(id);
    return before !== undefined && this.answered > before;
  }

  /** Marks job `id` failed and back in the queue; `answered` is what its attempt got answered (already counted). */
  failed(id: number, answered: number): void {
    this.beforeFailed.set(id, this.answered - answered);
  }

  /** Forgets job `id`: it finished, or was buried. */
  settled(id: number): void {
    this.beforeFailed.delete(id);
  }
}
