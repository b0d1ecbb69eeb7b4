import type { Job, JobQueue } from "../provisioning/queue.js";
import { TASKS } from "../provisioning/tasks/index.js";
import type { AuthenticatedContext } from "./context.js";
import { isMessageKey } from "./i18n/index.js";
import { pageUrl } from "./urls.js";
import { reasonLine, storedReasonView } from "./view-models/reason.js";

/** A queued action's progress, as the box at the top of the page shows it (views/partials/progress.ejs). */
export interface ProgressView {
  /** "Sync of example.com: waiting in the queue". */
  text: string;
  /** Done or failed: nothing more will change. */
  finished: boolean;
  state: Job["state"];
  /** The page again with `job=<id>`, to see the progress without a script (embedded mode). */
  refreshHref: string;
  /** The JSON status the raw page's script polls; undefined in embedded mode (no scripts there). */
  statusUrl: string | undefined;
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

/** The progress box of job `id` for a page at `path` (the page an action answers with, or the one refreshed). */
export function progressView(
  page: AuthenticatedContext,
  queue: JobQueue,
  id: number | string,
  path: string,
): ProgressView | undefined {
  const job = visibleJob(page, queue, String(id));
  if (job === undefined) return undefined;
  const { level, mode } = page.request;
  return {
    ...progressStatus(page, job),
    refreshHref: pageUrl(level, mode, path, { job: String(job.id) }),
    statusUrl: mode === "raw" ? pageUrl(level, "raw", `/jobs/${job.id}`) : undefined,
  };
}

/** Shows the progress of job `id` on the page being answered (an action right after it queued the job); returns `id`. */
export function showProgress(page: AuthenticatedContext, queue: JobQueue, id: number, path: string): number {
  page.progress = progressView(page, queue, id, path);
  return id;
}
