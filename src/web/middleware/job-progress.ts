import type { RequestHandler } from "express";
import { authenticatedPage } from "../context.js";
import { currentOrigin, JOB_PARAMETER } from "../origin.js";
import { progressView, type ProgressSources } from "../progress.js";

/**
 * A page opened with `job=<id>` (the refresh link of an action's progress box, or its self-refresh) shows that job's
 * progress again, if the visitor may see the job; an unknown or foreign id is ignored.
 */
export function jobProgress(sources: ProgressSources): RequestHandler {
  return (_req, res, next) => {
    const page = authenticatedPage(res);
    const id = page.request.query.get(JOB_PARAMETER);
    const here = currentOrigin(page);
    if (id !== null && here !== undefined) page.progress = progressView(page, sources, id, here);
    next();
  };
}
