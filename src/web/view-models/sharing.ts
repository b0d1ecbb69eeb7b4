import type { ServiceRequest } from "../../model/service-request.js";
import { LINK_HOLDING, servicesOf, stepsFor, type SharingRole } from "../../model/sharing-states.js";
import { accountOf } from "../../model/wedos-account.js";
import { doneSteps, holdingLinks, sharingKind, type SharingDeps } from "../../provisioning/sharing.js";
import type { DnsZoneStore } from "../../store/dns-zone-store.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { ProtectionStore } from "../../store/protection-store.js";
import type { AuthenticatedContext } from "../context.js";
import type { MessageKey } from "../i18n/index.js";
import { actorName } from "../identity/identity.js";
import { pageUrl } from "../urls.js";

/** What the sharing pages read: the requests and notices, and whether the plugin manages each service here. */
export interface SharingSources extends SharingDeps {
  zones: Pick<DnsZoneStore, "zone">;
  protections: Pick<ProtectionStore, "get">;
}

/** The visitor's part in a domain's sharing: its own account is the customer, its reseller or an admin operates. */
export function sharingRole(page: AuthenticatedContext, row: DomainRow): SharingRole {
  const { level, username } = page.identity;
  return level !== "admin" && row.username === username ? "customer" : "operator";
}

/** How the history and the notices name the visitor: "user bob", "reseller res1", "admin admin". */
export const sharingActor = (page: AuthenticatedContext, row: DomainRow) => ({
  name: `${page.request.level} ${actorName(page.identity)}`,
  role: sharingRole(page, row),
});

/** Whether the plugin keeps each service at WEDOS: only those can be shared (WEDOS has nothing else to share). */
function managedHere(sources: SharingSources, domain: string): Record<"zone" | "protection", boolean> {
  const protection = sources.protections.get(domain);
  return {
    zone: sources.zones.zone(domain) !== undefined,
    protection: protection !== undefined && protection.state !== "removed",
  };
}

/**
 * Per service: "managed here" (the plugin keeps it at WEDOS), "shared with your WEDOS account" (a linked request),
 * both, or neither; operators read "the customer's WEDOS account".
 */
export function serviceStates(page: AuthenticatedContext, sources: SharingSources, row: DomainRow) {
  const linked = holdingLinks(sources, row.domain).filter((each) => each.state === "linked");
  const managed = managedHere(sources, row.domain);
  const theirs = sharingRole(page, row) === "operator";
  return (["zone", "protection"] as const).map((service) => {
    const shared = linked.some((each) => servicesOf(each.service).includes(service));
    const key: MessageKey = managed[service]
      ? shared
        ? theirs
          ? "sharing.where.bothTheirs"
          : "sharing.where.both"
        : "sharing.where.here"
      : shared
        ? theirs
          ? "sharing.where.sharedTheirs"
          : "sharing.where.shared"
        : "sharing.where.none";
    const label = page.t(`sharing.service.${service}`);
    return { service, label, where: page.t(key), shared, managed: managed[service] };
  });
}

const STATE_KEYS: Record<string, MessageKey> = {
  invited: "sharing.state.invited",
  requested: "sharing.state.requested",
  "in-progress": "sharing.state.in-progress",
  linked: "sharing.state.linked",
  revoked: "sharing.state.revoked",
  declined: "sharing.state.declined",
  cancelled: "sharing.state.cancelled",
  expired: "sharing.state.expired",
};

/** What the customer does on their side, per kind and state (undefined: nothing to do). */
function customerGuide(request: ServiceRequest): MessageKey | undefined {
  if (request.kind === "unlink") {
    if (request.state === "cancelled") return undefined;
    return request.state === "revoked" ? "sharing.guide.revoked" : "sharing.guide.unlinking";
  }
  const keys: Partial<Record<string, MessageKey>> = {
    invited: "sharing.guide.invited",
    requested: "sharing.guide.requested",
    "in-progress": "sharing.guide.in-progress",
    linked: "sharing.guide.linked",
    declined: "sharing.guide.declined",
    revoked: "sharing.guide.revoked",
  };
  return keys[request.state];
}

