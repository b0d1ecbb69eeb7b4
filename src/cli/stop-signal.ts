/** How long a stop may take before the process ends anyway (the goal is 5 s from the signal to the exit). */
const STOP_LIMIT_MS = 4_000;

/**
 * Resolves at the first SIGINT or SIGTERM, for `serve` and the demo to stop in order: jobs in hand go back to the
 * queue, the database is closed. Should the stop not be over within STOP_LIMIT_MS, or a second signal come, the
 * process ends at once: nothing is lost, because a job held by a dead process is taken back at the next start.
 */
export function stopRequested(say: (line: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const again = () => {
      say("stopping at once (jobs in hand are taken up again at the next start)");
      process.exit(1);
    };
    const first = () => {
      process.removeListener("SIGINT", first).removeListener("SIGTERM", first);
      process.on("SIGINT", again).on("SIGTERM", again);
      setTimeout(() => {
        say(
          `the stop took more than ${STOP_LIMIT_MS / 1000} s; ending the process (jobs in hand are taken up again at the next start)`,
        );
        process.exit(1);
      }, STOP_LIMIT_MS).unref();
      resolve();
    };
    process.on("SIGINT", first).on("SIGTERM", first);
  });
}
