import { rmSync } from "node:fs";
import { toError } from "./errors.js";
import type { Services } from "./main.js";
import { startDaemon } from "./provisioning/daemon.js";
import { collectWhenIdle } from "./util/idle-collection.js";
import type { WebServer } from "./web/server.js";

/**
 * The daemon's SQLite page cache, in KiB (better-sqlite3 builds SQLite with 16,000, SQLite's own default is 2,000).
 * Its reads are indexed lookups and short lists that the kernel's page cache serves as well; what the cache fills
 * stays in the daemon's malloc heap for good — at 10,000 domains a worker's pass filled several MB of it
 * (docs/decisions/0053).
 */
export const DAEMON_PAGE_CACHE_KIB = 256;

/** The daemon at work: provisioning (spool, queue, cron) and the pages' listener. */
export interface Serving {
  /** The pages' listener, or undefined when it could not start (provisioning runs on regardless). */
  web: WebServer | undefined;
  /** Stops the listener (removing its socket) and the daemon loop; the services stay open for the caller to close. */
  stop(): Promise<void>;
}

/**
 * What `wedos-panel serve` runs, also used by the demo: the daemon loop (startDaemon) beside the web listener on
 * `daemon.listen`. The web part is loaded here, not at the top, so express and ejs stay off the path of the other
 * commands (the pre hooks). A listener that cannot start leaves provisioning running; the pages then say
 * "temporarily unavailable".
 */
export async function startServing(services: Services, log: (line: string) => void): Promise<Serving> {
  services.db.pragma(`cache_size = -${DAEMON_PAGE_CACHE_KIB}`);
  const daemon = startDaemon(services, log);
  // V8's gc is there when node runs with --expose-gc, as the service does (docs/decisions/0053).
  const stopCollecting = collectWhenIdle((globalThis as { gc?: () => void }).gc);
  const web = await import("./web/server.js")
    .then((module) => module.startWebServer(services, { log }))
    .catch((error: unknown) => log(`web: the pages are not served: ${toError(error).message}`));
  if (web !== undefined) log(`web: pages served on ${web.address}`);
  return {
    web: web ?? undefined,
    stop: async () => {
      stopCollecting();
      if (web !== undefined) {
        await web.close();
        if (web.address.includes("/")) rmSync(web.address, { force: true });
      }
      await daemon.stop();
    },
  };
}
