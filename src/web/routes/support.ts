import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import { REQUEST_SERVICES, type RequestService, type ServiceRequest } from "../../model/service-request.js";
import type { Panel } from "../../panel/panel.js";
import { takeDiagnostics, type DiagnosticSources } from "../../provisioning/support-diagnostics.js";
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  moveSupportRequest,
  NOTE_MAX,
  openSupportRequest,
  type TextProblem,
} from "../../provisioning/support-request.js";
import { SUPPORT_MOVES, supportRole, type SupportMove } from "../../provisioning/support-states.js";
import { supportSummary } from "../../provisioning/support-summary.js";
import type { InventoryStore } from "../../store/inventory-store.js";
import type { NotificationStore } from "../../store/notification-store.js";
import type { ServiceRequestStore } from "../../store/service-request-store.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { notFound } from "../errors.js";
import { sendOutput } from "../output.js";
import { renderPage } from "../render.js";
import { INBOX_SIZE, recipientOf } from "../view-models/notices.js";
import { newSupportModel, SUPPORT_PATH, supportRequestModel } from "../view-models/support-page.js";

/** What the support pages read and write (built in app.ts). */
export interface SupportSources {
  requests: ServiceRequestStore;
  notices: NotificationStore;
  /** Only for the account's creator; domains come from the tenant scope. */
  inventory: InventoryStore;
  /** Whether that creator is a reseller (told on its reseller pages) or an admin (told with every admin). */
  panel: Pick<Panel, "accountAccess">;
  diagnostics: DiagnosticSources;
  clock: Clock;
}

type Outcome = { notice?: string; problems?: string[] };

const actorOf = (page: AuthenticatedContext) => `${page.identity.level} ${page.identity.username}`;

function problemText(page: AuthenticatedContext, problem: TextProblem, max: number): string {
  return page.t(`support.problem.${problem}`, { min: DESCRIPTION_MIN, max });
}

/** The creator of an account when it is a reseller-level account: who besides every admin is told. */
async function resellerToTell(sources: SupportSources, creator: string | null): Promise<string | null> {
  if (creator === null) return null;
  return (await sources.panel.accountAccess(creator))?.level === "reseller" ? creator : null;
}

/**
 * Support requests (docs/decisions/0056): `GET /support?domain=<d>` opens one for a domain of the visitor's scope,
 * `GET /support/<id>` shows one to its customer, the account's reseller and the admins (anyone else: not found),
 * `POST /support` (`action` = open | forward | answer | reopen | close) changes them, and the admin's
 * `GET /support/<id>/summary` is the plain text for WEDOS support.
 */
export function supportRoutes(sources: SupportSources): Router {
  const router = Router();

  router.get(SUPPORT_PATH, async (_req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(page.request.query.get("domain"));
    await showNew(res, sources, row.domain);
  });

  router.get(`${SUPPORT_PATH}/:id`, async (req, res) => {
    const page = authenticatedPage(res);
    const request = visibleRequest(page, sources, req.params.id);
    // Reading the request is reading what the visitor's notices about it said.
    const recipient = recipientOf(page);
    const about = sources.notices.unread(recipient, INBOX_SIZE).filter((notice) => notice.requestId === request.id);
    const ids = about.map((notice) => notice.id);
    sources.notices.markRead(recipient, ids, sources.clock.now());
    await showRequest(res, sources, request);
  });

  router.get(`${SUPPORT_PATH}/:id/summary`, (req, res) => {
    const page = authenticatedPage(res);
    if (page.identity.level !== "admin") throw notFound();
    const request = visibleRequest(page, sources, req.params.id);
    const text = supportSummary(request, sources.requests.history(request.id));
    sendOutput(res, page, 200, "text/plain; charset=utf-8", text);
  });

  router.post(SUPPORT_PATH, async (_req, res) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const action = bodyField(body, "action") ?? "";
    if (action === "open") {
      await openRequest(res, sources);
      return;
    }
    if (!(SUPPORT_MOVES as readonly string[]).includes(action)) {
      const row = page.scope.find(bodyField(body, "domain"));
      if (row === undefined) throw notFound();
      await showNew(res, sources, row.domain, { problems: [page.t("support.problem.action")] }, {}, 400);
      return;
    }
    await moveRequest(res, sources, action as SupportMove);
  });

  return router;
}

