import { watch, type FSWatcher } from "node:fs";
import cron from "node-cron";
import { AppError, toError } from "../errors.js";
import type { Config } from "../config/load.js";
import type { Clock } from "../clock.js";
import type { ResumeCause } from "../model/wapi-status.js";
import { DiskFullWatch } from "./disk-full-watch.js";
import type { BackupResult } from "../store/backup.js";
import type { DelegationChecker } from "./delegation-checker.js";
import type { BackfillResult } from "./billing-backfill.js";
import type { IngestResult } from "./ingest.js";
import type { JobQueue } from "./queue.js";
import type { HookSpool } from "./spool.js";
import { reconcile as reconcileTask } from "./tasks/reconcile.js";
import type { Worker } from "./worker.js";

/** How often the spool is read even without a file-system notification (inotify can miss events). */
const SPOOL_RESCAN_MS = 2_000;
/** How often the delegation checker looks for domains due a check (it spaces each domain out itself). */
const DELEGATION_TICK_MS = 60_000;

/** What the daemon loop drives; main.ts's Services satisfies it. */
export interface DaemonDeps {
  config: Pick<Config, "daemon" | "dns" | "dataDir">;
  clock: Pick<Clock, "now">;
  worker: Pick<Worker, "id" | "releaseAbandoned" | "run">;
  queue: Pick<JobQueue, "enqueue" | "holders" | "release">;
  /** Where the hooks write their events (watched for new files). */
  hookSpool: Pick<HookSpool, "events">;
  delegation: Pick<DelegationChecker, "runDue">;
  /** Aborted by stop(): ends the worker's loop and every wait of the job in hand. */
  shutdown: AbortController;
  /** Turns spooled hook events into inventory changes and jobs. */
  ingest(): IngestResult;
  /** Backs the database up (daemon.backupCron), keeping the newest store.backupKeep. */
  backup(): Promise<BackupResult>;
  /** Ends a pause whose cause is fixed and makes the jobs it put off due now (resume.ts). */
  resumeSending(cause: ResumeCause): boolean;
  /** Once: starts the services that existed before the usage ledger (billing-backfill.ts); undefined when done. */
  backfillLedger(): BackfillResult | undefined;
}

