import type { Job, JobQueue } from "../../provisioning/queue.js";
import { TASKS } from "../../provisioning/tasks/index.js";
import type { AuthenticatedContext } from "../context.js";
import { isMessageKey } from "../i18n/index.js";
import { pageUrl } from "../urls.js";

/** Waiting jobs shown on one page: the ones due first; the count says how many more there are. */
export const WAITING_SHOWN = 100;

export interface WaitingJobRow {
  id: number;
  /** "Sync of example.com" (the task's words), or the task's name where it has none. */
  label: string;
  domain: string;
  domainHref: string | undefined;
  /** Why it waits and until when, for the visitor's level (the last error only for the admin). */
  reason: string;
}

export interface WaitingJobsModel {
  rows: WaitingJobRow[];
  /** "3 jobs are waiting" / "Nothing is waiting." */
  summary: string;
  /** Shown when more wait than are listed. */
  more: string | undefined;
}

/** Why a waiting job waits, in the visitor's words. */
function waitingReason(page: AuthenticatedContext, job: Job, now: number): string {
  const { t } = page;
  const at = t.time(job.runAt, t("table.never"));
  if (job.state === "running") return t("waiting.running");
  const error = page.identity.level === "admin" && job.lastError !== null ? ` ${job.lastError}` : "";
  if (job.runAt > now) {
    if (job.task === "remove-domain") return t("waiting.removalAt", { at });
    return job.lastError === null ? t("waiting.scheduled", { at }) : `${t("waiting.retryAt", { at })}${error}`;
  }
  if (page.sending?.blocking() !== undefined) return t("waiting.heldBack");
  return job.lastError === null ? t("waiting.turn") : `${t("waiting.retrySoon")}${error}`;
}

/** The visitor's waiting jobs (queued and running), scoped like their domains. */
export function waitingJobsModel(page: AuthenticatedContext, queue: JobQueue, now: number): WaitingJobsModel {
  const { t } = page;
  const scope = page.scope.sqlScope();
  const total = queue.waitingCount(scope);
  const jobs = queue.waiting(scope, WAITING_SHOWN);
  const { level, mode } = page.request;
  return {
    rows: jobs.map((job) => {
      const key = TASKS.get(job.task)?.progressLabel;
      return {
        id: job.id,
        label: key !== undefined && isMessageKey(key) ? t(key, { domain: job.domain ?? "" }) : job.task,
        domain: job.domain ?? "",
        domainHref: job.domain === null ? undefined : pageUrl(level, mode, `/domains/${job.domain}`),
        reason: waitingReason(page, job, now),
      };
    }),
    summary: total === 0 ? t("waiting.none") : t("waiting.count", { count: total }),
    more: total > jobs.length ? t("waiting.more", { shown: jobs.length, total }) : undefined,
  };
}
