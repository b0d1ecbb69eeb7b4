import type { RequestHandler } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { authenticatedPage } from "../context.js";
import { progressView } from "../progress.js";

/**
 * A page opened with `job=<id>` (the refresh link of an action's progress box) shows that job's progress again,
 * if the visitor may see the job; an unknown or foreign id is ignored.
 */
export function jobProgress(queue: JobQueue): RequestHandler {
  return (_req, res, next) => {
    const page = authenticatedPage(res);
    const id = page.request.query.get("job");
    if (page.request.method === "GET" && id !== null && page.request.path !== undefined)
      page.progress = progressView(page, queue, id, page.request.path);
    next();
  };
}
