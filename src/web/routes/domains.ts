import { Router } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { jobKey, TASK } from "../../provisioning/task-names.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage, sendJson } from "../render.js";
import { domainView } from "../view-models/domain-list.js";
import { linksOf } from "../view-models/layout.js";
import { showHome } from "./home.js";

/**
 * The domain routes every level shares; the tenant scope decides which domains they reach. The minimal set that
 * proves the plumbing (the next issue designs the real pages): a domain's detail, and "Sync now" — the one
 * state-changing action, so CSRF and the scope are exercised on writes.
 */
export function domainRoutes(queue: JobQueue): Router {
  const router = Router();

  router.get("/domains/:domain", async (req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(req.params.domain);
    const model = { domain: domainView(page, row), backHref: linksOf(page).home };
    await renderPage(res, page, "domains/show", page.t("page.domain.title", { domain: row.domain }), model);
  });

  // POST, form field or JSON property `domain`: queue a sync of the zone in the interactive lane.
  router.post("/sync", async (_req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    if (row.state !== "active") throw new WebError(409, "error.domainNotActive", `${row.domain} is ${row.state}`);
    queue.enqueue(TASK.syncZone, { domain: row.domain }, { key: jobKey(TASK.syncZone, row.domain), lane: "interactive" });
    const notice = page.t("action.syncQueued", { domain: row.domain });
    if (page.request.body.kind === "json") sendJson(res, page, 202, { queued: row.domain, message: notice });
    else await showHome(res, queue, notice);
  });

  return router;
}
