import type { RequestEvent, ServiceRequest } from "../../model/service-request.js";
import { supportDetails, DESCRIPTION_MAX, DESCRIPTION_MIN } from "../../provisioning/support-request.js";
import { SUPPORT_RULES, supportMovesFor, type SupportRole } from "../../provisioning/support-states.js";
import { supportSummary } from "../../provisioning/support-summary.js";
import type { AuthenticatedContext } from "../context.js";
import { isMessageKey } from "../i18n/index.js";
import { pageUrl } from "../urls.js";
import { diagnosticsView } from "./support-diagnostics.js";

export const SUPPORT_PATH = "/support";

/** A request state in words ("waiting for the provider"), or the state itself for one this version does not know. */
export function supportStateLabel(page: AuthenticatedContext, state: string): string {
  const key = `support.state.${state}`;
  return isMessageKey(key) ? page.t(key) : state;
}

/** Who made a move, as the visitor reads it: names for the provider's side, "you" / "your provider" for customers. */
function whoLabel(page: AuthenticatedContext, role: SupportRole, event: RequestEvent): string {
  if (role !== "customer") return event.actor;
  const own = event.actor === `user ${page.identity.username}`;
  return page.t(own ? "support.history.you" : "support.history.provider");
}

/** The form that opens a request for a domain (views/support/new.ejs). */
export function newSupportModel(
  page: AuthenticatedContext,
  domain: string,
  latest: ServiceRequest | undefined,
  typed: { service?: string; description?: string } = {},
) {
  const { level, mode } = page.request;
  return {
    csrfToken: page.csrfToken,
    domain,
    action: pageUrl(level, mode, SUPPORT_PATH),
    domainHref: pageUrl(level, mode, `/domains/${domain}`),
    latest:
      latest === undefined
        ? undefined
        : {
            live: latest.state !== "closed",
            href: pageUrl(level, mode, `${SUPPORT_PATH}/${latest.id}`),
            label: page.t("support.openLink", { id: latest.id, state: supportStateLabel(page, latest.state) }),
          },
    services: (["zone", "protection", "both"] as const).map((value) => ({
      value,
      label: page.t(`support.service.${value}`),
      selected: (typed.service ?? "zone") === value,
    })),
    description: typed.description ?? "",
    descriptionHelp: page.t("support.descriptionHelp", { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }),
    descriptionMax: DESCRIPTION_MAX,
  };
}

/** One support request's page (views/support/show.ejs) for a visitor in `role`. */
export function supportRequestModel(
  page: AuthenticatedContext,
  request: ServiceRequest,
  history: readonly RequestEvent[],
  role: SupportRole,
) {
  const { level, mode } = page.request;
  const details = supportDetails(request);
  const staff = role !== "customer";
  return {
    csrfToken: page.csrfToken,
    action: pageUrl(level, mode, SUPPORT_PATH),
    request: {
      id: request.id,
      state: request.state,
      domain: request.domain,
      domainHref: pageUrl(level, mode, `/domains/${request.domain}`),
      service: page.t(`support.service.${request.service}`),
      stateLabel: supportStateLabel(page, request.state),
      // ✓ answered, ◷ waiting on someone, ○ closed (views/README.md's state icons).
      statusClass: request.state === "answered" ? "active" : request.state === "closed" ? "closed" : "pending",
      opened: page.t.time(request.openedAt),
      description: details.description,
    },
    diagnostics: diagnosticsView(page, details.diagnostics, staff),
    history: history.map((event) => ({
      at: page.t.time(event.at),
      what:
        event.from === null
          ? page.t("support.history.opened")
          : page.t("support.history.moved", {
              from: supportStateLabel(page, event.from),
              to: supportStateLabel(page, event.to),
            }),
      who: whoLabel(page, role, event),
      note: event.note ?? undefined,
    })),
    moves: supportMovesFor(request.state, role).map((move) => ({
      move,
      label: page.t(`support.move.${move}`),
      needsNote: SUPPORT_RULES[move].needsNote,
    })),
    // The admin forwards to WEDOS: the summary to copy, and the same text as a download (a raw page is a file).
    summary:
      level === "admin"
        ? {
            text: supportSummary(request, history),
            href: pageUrl(level, mode === "html" ? "raw" : mode, `${SUPPORT_PATH}/${request.id}/summary`),
            file: `wedos-support-${request.id}.txt`,
          }
        : undefined,
  };
}
