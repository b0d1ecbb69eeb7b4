import { Router, type Response } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { authenticatedPage } from "../context.js";
import type { Level } from "../identity/identity.js";
import { renderPage } from "../render.js";
import { pageUrl } from "../urls.js";
import { domainListModel, domainQuery } from "../view-models/domain-list.js";
import { adminLinks } from "../view-models/layout.js";
import { spendWarnings, type LimitSources } from "../view-models/spend-limits.js";

/** The title key of each level's home page. */
const TITLE = {
  user: "page.user.title",
  reseller: "page.reseller.title",
  admin: "page.admin.title",
} as const satisfies Record<Level, string>;

/**
 * Shows the home page of the visitor's level (views/<level>/index.ejs): the user's own domains, a reseller's
 * customers' domains, or all domains with the queue counts for an admin — always the tenant scope's domains.
 * An action started here answers with this page again (action-notice.ts), its notice above the list.
 */
export async function showHome(res: Response, queue: JobQueue, limits: LimitSources): Promise<void> {
  const page = authenticatedPage(res);
  const level = page.identity.level;
  // "N queued" leads to the waiting jobs: the admin's every job, a reseller's or customer's their domains' only.
  const waitingHref = pageUrl(level, page.request.mode, "/jobs");
  const waitingCount = level === "admin" ? 0 : queue.waitingCount(page.scope.sqlScope());
  const model = {
    ...domainListModel(page, domainQuery(page.request.query)),
    queue: level === "admin" ? queue.countsByState() : undefined,
    operationsHref: level === "admin" ? adminLinks(page).operations : undefined,
    waitingHref,
    spendWarnings: spendWarnings(page, limits),
    waiting:
      waitingCount === 0 ? undefined : { href: waitingHref, label: page.t("waiting.link", { count: waitingCount }) },
  };
  await renderPage(res, page, `${level}/index`, page.t(TITLE[level]), model);
}

/** `GET /` of every level. */
export function homeRoutes(queue: JobQueue, limits: LimitSources): Router {
  const router = Router();
  router.get("/", async (_req, res) => {
    await showHome(res, queue, limits);
  });
  return router;
}
