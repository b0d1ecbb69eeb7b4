import { toError } from "../errors.js";
import { fullFilesystem, isDiskFull } from "../util/disk-full.js";
import type { JobQueue } from "./queue.js";
import { reconcile } from "./tasks/reconcile.js";

/**
 * The daemon's view of a full disk (docs/decisions/0027-a-full-disk.md). A full disk is noticed two ways: a write
 * failed with "disk full" (the worker, the spool's ingest), or the data directory's or the spool's filesystem has
 * less than FULL_BELOW_BYTES left (a hook could not spool its event even while the daemon had nothing to write).
 * It is over when a write succeeds again; that write is the reconcile job, which finds the accounts and domains
 * whose events no one could take.
 */
export class DiskFullWatch {
  /** When the disk was first seen full in this episode; undefined while writes succeed. */
  private fullSince: number | undefined;

  constructor(
    private readonly deps: {
      queue: Pick<JobQueue, "enqueue">;
      /** The filesystems to look at: the data directory (the database) and the hooks' spool. */
      dirs: readonly string[];
      now: () => number;
      log: (line: string) => void;
    },
  ) {}

  get full(): boolean {
    return this.fullSince !== undefined;
  }

  /** Notes a failed write; true when it failed because the disk is full. */
  noteFailure(error: unknown): boolean {
    if (!isDiskFull(error)) return false;
    this.enter(`a write failed: ${toError(error).message}`);
    return true;
  }

  /**
   * Looks at the filesystems, and when a full disk was noted, tries a write: true when writes succeed (again). The
   * reconcile job it queues then finds what the hooks could not spool meanwhile.
   */
  tryRecover(): boolean {
    const full = fullFilesystem(this.deps.dirs);
    if (full !== undefined) {
      this.enter(`${full.dir} has ${full.free} bytes left`);
      return false;
    }
    if (this.fullSince === undefined) return true;
    try {
      this.deps.queue.enqueue(reconcile, {});
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      return false;
    }
    const minutes = Math.round((this.deps.now() - this.fullSince) / 60_000);
    this.fullSince = undefined;
    this.deps.log(
      `disk: writes succeed again after ${minutes} min; the worker resumes and a reconcile is queued to find events the hooks could not spool`,
    );
    return true;
  }

  private enter(why: string): void {
    if (this.fullSince !== undefined) return;
    this.fullSince = this.deps.now();
    this.deps.log(
      `disk: full (${why}); hook events may not be spooled and the worker waits; free space on that filesystem, the daemon resumes by itself`,
    );
  }
}
