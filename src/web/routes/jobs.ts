import { Router } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { authenticatedPage } from "../context.js";
import { notFound } from "../errors.js";
import { progressStatus, visibleJob } from "../progress.js";
import { sendJson } from "../render.js";

/**
 * `GET /jobs/<id>`: a queued action's progress as JSON `{text, finished, state}`, polled by the progress box's
 * script on raw pages. A job the visitor may not see answers 404 like one that does not exist.
 */
export function jobRoutes(queue: JobQueue): Router {
  const router = Router();
  router.get("/jobs/:id", (req, res) => {
    const page = authenticatedPage(res);
    const job = visibleJob(page, queue, req.params.id);
    if (job === undefined) throw notFound();
    sendJson(res, page, 200, progressStatus(page, job));
  });
  return router;
}
