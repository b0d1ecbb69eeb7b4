import { Router, type Response } from "express";
import { REQUEST_SERVICES, type RequestService, type ServiceRequest } from "../../model/service-request.js";
import { readWedosAccount } from "../../model/wedos-account.js";
import {
  SharingError,
  cancel,
  decline,
  expireInvitations,
  findInvitation,
  invite,
  markStep,
  requestLink,
  requestUnlink,
  type SharingRefusal,
} from "../../provisioning/sharing.js";
import type { DomainRow } from "../../store/inventory-store.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField, type PageBody } from "../da-input.js";
import { notFound } from "../errors.js";
import type { MessageKey } from "../i18n/index.js";
import { renderPage } from "../render.js";
import { pageUrl } from "../urls.js";
import {
  domainRequests,
  freeServices,
  requestView,
  serviceStates,
  sharingActor,
  sharingRole,
  type SharingSources,
} from "../view-models/sharing.js";

/** What the page says after an action: a notice or problems, the invitation just made, the form as it was sent. */
interface Outcome {
  notice?: string;
  problems?: string[];
  invitationLink?: string;
  invitationCode?: string;
  form?: { customerId: string; email: string; service: string };
  status?: number;
}

const REFUSALS: Record<SharingRefusal, MessageKey> = {
  "no-account": "sharing.refused.noAccount",
  "already-shared": "sharing.refused.alreadyShared",
  "not-linked": "sharing.refused.notLinked",
  "unlink-open": "sharing.refused.unlinkOpen",
  "not-allowed": "sharing.refused.notAllowed",
  moved: "sharing.refused.moved",
  "unknown-step": "sharing.refused.unknownStep",
  "reason-missing": "sharing.refused.reasonMissing",
  "not-offered": "sharing.refused.notOffered",
};

const isService = (value: string) => REQUEST_SERVICES.some((each) => each === value);

/**
 * `/sharing?domain=<d>` on every level (docs/decisions/0055): the domain's services "managed here" and/or "shared
 * with your WEDOS account", the customer's form and what to do on their side, the operator's checklist of steps in
 * WEDOS's administration, invitations and unlinking. `&invite=<token>` opens the form from an invitation for the
 * domain's own account only; anyone else gets "not found". POST `/sharing` with `do` = request | invite | step |
 * decline | cancel | unlink. Nothing here calls WAPI.
 */
