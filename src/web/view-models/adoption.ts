import type { ServiceRequest } from "../../model/service-request.js";
import type { AdoptionRequests } from "../../provisioning/adoption-requests.js";
import {
  adoptionDetails,
  canOpen,
  isAdoptionState,
  mayMove,
  mayOpen,
  MOVES,
  proofRecordName,
  type AdoptionState,
} from "../../provisioning/adoption-rules.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { jobKey } from "../../provisioning/task-definition.js";
import { checkAdoptionProof } from "../../provisioning/tasks/adoption-tasks.js";
import { checkDrift } from "../../provisioning/tasks/drift-tasks.js";
import type { ConflictKind, ConflictStore } from "../../store/conflict-store.js";
import type { DriftStore } from "../../store/drift-store.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { AuthenticatedContext } from "../context.js";
import { actionUrl } from "../origin.js";
import { pageUrl } from "../urls.js";
import { adoptPreviewModel, type AdoptPreviewModel } from "./conflicts.js";

/** What the adoption page and the domain page's section read. */
export interface AdoptionSources {
  adoptions: AdoptionRequests;
  conflicts: ConflictStore;
  drift: DriftStore;
  queue: JobQueue;
}

/** The icon group of each state (views/README.md: wedos-status-<status>). */
const STATUS: Readonly<Record<AdoptionState, string>> = {
  requested: "pending",
  approved: "pending",
  declined: "off",
  expired: "off",
  done: "active",
  failed: "error",
};

/** The domain page's section (views/partials/domain-adoption.ejs); undefined when there is nothing to show. */
export interface AdoptionSummary {
  state: string | undefined;
  status: string;
  label: string;
  text: string;
  href: string;
  linkLabel: string;
}

const KINDS: readonly ConflictKind[] = ["zone", "protection"];

/** The kinds of the domain's open conflicts (services found at WEDOS, not decided yet). */
export function openConflictKinds(conflicts: ConflictStore, domain: string): ConflictKind[] {
  return KINDS.filter((kind) => conflicts.get(domain, kind)?.resolution === null);
}

const stateOf = (request: ServiceRequest | undefined): AdoptionState | undefined =>
  request !== undefined && isAdoptionState(request.state) ? request.state : undefined;

/** The visitor's words for a state: the owner is told what to do, staff what the owner did. */
function stateText(page: AuthenticatedContext, request: ServiceRequest | undefined, owner: boolean): string {
  const { t } = page;
  const state = stateOf(request);
  if (state === undefined) return t("adoption.text.none");
  const at = t.time(request?.expiresAt ?? null, t("table.never"));
  const key = `adoption.text.${state}.${owner ? "owner" : "staff"}` as const;
  return t(key, { at, domain: request?.domain ?? "" });
}

export function adoptionSummary(
  page: AuthenticatedContext,
  sources: AdoptionSources,
  row: DomainRow,
): AdoptionSummary | undefined {
  const { t } = page;
  const request = sources.adoptions.latest(row.domain);
  const state = stateOf(request);
  const found = openConflictKinds(sources.conflicts, row.domain).length > 0;
  if (state === undefined && !(found && page.request.level !== "user")) return undefined;
  const owner = isOwner(page, request);
  return {
    state,
    status: state === undefined ? "conflict" : STATUS[state],
    label: t(state === undefined ? "adoption.state.none" : `adoption.state.${state}`),
    text: stateText(page, request, owner),
    href: adoptionHref(page, row.domain),
    linkLabel: t(owner && state === "requested" ? "adoption.review" : "adoption.open"),
  };
}

export const adoptionHref = (page: AuthenticatedContext, domain: string): string =>
  pageUrl(page.request.level, page.request.mode, "/adoption", { domain });

const visitorOf = (page: AuthenticatedContext) => ({ level: page.identity.level, username: page.identity.username });

const isOwner = (page: AuthenticatedContext, request: ServiceRequest | undefined): boolean =>
  request !== undefined && mayMove("approve", visitorOf(page), request);

/** The TXT check's job key: one per domain, whichever request it is for. */
const proofKey = (domain: string) => jobKey(checkAdoptionProof, { domain, request: 1 });

/** The adoption page (views/adoption/show.ejs). */
export function adoptionPage(page: AuthenticatedContext, sources: AdoptionSources, row: DomainRow) {
  const { t } = page;
  const request = sources.adoptions.latest(row.domain);
  const state = stateOf(request);
  const visitor = visitorOf(page);
  const owner = isOwner(page, request);
  const staff = page.request.level !== "user";
  const kinds = openConflictKinds(sources.conflicts, row.domain);
  const planning = sources.queue.active(jobKey(checkDrift, { domain: row.domain }))?.payload as
    { adopt?: boolean } | undefined;
  const previews = kinds
    .map((kind) =>
      adoptPreviewModel(page, sources.conflicts, sources.drift, {
        domain: row.domain,
        kind,
        planning: planning?.adopt === true,
      }),
    )
    .filter((preview): preview is AdoptPreviewModel => preview !== undefined)
    // The conflict's detail is the operator's English text: staff read it, the owner reads the summary.
    .map((preview) => ({ ...preview, detail: staff ? preview.detail : undefined }));
  const waiting = state === "requested";
  const details = request === undefined ? undefined : adoptionDetails(request);
  const overridable = state === undefined || (MOVES.override.from as readonly string[]).includes(state);
  return {
    domain: row.domain,
    state,
    status: state === undefined ? "conflict" : STATUS[state],
    label: t(state === undefined ? "adoption.state.none" : `adoption.state.${state}`),
    text: stateText(page, request, owner),
    expires: waiting ? t.time(request?.expiresAt ?? null, t("table.never")) : undefined,
    previews,
    nothingFound: previews.length === 0,
    /** The owner decides: approve or decline on what the previews show, or prove control with the TXT record. */
    decide: owner && waiting && previews.length > 0 && previews.every((preview) => preview.canConfirm),
    proof:
      owner && waiting && details !== undefined
        ? {
            name: proofRecordName(row.domain),
            type: "TXT",
            token: details.token,
            checkedAt: details.proofCheckedAt === undefined ? undefined : t.time(details.proofCheckedAt, ""),
            checking: sources.queue.active(proofKey(row.domain)) !== undefined,
          }
        : undefined,
    canOpen: staff && mayOpen(visitor) && canOpen(request) && kinds.length > 0,
    // A failed take-over has its conflicts decided already: trying again needs no open one.
    canOverride:
      mayMove("override", visitor, { username: null }) && overridable && (kinds.length > 0 || state === "failed"),
    history:
      staff && request !== undefined
        ? sources.adoptions.history(request.id).map((event) => ({
            at: t.time(event.at, ""),
            actor: event.actor,
            to: isAdoptionState(event.to) ? t(`adoption.state.${event.to}`) : event.to,
            note: event.note ?? "",
          }))
        : [],
    action: actionUrl(page, "/adoption"),
    csrfToken: page.csrfToken,
    backHref: pageUrl(page.request.level, page.request.mode, `/domains/${row.domain}`),
  };
}
