import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { RequestService, ServiceRequest } from "../model/service-request.js";
import {
  LINK_HOLDING,
  LINK_OPEN,
  UNLINK_OPEN,
  afterStep,
  mayMove,
  movableFrom,
  overlaps,
  stepsFor,
  type SharingMove,
  type SharingRole,
} from "../model/sharing-states.js";
import { accountOf, type WedosAccount } from "../model/wedos-account.js";
import { sha256Hex } from "../util/sha256.js";
import type { Database } from "../store/database.js";
import type { DomainRow, InventoryStore } from "../store/inventory-store.js";
import type { NotificationStore } from "../store/notification-store.js";
import type { ServiceRequestStore } from "../store/service-request-store.js";
import { tellCustomer, tellOperators } from "./sharing-notices.js";

/**
 * Sharing a domain's WEDOS services with the customer's own WEDOS account (docs/decisions/0055). Nothing here
 * calls WAPI: WEDOS shares a service only in its own administration, so the plugin records the request, lists the
 * steps an admin or reseller does there, and follows their marks to "linked" (or, unlinking, "revoked").
 */
export interface SharingDeps {
  db: Database;
  requests: ServiceRequestStore;
  notices: NotificationStore;
  inventory: InventoryStore;
  clock: Clock;
}

/** How long an invitation link can be used. */
export const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;
/** Invitation tokens start with this, so one found in a log or a message is recognisable. */
export const INVITATION_PREFIX = "wpinv_";

export type SharingRefusal =
  | "no-account"
  | "already-shared"
  | "not-linked"
  | "unlink-open"
  | "not-allowed"
  | "moved"
  | "unknown-step"
  | "reason-missing"
  | "not-offered";

/** A request the rules refuse; `message` is for the admin's log and the CLI, `refusal` for the pages' words. */
export class SharingError extends Error {
  override readonly name = "SharingError";
  constructor(
    readonly refusal: SharingRefusal,
    message: string,
  ) {
    super(message);
  }
}

export interface Actor {
  /** As the history words it: "user bob", "reseller res1", "admin admin", "cli root". */
  name: string;
  role: SharingRole;
}

/** The domain's account and its reseller, as a request records them; a domain without an account cannot be shared. */
function ownerOf(deps: SharingDeps, row: DomainRow): { username: string; reseller: string | null } {
  if (row.username === null)
    throw new SharingError("no-account", `${row.domain} belongs to no account: there is nobody to share it with`);
  return { username: row.username, reseller: deps.inventory.account(row.username)?.creator ?? null };
}

/** The domain's link requests still holding a service (invited … linked), newest first. */
export function holdingLinks(deps: Pick<SharingDeps, "requests">, domain: string): ServiceRequest[] {
  return deps.requests.ofDomain(domain, ["link"]).filter((each) => LINK_HOLDING.includes(each.state as never));
}

function refuseOverlap(deps: SharingDeps, domain: string, service: RequestService, except?: number): void {
  const clash = holdingLinks(deps, domain).find((each) => each.id !== except && overlaps(each.service, service));
  if (clash !== undefined)
    throw new SharingError("already-shared", `${domain} already has sharing request ${clash.id} (${clash.state})`);
}

/**
 * An operator's invitation: a request in "invited" bound to the domain and its account, with a single-use token
 * kept only as its SHA-256. The token is in the answer and nowhere else.
 */
export function invite(
  deps: SharingDeps,
  row: DomainRow,
  service: RequestService,
  actor: Actor,
): { request: ServiceRequest; token: string } {
  if (actor.role !== "operator") throw new SharingError("not-allowed", `${actor.name} may not invite`);
  const owner = ownerOf(deps, row);
  refuseOverlap(deps, row.domain, service);
  const token = `${INVITATION_PREFIX}${randomBytes(32).toString("base64url")}`;
  const now = deps.clock.now();
  const request = deps.requests.open(
    {
      kind: "link",
      domain: row.domain,
      service,
      state: "invited",
      ...owner,
      expiresAt: now + INVITATION_DAYS * DAY_MS,
      details: { invitationSha256: sha256Hex(token), done: [] },
    },
    actor.name,
    now,
  );
  tellCustomer(deps.notices, request, "link-invited", now);
  return { request, token };
}

