/**
 * Long CPU work written once as a generator that yields between units (lines, records), run in one of two ways:
 * to the end at once ({@link runToEnd}, what the CLI and the sync use), or in slices that give the event loop back
 * between them ({@link runInSlices}, what a page of a big zone uses, so other visitors are answered meanwhile).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end in one go. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/** How {@link runInSlices} paces work: a slice runs until `sliceMs` of `now()` have passed, then `pause()`s. */
export interface Pacing {
  /** Milliseconds, monotonic (performance.now in production; a counter in tests). */
  now(): number;
  sliceMs: number;
  /** Lets other work run (setImmediate in production: pending I/O and timers go first). */
  pause(): Promise<void>;
}

export const EVENT_LOOP_PACING: Pacing = {
  now: () => performance.now(),
  sliceMs: 4,
  pause: () => new Promise((resolve) => setImmediate(resolve)),
};

/** Runs the steps, pausing whenever a slice has used its time. */
export async function runInSlices<T>(steps: Steps<T>, pacing: Pacing = EVENT_LOOP_PACING): Promise<T> {
  let sliceStart = pacing.now();
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (pacing.now() - sliceStart >= pacing.sliceMs) {
      await pacing.pause();
      sliceStart = pacing.now();
    }
  }
}

/** Whether a loop at `index` should yield: every `every` units, so the generator's overhead stays negligible. */
export function sliceBoundary(index: number, every = 64): boolean {
  return index % every === every - 1;
}
