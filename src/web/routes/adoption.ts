import { Router } from "express";
import type { RequestService, ServiceRequest } from "../../model/service-request.js";
import { mayMove, mayOpen, MOVES, type PersonMove } from "../../provisioning/adoption-rules.js";
import { checkAdoptionProof, takeOverAdoption } from "../../provisioning/tasks/adoption-tasks.js";
import { jobKey } from "../../provisioning/task-definition.js";
import type { DomainRow } from "../../store/inventory-store.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage } from "../render.js";
import { adoptPreviewModel } from "../view-models/conflicts.js";
import { adoptionPage, openConflictKinds, type AdoptionSources } from "../view-models/adoption.js";

/** Longest reason an admin's override keeps in the request's history. */
const MAX_REASON = 500;

const ACTIONS = ["approve", "decline", "override", "prove", "open"] as const;
type AdoptionAction = (typeof ACTIONS)[number];

/**
 * Adoption with the owner's consent (docs/decisions/0054), on every level; the tenant scope decides which domains:
 * GET /adoption?domain=<d> shows the request, what taking over would change and which way, and the visitor's
 * choices; POST /adoption (fields: domain, action, reason) makes one. Only the domain's own account approves,
 * declines or proves control; staff open a request; an admin overrides, only with a reason.
 */
export function adoptionRoutes(sources: AdoptionSources): Router {
  const router = Router();
  router.get("/adoption", async (_req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(page.request.query.get("domain"));
    const model = adoptionPage(page, sources, row);
    await renderPage(res, page, "adoption/show", page.t("page.adoption.title", { domain: row.domain }), model);
  });

  router.post("/adoption", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    const action = bodyField(page.request.body, "action");
    if (!(ACTIONS as readonly unknown[]).includes(action))
      throw new WebError(400, "error.badRequest", `unknown adoption action ${JSON.stringify(action)}`);
    const outcome = act(page, sources, row, action as AdoptionAction);
    answerAction(req, res, next, `/domains/${row.domain}`, { ...outcome, domain: row.domain });
  });
  return router;
}

const actorOf = (page: AuthenticatedContext) => `${page.identity.level} ${page.identity.username}`;
const refused = (why: string) => new WebError(403, "error.adoptionNotYours", why);
const moved = (why: string) => new WebError(409, "error.adoptionMoved", why);

function act(
  page: AuthenticatedContext,
  sources: AdoptionSources,
  row: DomainRow,
  action: AdoptionAction,
): { notice: string; job?: number } {
  const { t } = page;
  const visitor = { level: page.identity.level, username: page.identity.username };
  const domain = row.domain;
  if (action === "open") {
    if (!mayOpen(visitor)) throw refused(`${actorOf(page)} may not open an adoption request`);
    const request = openFor(page, sources, row);
    return { notice: t("adoption.notice.opened", { domain: request.domain }) };
  }
  if (action === "override") return overrideAdoption(page, sources, row);
  const request = sources.adoptions.latest(domain);
  if (request === undefined) throw moved(`no adoption request for ${domain}`);
  const move: PersonMove = action === "prove" ? "approve" : action;
  if (!mayMove(move, visitor, request)) throw refused(`${actorOf(page)} may not ${action} the adoption of ${domain}`);
  if (request.state !== "requested") throw moved(`the adoption request of ${domain} is ${request.state}`);
  if (action === "prove") {
    const job = sources.queue.enqueue(checkAdoptionProof, { domain, request: request.id });
    return { notice: t("adoption.notice.checking", { domain }), job };
  }
  // Approving needs something to take over: an admin may have left the service alone (Ignore) meanwhile.
  if (action === "approve" && openConflictKinds(sources.conflicts, domain).length === 0)
    throw moved(`nothing found at WEDOS for ${domain} waits to be taken over`);
  const force = action === "approve" ? approvedPreviewForce(page, sources, domain) : false;
  if (!sources.adoptions.move(request.id, action, { actor: actorOf(page), ...(force ? { details: { force } } : {}) }))
    throw moved(`the adoption request of ${domain} moved meanwhile`);
  const job = sources.queue.active(jobKey(takeOverAdoption, { domain, request: request.id }))?.id;
  const notice = t(action === "approve" ? "adoption.notice.approved" : "adoption.notice.declined", { domain });
  return { notice, ...(job === undefined ? {} : { job }) };
}

/**
 * Whether the take-over applies past the safety threshold: only when the zone's preview the owner approved says so
 * (they saw the warning). A zone whose preview is not ready cannot be approved yet.
 */
function approvedPreviewForce(page: AuthenticatedContext, sources: AdoptionSources, domain: string): boolean {
  const preview = adoptPreviewModel(page, sources.conflicts, sources.drift, { domain, kind: "zone", planning: false });
  if (preview !== undefined && !preview.canConfirm) throw moved(`the preview of taking over ${domain} is not ready`);
  return preview?.needsForce === true;
}

/**
 * An admin takes over without the owner's approval (here, or Adopt on the admin's conflict preview): only with a
 * reason (form field `reason`), which the request's history keeps; the owner is told. Returns the take-over's job.
 */
export function overrideAdoption(
  page: AuthenticatedContext,
  sources: AdoptionSources,
  row: DomainRow,
): { notice: string; job?: number } {
  const visitor = { level: page.identity.level, username: page.identity.username };
  if (!mayMove("override", visitor, { username: null })) throw refused(`${actorOf(page)} may not override`);
  const reason = (bodyField(page.request.body, "reason") ?? "").trim();
  if (reason === "" || reason.length > MAX_REASON)
    throw new WebError(400, "error.adoptionReason", `an override needs a reason of 1 to ${MAX_REASON} characters`);
  const latest = sources.adoptions.latest(row.domain);
  const request =
    latest !== undefined && (MOVES.override.from as readonly string[]).includes(latest.state)
      ? latest
      : openFor(page, sources, row);
  const force = approvedPreviewForce(page, sources, row.domain);
  const note = reason;
  if (!sources.adoptions.move(request.id, "override", { actor: actorOf(page), note, details: { force } }))
    throw moved(`the adoption request of ${row.domain} moved meanwhile`);
  const job = sources.queue.active(jobKey(takeOverAdoption, { domain: row.domain, request: request.id }))?.id;
  const notice = page.t("adoption.notice.overridden", { domain: row.domain });
  return { notice, ...(job === undefined ? {} : { job }) };
}

/** Opens a request for what was found at WEDOS for the domain (409 when nothing was, or one is already open). */
function openFor(page: AuthenticatedContext, sources: AdoptionSources, row: DomainRow): ServiceRequest {
  const kinds = openConflictKinds(sources.conflicts, row.domain);
  if (kinds.length === 0) throw moved(`nothing not created by the plugin was found at WEDOS for ${row.domain}`);
  const service: RequestService = kinds.length === 2 ? "both" : (kinds[0] as RequestService);
  const before = sources.adoptions.latest(row.domain);
  const request = sources.adoptions.open(row.domain, service, actorOf(page));
  if (request === undefined) throw moved(`${row.domain} has no account whose owner could be asked`);
  if (before !== undefined && request.id === before.id && before.state !== "requested" && before.state !== "approved")
    throw moved(`the adoption request of ${row.domain} could not be opened`);
  return request;
}