/** One request as the page shows it to `role`: its state, the steps (operators mark them) and its history. */
export function requestView(
  page: AuthenticatedContext,
  sources: SharingSources,
  request: ServiceRequest,
  role: SharingRole,
) {
  const { t } = page;
  const kind = sharingKind(request);
  const account = accountOf(request.details);
  const params = {
    domain: request.domain,
    customerId: account?.customerId ?? "…",
    email: account?.email ?? "…",
    services: t(`sharing.service.${request.service}`),
  };
  const done = doneSteps(request);
  const open = ["requested", "in-progress"].includes(request.state);
  const history = sources.requests.history(request.id);
  const declinedWhy = request.state === "declined" ? (history.at(-1)?.note ?? "") : "";
  const guide = customerGuide(request);
  return {
    id: request.id,
    kind,
    title: t(kind === "link" ? "sharing.request.link" : "sharing.request.unlink", {
      id: request.id,
      services: params.services,
    }),
    state: request.state,
    stateLabel: t(STATE_KEYS[request.state] ?? "sharing.state.requested"),
    account,
    // Customers are not shown the staff's account names.
    opened:
      role === "operator"
        ? t("sharing.opened", { at: t.time(request.openedAt), actor: request.openedBy })
        : t("sharing.openedAt", { at: t.time(request.openedAt) }),
    expires: request.state === "invited" && request.expiresAt !== null ? t.time(request.expiresAt) : undefined,
    guide: role === "customer" && guide !== undefined ? t(guide, { ...params, reason: declinedWhy }) : undefined,
    steps: stepsFor(kind, request.service).map((step) => ({
      step,
      text: t(`sharing.step.${step}`, params),
      name: t(`sharing.stepName.${step}`),
      done: done.includes(step),
      canMark: role === "operator" && open && !done.includes(step),
    })),
    history:
      role === "operator"
        ? history.map((event) => ({
            at: t.time(event.at),
            actor: event.actor,
            what:
              event.note === null ? t(STATE_KEYS[event.to] ?? "sharing.state.requested") : stepOrNote(page, event.note),
          }))
        : [],
    canDecline: role === "operator" && kind === "link" && open,
    canCancel: request.state === "requested" || (role === "operator" && request.state === "invited"),
    canUnlink: kind === "link" && request.state === "linked",
  };
}

const isStepKey = (note: string): note is `${string}` => /^(protection|zone)-[a-z-]+$/.test(note);
function stepOrNote(page: AuthenticatedContext, note: string): string {
  if (!isStepKey(note)) return note;
  return page.t("sharing.history.step", { step: page.t(`sharing.stepName.${note}` as MessageKey) });
}

/** The services that may still be asked for: at WEDOS through the plugin, and held by no other request. */
export function freeServices(sources: SharingSources, domain: string): Array<"zone" | "protection" | "both"> {
  const held = holdingLinks(sources, domain).flatMap((each) => servicesOf(each.service));
  const managed = managedHere(sources, domain);
  const free = (["zone", "protection"] as const).filter((each) => managed[each] && !held.includes(each));
  return free.length === 2 ? ["both", "zone", "protection"] : [...free];
}

/** Link and unlink requests of a domain, newest first; settled ones only the latest few. */
export function domainRequests(sources: SharingSources, domain: string): ServiceRequest[] {
  const all = sources.requests.ofDomain(domain, ["link", "unlink"]);
  const live = (each: ServiceRequest) => LINK_HOLDING.includes(each.state as never);
  return [...all.filter(live), ...all.filter((each) => !live(each)).slice(0, 5)];
}

/** The domain page's section: where each service is managed, what waits, and the way to the sharing page. */
export function sharingSummary(page: AuthenticatedContext, sources: SharingSources, row: DomainRow) {
  const waiting = domainRequests(sources, row.domain).filter((each) =>
    ["invited", "requested", "in-progress"].includes(each.state),
  ).length;
  const { level, mode } = page.request;
  return {
    services: serviceStates(page, sources, row),
    waiting: waiting === 0 ? undefined : page.t("sharing.waiting", { count: waiting }),
    href: pageUrl(level, mode, "/sharing", { domain: row.domain }),
  };
}
