/**
 * The one backoff formula: 30 s, doubling per failed attempt in a row that found WEDOS failing, capped at 30 minutes
 * (`step` is that count; progress and blips start it afresh, docs/decisions/0033).
 */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 30 * 60_000;

export function backoffDelay(step: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, step - 1), BACKOFF_MAX_MS);
}