export interface Daemon {
  /** Resolves when the daemon has stopped. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The daemon reads the WAPI settings when it starts: when they differ from those a pause for the credentials or the
 * IP allow-list met (the password file was changed meanwhile), that pause ends as if an admin pressed Resume.
 */
function resumeForNewSettings(services: Pick<DaemonDeps, "resumeSending">, log: (line: string) => void): void {
  try {
    if (services.resumeSending("new-settings"))
      log("wapi: the WAPI settings changed since sending paused; sending resumes and the jobs it put off are due now");
  } catch (error) {
    log(`wapi: ${toError(error).message}`);
  }
}

/** Before the first event is read, so the services that existed before billing are in the ledger before any change. */
function backfillLedger(services: Pick<DaemonDeps, "backfillLedger">, log: (line: string) => void): void {
  try {
    const done = services.backfillLedger();
    if (done !== undefined && done.zones + done.protections > 0) {
      const services = `${done.zones} zone(s) and ${done.protections} protection service(s)`;
      log(`billing: ${services} that existed before billing began are billed from ${done.day}`);
    }
  } catch (error) {
    const problem = toError(error).message;
    log(
      `billing: the services that existed before billing are not in the ledger yet (${problem}); retried at next start`,
    );
  }
}

/**
 * `wedos-panel serve`: reads the hook spool (at start, on every new file, and every 2 s), runs the worker, and
 * enqueues the scheduled jobs. Scheduled jobs only enqueue; all WEDOS work goes through the queue. `stop()` aborts
 * `services.shutdown`: every wait ends at once and the job in hand goes back to the queue
 * (docs/decisions/0019-session-checks-and-clean-stops.md).
 */
export function startDaemon(services: DaemonDeps, log: (line: string) => void): Daemon {
  const abort = services.shutdown;
  const disk = new DiskFullWatch({
    queue: services.queue,
    dirs: [services.config.dataDir, services.hookSpool.events],
    now: () => services.clock.now(),
    log,
  });
  const writable = new WritableSignal();
  resumeForNewSettings(services, log);
  backfillLedger(services, log);
  const ingest = () => {
    try {
      if (disk.tryRecover()) writable.fire();
      services.worker.releaseAbandoned().then(
        (released) => {
          if (released > 0) log(`queue: took back ${released} job(s) from a worker that died`);
        },
        (error: unknown) => log(`queue: ${toError(error).message}`),
      );
      const result = services.ingest();
      for (const rejected of result.rejected) log(`spool: kept aside ${rejected.file}: ${rejected.reason}`);
    } catch (error) {
      // The event files stay in the spool: the next read (every 2 s) takes them once the database can be written.
      if (!disk.noteFailure(error)) log(`spool: ${toError(error).message}`);
    }
  };
  ingest();
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(services.hookSpool.events, () => ingest());
  } catch (error) {
    log(`spool: no file-system notifications (${toError(error).message}); reading every ${SPOOL_RESCAN_MS / 1000} s`);
  }
  const rescan = setInterval(ingest, SPOOL_RESCAN_MS);
  const reconcile = cron.schedule(services.config.daemon.reconcileCron, () => {
    try {
      services.queue.enqueue(reconcileTask, {});
    } catch (error) {
      if (!disk.noteFailure(error)) log(`reconcile: ${toError(error).message}`);
    }
  });
  const backup = cron.schedule(services.config.daemon.backupCron, () => {
    services.backup().then(
      (result) =>
        log(
          `backup: wrote ${result.file}${result.removed.length === 0 ? "" : `, removed ${result.removed.length} older`}`,
        ),
      (error: unknown) => log(`backup: ${toError(error).message}`),
    );
  });
  const delegation = services.config.dns.delegationCheck
    ? setInterval(() => {
        services.delegation.runDue().catch((error: unknown) => log(`delegation: ${toError(error).message}`));
      }, DELEGATION_TICK_MS)
    : undefined;
  const done = superviseWorker(services, disk, writable, log);
  return {
    done,
    stop: async () => {
      // The reason is what a job cut off by the stop throws (a task may note it on the domain until the job runs again).
      abort.abort(
        new AppError("daemon_stopping", "the daemon was stopped; this is taken up again when it starts", {
          retryable: true,
        }),
      );
      writable.fire();
      watcher?.close();
      clearInterval(rescan);
      clearInterval(delegation);
      await reconcile.stop();
      await backup.stop();
      await done;
    },
  };
}

/**
 * Runs the worker's loop and, when it fails (the disk is full, the database is busy), starts it again at the next
 * spool read at which writes succeed, giving back the job it had in hand. A stopped worker is never final.
 */
async function superviseWorker(
  services: DaemonDeps,
  disk: DiskFullWatch,
  writable: WritableSignal,
  log: (line: string) => void,
): Promise<void> {
  const { signal } = services.shutdown;
  while (!signal.aborted) {
    try {
      await services.worker.run(signal);
      return;
    } catch (error) {
      if (!disk.noteFailure(error))
        log(`worker stopped: ${toError(error).message}; it starts again at the next spool read`);
    }
    await writable.next();
    if (signal.aborted) return;
    try {
      for (const { id, lockedBy } of await services.queue.holders()) {
        if (lockedBy === services.worker.id) await services.queue.release(id, lockedBy, true);
      }
    } catch (error) {
      if (!disk.noteFailure(error)) log(`queue: ${toError(error).message}`);
    }
  }
}

/** Resolves the promises of `next()` at the next moment writes are known to succeed (or the daemon stops). */
class WritableSignal {
  private waiters: Array<() => void> = [];

  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  fire(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