/**
 * The invitation a token opens for `username` on `domain`: undefined for any other account or domain, a token
 * used or withdrawn, or one past its expiry (which is then recorded as expired).
 */
export function findInvitation(
  deps: SharingDeps,
  domain: string,
  username: string,
  token: string,
): ServiceRequest | undefined {
  if (!token.startsWith(INVITATION_PREFIX)) return undefined;
  const hash = sha256Hex(token);
  const found = deps.requests
    .ofDomain(domain, ["link"])
    .find((each) => each.details.invitationSha256 === hash && each.username === username);
  if (found === undefined || found.state !== "invited") return undefined;
  if (found.expiresAt !== null && found.expiresAt <= deps.clock.now()) {
    expire(deps, found);
    return undefined;
  }
  return found;
}

/** Invitations past their expiry are recorded as expired (the daemon's sweep and every look at a domain). */
export function expireInvitations(deps: SharingDeps, limit = 500): number {
  const due = deps.requests.expiring(movableFrom("expire", "link"), deps.clock.now(), limit);
  return due.filter((each) => each.kind === "link" && expire(deps, each)).length;
}

function expire(deps: SharingDeps, request: ServiceRequest): boolean {
  return deps.requests.transition(request.id, {
    from: movableFrom("expire", "link"),
    to: "expired",
    actor: "plugin",
    at: deps.clock.now(),
    note: "the invitation was not used in time",
    expiresAt: null,
  });
}

/**
 * The customer's request to share `service` with their WEDOS account, opened on their page or by accepting an
 * invitation (which then is used up). Pending invitations the new request covers are withdrawn: one request per
 * service.
 */
export function requestLink(
  deps: SharingDeps,
  row: DomainRow,
  input: { service: RequestService; account: WedosAccount; invitation?: ServiceRequest },
  actor: Actor,
): ServiceRequest {
  if (actor.role !== "customer") throw new SharingError("not-allowed", `${actor.name} is not the domain's account`);
  const owner = ownerOf(deps, row);
  const now = deps.clock.now();
  return deps.db.transaction(() => {
    const invitation = input.invitation;
    if (invitation !== undefined) {
      refuseOverlap(deps, row.domain, invitation.service, invitation.id);
      const details = { ...invitation.details, ...input.account, invitationSha256: null };
      move(deps, invitation, "accept-invitation", "requested", actor, { details, expiresAt: null });
      const accepted = deps.requests.get(invitation.id) as ServiceRequest;
      tellOperators(deps.notices, accepted, "link-requested", now);
      return accepted;
    }
    for (const pending of holdingLinks(deps, row.domain))
      if (pending.state === "invited" && overlaps(pending.service, input.service))
        move(
          deps,
          pending,
          "withdraw-invitation",
          "cancelled",
          { ...actor, role: "operator" },
          {
            note: "the customer asked on their own page",
          },
        );
    refuseOverlap(deps, row.domain, input.service);
    const request = deps.requests.open(
      {
        kind: "link",
        domain: row.domain,
        service: input.service,
        state: "requested",
        ...owner,
        expiresAt: null,
        details: { ...input.account, done: [] },
      },
      actor.name,
      now,
    );
    tellOperators(deps.notices, request, "link-requested", now);
    return request;
  })();
}

/** Unsharing a linked request's services: the customer or an operator asks, an operator does the steps. */
export function requestUnlink(deps: SharingDeps, link: ServiceRequest, actor: Actor): ServiceRequest {
  if (link.kind !== "link" || link.state !== "linked")
    throw new SharingError("not-linked", `request ${link.id} is not a linked sharing`);
  const open = deps.requests
    .ofDomain(link.domain, ["unlink"])
    .find((each) => each.details.linkId === link.id && UNLINK_OPEN.includes(each.state as never));
  if (open !== undefined) throw new SharingError("unlink-open", `unlinking is already request ${open.id}`);
  const now = deps.clock.now();
  const request = deps.requests.open(
    {
      kind: "unlink",
      domain: link.domain,
      service: link.service,
      state: "requested",
      username: link.username,
      reseller: link.reseller,
      expiresAt: null,
      details: { ...accountOf(link.details), linkId: link.id, done: [] },
    },
    actor.name,
    now,
  );
  tellOperators(deps.notices, request, "link-unlink-requested", now);
  return request;
}

