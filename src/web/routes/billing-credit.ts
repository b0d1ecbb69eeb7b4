import { Router } from "express";
import { parseMonth, type Month } from "../../billing/calendar.js";
import { monthToReconcile } from "../../billing/reconcile.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { checkCredit, requestMonthFetch } from "../../provisioning/tasks/credit-tasks.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { actionUrl } from "../origin.js";
import { renderPage } from "../render.js";
import { pageUrl } from "../urls.js";
import { creditModel, type CreditSources } from "../view-models/credit.js";
import { reconciliationModel } from "../view-models/reconciliation.js";

export interface CreditPageSources extends CreditSources {
  queue: JobQueue;
}

/** The month a page or form names, checked; without one, the month before the current one (the one to close). */
function chosenMonth(sources: CreditPageSources, text: string | undefined | null): Month {
  if (text === undefined || text === null || text === "") {
    return monthToReconcile(sources.clock.now(), sources.billing.timeZone);
  }
  try {
    return parseMonth(text);
  } catch {
    throw new WebError(400, "error.badMonth", `not a month: ${JSON.stringify(text.slice(0, 40))}`);
  }
}

/** Who acted, as the billing records name people: "admin alice". */
const actor = (page: AuthenticatedContext) => `${page.request.level} ${page.identity.username}`;

/**
 * The admin's WEDOS credit (`/admin/billing/credit`) and reconciliation (`/admin/billing/reconciliation`) pages.
 * Like every page they read only local state: the balance and the month's movements are read from WEDOS by queued
 * jobs (provisioning/tasks/credit-tasks.ts), which the buttons here queue.
 */
export function creditRoutes(sources: CreditPageSources): Router {
  const router = Router();

  router.get("/billing/credit", async (_req, res) => {
    const page = authenticatedPage(res);
    const { level, mode } = page.request;
    await renderPage(res, page, "billing/credit", page.t("page.credit.title"), {
      ...creditModel(page, sources),
      csrfToken: page.csrfToken,
      readAction: actionUrl(page, "/billing/credit/read"),
      reconciliationHref: pageUrl(level, mode, "/billing/reconciliation"),
    });
  });

  // Read now: one credit-info request, queued like every WEDOS request (a click while one waits joins it).
  router.post("/billing/credit/read", (req, res, next) => {
    const page = authenticatedPage(res);
    const job = sources.queue.enqueue(checkCredit, { trigger: "admin" }, { lane: "interactive" });
    answerAction(req, res, next, "/billing/credit", { notice: page.t("credit.readQueued"), job });
  });

  router.get("/billing/reconciliation", async (_req, res) => {
    const page = authenticatedPage(res);
    const month = chosenMonth(sources, page.request.query.get("month"));
    const { level, mode } = page.request;
    await renderPage(res, page, "billing/reconciliation", page.t("page.reconciliation.title"), {
      ...reconciliationModel(page, sources.db, month),
      csrfToken: page.csrfToken,
      showAction: pageUrl(level, mode, "/billing/reconciliation"),
      fetchAction: actionUrl(page, "/billing/reconciliation/fetch"),
      creditHref: pageUrl(level, mode, "/billing/credit"),
    });
  });

  // Fetch (again): the month is asked for and one fetch job reads it (one account-list request per month asked).
  router.post("/billing/reconciliation/fetch", (req, res, next) => {
    const page = authenticatedPage(res);
    const month = chosenMonth(sources, bodyField(page.request.body, "month"));
    const deps = { db: sources.db, queue: sources.queue, now: sources.clock.now() };
    const job = requestMonthFetch(deps, month, actor(page));
    answerAction(req, res, next, "/billing/reconciliation", {
      notice: page.t("reconcile.fetchQueued", { month }),
      job,
    });
  });
  return router;
}