export function sharingRoutes(sources: SharingSources): Router {
  const router = Router();

  router.get("/sharing", async (_req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(page.request.query.get("domain"));
    const token = page.request.query.get("invite");
    if (token === null) return showSharing(res, sources, row);
    if (sharingRole(page, row) !== "customer") throw notFound();
    const invitation = findInvitation(sources, row.domain, page.identity.username, token);
    if (invitation === undefined)
      return showSharing(res, sources, row, { problems: [page.t("sharing.invitationUnusable")], status: 410 });
    await showSharing(res, sources, row, {}, { invitation, token });
  });

  router.post("/sharing", async (_req, res) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const row = page.scope.require(bodyField(body, "domain"));
    try {
      await act(res, page, row, body);
    } catch (error) {
      if (!(error instanceof SharingError)) throw error;
      await showSharing(res, sources, row, { problems: [page.t(REFUSALS[error.refusal])], status: 409 });
    }
  });

  async function act(res: Response, page: AuthenticatedContext, row: DomainRow, body: PageBody): Promise<void> {
    const actor = sharingActor(page, row);
    const what = bodyField(body, "do");
    if (what === "request") return askToLink(res, page, row, body);
    if (what === "invite") {
      const service = offered(row, bodyField(body, "service"));
      if (service === undefined) throw new SharingError("not-offered", `${row.domain} offers no such service to share`);
      const made = invite(sources, row, service, actor);
      // Customers use the embedded page on DirectAdmin; cPanel's links stay relative to the account's own entry.
      const mode = page.request.mode === "cgi" ? "cgi" : "html";
      const link = pageUrl("user", mode, "/sharing", { domain: row.domain, invite: made.token });
      const notice = page.t("sharing.invited", { domain: row.domain });
      return showSharing(res, sources, row, { notice, invitationLink: link, invitationCode: made.token });
    }
    const request = requestOf(row, bodyField(body, "request"));
    if (what === "step") markStep(sources, request, bodyField(body, "step") ?? "", actor);
    else if (what === "decline") decline(sources, request, bodyField(body, "reason") ?? "", actor);
    else if (what === "cancel") cancel(sources, request, actor);
    else if (what === "unlink") requestUnlink(sources, request, actor);
    else throw notFound();
    const moved = sources.requests.get(request.id) as ServiceRequest;
    const state = page.t(`sharing.state.${moved.state}` as MessageKey);
    const notice = page.t("sharing.moved", { id: moved.id, state });
    await showSharing(res, sources, row, { notice });
  }

  /** The customer's form: a new request, or an invitation accepted (its token comes back in the form). */
  async function askToLink(res: Response, page: AuthenticatedContext, row: DomainRow, body: PageBody): Promise<void> {
    const token = bodyField(body, "invite");
    const invited = token !== undefined && token !== "";
    const invitation = invited ? findInvitation(sources, row.domain, page.identity.username, token) : undefined;
    if (invited && invitation === undefined) {
      if (sharingRole(page, row) !== "customer") throw notFound();
      return showSharing(res, sources, row, { problems: [page.t("sharing.invitationUnusable")], status: 410 });
    }
    const form = {
      customerId: bodyField(body, "customerId") ?? "",
      email: bodyField(body, "email") ?? "",
      service: bodyField(body, "service") ?? "",
    };
    const read = readWedosAccount(form.customerId, form.email);
    const service = invitation?.service ?? offered(row, form.service);
    // A service the domain does not offer now is told apart from no choice at all.
    const serviceProblem = isService(form.service) ? "sharing.refused.notOffered" : "sharing.problem.service";
    const problems = [
      ...read.problems.map((problem) => page.t(`sharing.problem.${problem}`)),
      ...(service === undefined ? [page.t(serviceProblem)] : []),
    ];
    if (read.account === undefined || service === undefined) {
      const again = invitation === undefined ? undefined : { invitation, token: token as string };
      return showSharing(res, sources, row, { problems, form, status: 400 }, again);
    }
    const request = requestLink(sources, row, { service, account: read.account, invitation }, sharingActor(page, row));
    await showSharing(res, sources, row, { notice: page.t("sharing.requested", { id: request.id }) });
  }

  /** The service a form names, if the domain offers it for sharing now (freeServices). */
  function offered(row: DomainRow, value: string | undefined): RequestService | undefined {
    return freeServices(sources, row.domain).find((each) => each === value);
  }

  /** A request of this domain, by the id a form sent; any other (or none) is not found. */
  function requestOf(row: DomainRow, id: string | undefined): ServiceRequest {
    const request = sources.requests.get(Number(id));
    if (request === undefined || request.domain !== row.domain || !["link", "unlink"].includes(request.kind))
      throw notFound();
    return request;
  }

  return router;
}

async function showSharing(
  res: Response,
  sources: SharingSources,
  row: DomainRow,
  outcome: Outcome = {},
  invited?: { invitation: ServiceRequest; token: string },
): Promise<void> {
  const page = authenticatedPage(res);
  const { level, mode } = page.request;
  expireInvitations(sources, 50);
  const role = sharingRole(page, row);
  const requests = domainRequests(sources, row.domain).map((request) => requestView(page, sources, request, role));
  const free = freeServices(sources, row.domain);
  const model = {
    csrfToken: page.csrfToken,
    domain: row.domain,
    role,
    notice: outcome.notice,
    problems: outcome.problems ?? [],
    invitationLink: outcome.invitationLink,
    invitationCode: outcome.invitationCode,
    services: serviceStates(page, sources, row),
    requests,
    invited:
      invited === undefined
        ? undefined
        : { token: invited.token, services: page.t(`sharing.service.${invited.invitation.service}`) },
    // The customer's form: while a service is free, or to accept an invitation.
    customerForm: role === "customer" && (free.length > 0 || invited !== undefined),
    nothingToShare: free.length === 0 && invited === undefined && requests.length === 0,
    serviceChoices: free.map((service) => ({ value: service, label: page.t(`sharing.service.${service}`) })),
    // Operators invite the domain's account; a domain without one has nobody to invite.
    inviteForm: role === "operator" && row.username !== null && free.length > 0,
    form: outcome.form ?? { customerId: "", email: "", service: free[0] ?? "" },
    action: pageUrl(level, mode, "/sharing"),
    backHref: pageUrl(level, mode, `/domains/${row.domain}`),
  };
  const title = page.t(role === "customer" ? "page.sharing.titleYours" : "page.sharing.title", { domain: row.domain });
  await renderPage(res, page, "sharing/show", title, model, outcome.status);
}
