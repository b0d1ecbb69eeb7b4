import type { Clock } from "../clock.js";
import type { Job, JobQueue } from "../provisioning/queue.js";
import { TASKS } from "../provisioning/tasks/index.js";
import type { AuthenticatedContext } from "./context.js";
import { isMessageKey } from "./i18n/index.js";
import { JOB_PARAMETER, originUrl, type Origin } from "./origin.js";
import { pageUrl } from "./urls.js";
import { reasonLine, storedReasonView } from "./view-models/reason.js";

/** Where a page reads its jobs' progress: the queue, and the clock that says how long a job has been going. */
export interface ProgressSources {
  queue: JobQueue;
  clock: Clock;
}

/**
 * How long after a job last changed (queued, joined, retried, claimed, put off) a page still follows it by itself;
 * after that the refresh link is left (as the script stops after as long).
 */
export const FOLLOW_FOR_MS = 10 * 60_000;

/** A queued action's progress, as the box at the top of the page shows it (views/partials/progress.ejs). */
export interface ProgressView {
  /** "Sync of example.com: waiting in the queue". */
  text: string;
  /** Done or failed: nothing more will change. */
  finished: boolean;
  state: Job["state"];
  /** The page it was started from again with `job=<id>`; undefined once finished (nothing more to see). */
  refreshHref: string | undefined;
  /**
   * The JSON status the page's script polls (raw and cPanel pages, whose CSP admits our nonce'd script); undefined
   * in embedded mode, where the skin decides what runs, and once finished.
   */
  statusUrl: string | undefined;
  /**
   * Seconds until the page reloads itself at `refreshHref` — always in embedded mode, only without scripts on the
   * others (the script polls instead); undefined once finished or followed for FOLLOW_FOR_MS.
   */
  refreshSeconds: number | undefined;
}

/** The JSON answer of `GET /jobs/<id>`. */
export interface ProgressStatus {
  text: string;
  finished: boolean;
  state: Job["state"];
}

/**
 * The job if the visitor may see it: a job about a domain only within the tenant scope, any other job (the
 * connection test, the reconciler) only at the admin level. Anything else is answered as if it did not exist.
 */
export function visibleJob(page: AuthenticatedContext, queue: JobQueue, id: unknown): Job | undefined {
  const number = typeof id === "string" && /^\d{1,12}$/.test(id) ? Number(id) : Number.NaN;
  const job = Number.isSafeInteger(number) ? queue.get(number) : undefined;
  if (job === undefined) return undefined;
  if (job.domain !== null) return page.scope.find(job.domain) === undefined ? undefined : job;
  return page.identity.level === "admin" ? job : undefined;
}

/** What the job is doing, in words; why it failed in the visitor's words, with the details for the admin. */
export function progressStatus(page: AuthenticatedContext, job: Job): ProgressStatus {
  const { t } = page;
  const labelKey = TASKS.get(job.task)?.progressLabel;
  const label = labelKey !== undefined && isMessageKey(labelKey) ? t(labelKey, { domain: job.domain ?? "" }) : job.task;
  const error = reasonLine(storedReasonView(page, job.lastErrorCode, job.lastError));
  const state =
    job.state === "done"
      ? t("progress.done")
      : job.state === "dead"
        ? t("progress.failed", { error })
        : job.state === "running"
          ? t("progress.running")
          : job.lastError !== null
            ? t("progress.retrying", { error })
            : t("progress.queued");
  return { text: `${label}: ${state}`, finished: job.state === "done" || job.state === "dead", state: job.state };
}

/**
 * The progress box of job `id` for the page at `origin` (the page an action answers with, or the one refreshed).
 * The self-refresh slows down while the job stays unchanged — 2 s at first, up to 10 s — like the script's polling.
 */
export function progressView(
  page: AuthenticatedContext,
  sources: ProgressSources,
  id: number | string,
  origin: Origin,
): ProgressView | undefined {
  const job = visibleJob(page, sources.queue, String(id));
  if (job === undefined) return undefined;
  const status = progressStatus(page, job);
  if (status.finished) return { ...status, refreshHref: undefined, statusUrl: undefined, refreshSeconds: undefined };
  const { level, mode } = page.request;
  const age = Math.max(0, sources.clock.now() - job.updatedAt);
  return {
    ...status,
    refreshHref: originUrl(page, origin, { [JOB_PARAMETER]: String(job.id) }),
    statusUrl: mode === "html" ? undefined : pageUrl(level, mode, `/jobs/${job.id}`),
    refreshSeconds: age > FOLLOW_FOR_MS ? undefined : Math.min(10, Math.max(2, Math.round(age / 2000))),
  };
}

/** Shows the progress of job `id` on the page being answered (an action right after it queued the job). */
export function showProgress(page: AuthenticatedContext, sources: ProgressSources, id: number, origin: Origin): void {
  page.progress = progressView(page, sources, id, origin);
}