/** The support request `id` names if it exists and this visitor may see it; else the same "not found" for both. */
function visibleRequest(page: AuthenticatedContext, sources: SupportSources, id: unknown): ServiceRequest {
  const number = typeof id === "string" && /^\d{1,12}$/.test(id) ? Number(id) : NaN;
  const request = Number.isNaN(number) ? undefined : sources.requests.get(number);
  if (request === undefined || request.kind !== "support" || supportRole(request, page.identity) === undefined)
    throw notFound();
  return request;
}

async function openRequest(res: Response, sources: SupportSources): Promise<void> {
  const page = authenticatedPage(res);
  const body = page.request.body;
  const row = page.scope.require(bodyField(body, "domain"));
  const service = bodyField(body, "service") ?? "";
  const description = bodyField(body, "description") ?? "";
  const typed = { service, description: description.slice(0, DESCRIPTION_MAX * 2) };
  if (!(REQUEST_SERVICES as readonly string[]).includes(service)) {
    await showNew(res, sources, row.domain, { problems: [page.t("support.problem.service")] }, typed, 400);
    return;
  }
  const creator = row.username === null ? null : (sources.inventory.account(row.username)?.creator ?? null);
  const now = sources.clock.now();
  const outcome = openSupportRequest(sources, {
    row,
    creator,
    tellReseller: await resellerToTell(sources, creator),
    service: service as RequestService,
    description,
    diagnostics: takeDiagnostics(sources.diagnostics, row, now),
    actor: actorOf(page),
    now,
  });
  if (outcome.kind === "refused") {
    const problems = [problemText(page, outcome.problem, DESCRIPTION_MAX)];
    await showNew(res, sources, row.domain, { problems }, typed, 400);
    return;
  }
  const notice = page.t(outcome.kind === "opened" ? "support.opened" : "support.live");
  await showRequest(res, sources, outcome.request, { notice }, outcome.kind === "opened" ? 200 : 409);
}

async function moveRequest(res: Response, sources: SupportSources, move: SupportMove): Promise<void> {
  const page = authenticatedPage(res);
  const body = page.request.body;
  const current = visibleRequest(page, sources, bodyField(body, "id"));
  const role = supportRole(current, page.identity);
  if (role === undefined) throw notFound();
  // The state the visitor's page showed: a move from any other state is someone else's news, not this click's.
  const seen = { ...current, state: bodyField(body, "state") ?? "" };
  const outcome = moveSupportRequest(
    sources,
    seen,
    move,
    { role, actor: actorOf(page), tellReseller: await resellerToTell(sources, current.reseller) },
    bodyField(body, "note") ?? "",
    sources.clock.now(),
  );
  const now = sources.requests.get(current.id) as ServiceRequest;
  if (outcome === "moved") {
    await showRequest(res, sources, now, { notice: page.t(`support.moved.${move}`) });
  } else if (outcome === "moved-meanwhile" || (outcome === "not-allowed" && seen.state !== current.state)) {
    await showRequest(res, sources, now, { notice: page.t("support.movedMeanwhile") }, 409);
  } else if (outcome === "not-allowed") {
    await showRequest(res, sources, now, { problems: [page.t("support.problem.action")] }, 403);
  } else {
    await showRequest(res, sources, now, { problems: [problemText(page, outcome.problem, NOTE_MAX)] }, 400);
  }
}

async function showNew(
  res: Response,
  sources: SupportSources,
  domain: string,
  outcome: Outcome = {},
  typed: { service?: string; description?: string } = {},
  status = 200,
): Promise<void> {
  const page = authenticatedPage(res);
  const model = { ...newSupportModel(page, domain, sources.requests.latest(domain, "support"), typed), ...outcome };
  await renderPage(res, page, "support/new", page.t("page.support.title", { domain }), withOutcome(model), status);
}

async function showRequest(
  res: Response,
  sources: SupportSources,
  request: ServiceRequest,
  outcome: Outcome = {},
  status = 200,
): Promise<void> {
  const page = authenticatedPage(res);
  const role = supportRole(request, page.identity);
  if (role === undefined) throw notFound();
  const model = supportRequestModel(page, request, sources.requests.history(request.id), role);
  const title = page.t("page.supportRequest.title", { id: request.id });
  await renderPage(res, page, "support/show", title, withOutcome({ ...model, ...outcome }), status);
}

const withOutcome = <T extends Outcome>(model: T) => ({ notice: undefined, problems: [], ...model });
