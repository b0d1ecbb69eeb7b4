import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { ActionAnswer, CustomerTask } from "../provisioning/customer-actions.js";
import { authenticatedPage, type AuthenticatedContext } from "./context.js";
import type { MessageKey } from "./i18n/index.js";
import { originOf } from "./origin.js";
import { showProgress, type ProgressSources } from "./progress.js";
import { innerUrl } from "./protocol.js";
import { sendJson } from "./render.js";

const NOTICES: Readonly<Record<CustomerTask, Readonly<Record<ActionAnswer["outcome"], MessageKey>>>> = {
  syncZone: {
    queued: "action.syncQueued",
    joined: "action.syncJoined",
    running: "action.syncRunning",
    cooling: "action.syncCooling",
    overShare: "action.syncOverShare",
  },
  purgeCache: {
    queued: "action.purgeQueued",
    joined: "action.purgeJoined",
    running: "action.purgeRunning",
    cooling: "action.purgeCooling",
    overShare: "action.purgeOverShare",
  },
};

/** What a page says after a Sync now or Purge click: queued, joined, running, or when it will run and why, in words. */
export function actionNotice(
  page: AuthenticatedContext,
  task: CustomerTask,
  domain: string,
  answer: ActionAnswer,
  cooldownMinutes: number,
): string {
  return page.t(NOTICES[task][answer.outcome], {
    domain,
    at: page.t.time(answer.runAt, ""),
    last: page.t.time(answer.lastRan ?? null, ""),
    minutes: cooldownMinutes,
  });
}

/** What an action tells its visitor: the line to show, and the job it queued or joined (if any). */
export interface ActionOutcome {
  notice: string;
  job?: number;
  /** The domain a fetch() answer names as queued (`{"queued": domain}`). */
  domain?: string;
}

/** What answering an action needs beyond the request: the page routes to render its origin, and the jobs. */
export interface ActionAnswering extends ProgressSources {
  pages: RequestHandler;
}

declare global {
  namespace Express {
    interface Locals {
      answering?: ActionAnswering;
    }
  }
}

/** Makes answering actions possible for the routes behind it (routes/index.ts mounts it before them). */
export function offerAnswers(answering: ActionAnswering): RequestHandler {
  return (_req, res, next) => {
    res.locals.answering = answering;
    next();
  };
}

/**
 * Answers an action: a fetch() (JSON body) gets `{message, job, queued}` with 202; a form gets the page it was
 * started from (`back=` of the action's URL, else `fallback`) — rendered by that page's own GET route, since embedded
 * pages cannot redirect — with the notice and the job's progress above it. The visitor's identity, scope and CSRF
 * check stay the action's; the page's request becomes a GET of the origin with no body.
 */
export function answerAction(
  req: Request,
  res: Response,
  next: NextFunction,
  fallback: string,
  outcome: ActionOutcome,
): void {
  const page = authenticatedPage(res);
  const answering = res.locals.answering;
  if (answering === undefined) throw new Error("the action is not behind offerAnswers()");
  if (page.request.body.kind === "json") {
    sendJson(res, page, 202, { queued: outcome.domain, job: outcome.job, message: outcome.notice });
    return;
  }
  const origin = originOf(page, fallback);
  page.request = { ...page.request, method: "GET", path: origin.path, query: origin.query, body: { kind: "none" } };
  page.notice = outcome.notice;
  if (outcome.job !== undefined) showProgress(page, answering, outcome.job, origin);
  req.method = "GET";
  req.url = innerUrl(page.request);
  req.baseUrl = "";
  answering.pages(req, res, next);
}
