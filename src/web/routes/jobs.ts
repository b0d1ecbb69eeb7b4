import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { notFound, WebError } from "../errors.js";
import { progressStatus, visibleJob } from "../progress.js";
import { renderPage, sendJson } from "../render.js";
import { pageUrl } from "../urls.js";
import { waitingJobsModel } from "../view-models/waiting-jobs.js";

/**
 * `GET /jobs`: the visitor's waiting jobs (queued and running) with why each waits — the jobs of their domains,
 * every job for the admin — where "N queued" leads. `GET /jobs/<id>`: a queued action's progress as JSON
 * `{text, finished, state}`, polled by the progress box's script on raw pages. A job the visitor may not see
 * answers 404 like one that does not exist.
 */
export function jobRoutes(queue: JobQueue, clock: Clock): Router {
  const router = Router();
  router.get("/jobs", async (_req, res) => {
    await showWaitingJobs(res, queue, clock);
  });
  router.get("/jobs/:id", (req, res) => {
    const page = authenticatedPage(res);
    const job = visibleJob(page, queue, req.params.id);
    if (job === undefined) throw notFound();
    sendJson(res, page, 200, progressStatus(page, job));
  });
  return router;
}

/** The admin's Dismiss of a failed job (operations page): put aside with its error, no longer listed as failed. */
export function jobAdminRoutes(queue: JobQueue): Router {
  const router = Router();
  router.post("/jobs/dismiss", (req, res, next) => {
    const page = authenticatedPage(res);
    const id = Number(bodyField(page.request.body, "job"));
    if (!Number.isSafeInteger(id) || !queue.dismiss(id))
      throw new WebError(404, "error.jobNotFailed", `job ${String(id)} is not a failed job`);
    answerAction(req, res, next, "/operations", { notice: page.t("jobs.dismissed", { id }) });
  });
  return router;
}

async function showWaitingJobs(res: Response, queue: JobQueue, clock: Clock): Promise<void> {
  const page = authenticatedPage(res);
  const model = {
    ...waitingJobsModel(page, queue, clock.now()),
    backHref: pageUrl(page.request.level, page.request.mode, "/"),
  };
  await renderPage(res, page, "jobs/waiting", page.t("page.waiting.title"), model);
}
