import type { Clock } from "../clock.js";
import { AppError, toError } from "../errors.js";
import { claimDemo, releaseDemo } from "./lock.js";
import type { DemoPaths } from "./paths.js";
import { startDemoStack } from "./stack.js";
import { welcomeText } from "./welcome.js";
import { lineLog } from "../util/log-line.js";

export interface DemoRun {
  paths: DemoPaths;
  ports: { front: number; wapi: number; dns: number };
  clock: Clock;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Resolves when the demo should stop (Ctrl-C). */
  stopped: Promise<void>;
}

/**
 * `wedos-panel demo`: claims the data directory, starts the stack with the daemon loop on the real clock, prints
 * where to click, logs what happens (logins, actions with their hooks, the daemon's lines) and stops everything
 * when told to.
 */
export async function runDemo(run: DemoRun): Promise<void> {
  claimDemo(run.paths);
  try {
    const log = lineLog(run.stderr, run.clock);
    const stack = await startDemoStack({
      paths: run.paths,
      clock: run.clock,
      ports: run.ports,
      runDaemon: true,
      billingHistory: true,
      log,
    }).catch((thrown: unknown) => {
      const error = toError(thrown);
      const inUse = /EADDRINUSE/.test(`${error.message} ${String((error.cause as Error | undefined)?.message)}`);
      const hint = inUse ? "; choose other ports with --port, --wapi-port or --dns-port" : "";
      throw new AppError("demo_start", `the demo cannot start: ${error.message}${hint}`, { cause: error });
    });
    run.stdout(welcomeText(stack, `http://localhost:${stack.front.port}`, process.cwd()));
    await run.stopped;
    run.stdout("Stopping the demo…\n");
    await stack.close();
    run.stdout("Stopped. State kept; npm start continues where you left off.\n");
  } finally {
    releaseDemo(run.paths);
  }
}