/** The steps of a request marked done so far. */
export const doneSteps = (request: ServiceRequest): string[] =>
  Array.isArray(request.details.done) ? request.details.done.filter((each) => typeof each === "string") : [];

/**
 * An operator marks one step done (the history keeps who and when); the last one makes a link "linked" and an
 * unlink "revoked", which also revokes the link it undoes.
 */
export function markStep(deps: SharingDeps, request: ServiceRequest, step: string, actor: Actor): ServiceRequest {
  const kind = sharingKind(request);
  const steps: string[] = stepsFor(kind, request.service);
  const done = doneSteps(request);
  if (!steps.includes(step) || done.includes(step))
    throw new SharingError("unknown-step", `${step} is not a step of request ${request.id} still to do`);
  const nowDone = [...done, step];
  const to = afterStep(kind, steps, nowDone);
  const now = deps.clock.now();
  return deps.db.transaction(() => {
    move(deps, request, "mark-step", to, actor, { details: { ...request.details, done: nowDone }, note: step });
    const moved = deps.requests.get(request.id) as ServiceRequest;
    if (request.state === "requested") {
      tellCustomer(deps.notices, moved, kind === "link" ? "link-in-progress" : "link-unlink-in-progress", now);
    }
    if (to === "linked") tellCustomer(deps.notices, moved, "link-linked", now);
    if (to === "revoked") {
      const link = deps.requests.get(Number(request.details.linkId));
      if (link !== undefined) move(deps, link, "revoke", "revoked", actor, { system: true });
      tellCustomer(deps.notices, moved, "link-revoked", now);
    }
    return moved;
  })();
}

/** An operator declines a customer's request, saying why (the customer reads it). */
export function decline(deps: SharingDeps, request: ServiceRequest, reason: string, actor: Actor): void {
  const why = reason.trim();
  if (why === "" || why.length > 500)
    throw new SharingError("reason-missing", "a request is declined only with a reason of 1–500 characters");
  move(deps, request, "decline", "declined", actor, { note: why });
  tellCustomer(deps.notices, request, "link-declined", deps.clock.now());
}

/** The customer (or an operator for them) cancels a request nobody has started; an operator withdraws an invitation. */
export function cancel(deps: SharingDeps, request: ServiceRequest, actor: Actor): void {
  const invitation = request.state === "invited";
  move(deps, request, invitation ? "withdraw-invitation" : "cancel", "cancelled", actor, {
    ...(invitation ? { details: { ...request.details, invitationSha256: null }, expiresAt: null } : {}),
  });
  if (!invitation && actor.role === "customer")
    tellOperators(deps.notices, request, "link-cancelled", deps.clock.now());
}

export function sharingKind(request: ServiceRequest): "link" | "unlink" {
  if (request.kind === "link" || request.kind === "unlink") return request.kind;
  throw new SharingError("not-allowed", `request ${request.id} is a ${request.kind} request, not sharing`);
}

/** One move by the rules: the role must be allowed it and the request still where it was read. */
function move(
  deps: SharingDeps,
  request: ServiceRequest,
  what: SharingMove,
  to: string,
  actor: Actor,
  extra: { note?: string; details?: Record<string, unknown>; expiresAt?: number | null; system?: boolean } = {},
): void {
  const kind = sharingKind(request);
  if (extra.system !== true && !mayMove(what, kind, request.state, actor.role))
    throw new SharingError("not-allowed", `${actor.name} may not ${what} request ${request.id} (${request.state})`);
  const moved = deps.requests.transition(request.id, {
    from: [request.state],
    to,
    actor: actor.name,
    at: deps.clock.now(),
    ...(extra.note === undefined ? {} : { note: extra.note }),
    ...(extra.details === undefined ? {} : { details: extra.details }),
    ...(extra.expiresAt === undefined ? {} : { expiresAt: extra.expiresAt }),
  });
  if (!moved) throw new SharingError("moved", `request ${request.id} moved on meanwhile: read it again`);
}

/** Requests still waiting for someone, for lists. */
export const SHARING_OPEN_STATES: readonly string[] = [...new Set([...LINK_OPEN, ...UNLINK_OPEN])];
