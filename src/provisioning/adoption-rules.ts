import type { RequestLevel, ServiceRequest } from "../model/service-request.js";

/**
 * The rules of an adoption request (docs/decisions/0054-adoption-with-consent.md): taking over a zone or protection
 * that already exists at WEDOS waits for the domain's owner. Pure: no store, no clock.
 *
 *   requested ──approve (the owner) / prove (TXT token seen) / override (an admin, with a reason)──▶ approved
 *   requested ──decline (the owner)──▶ declined
 *   requested ──expire (the upkeep, at its expiry)──▶ expired
 *   declined / expired / failed ──override (an admin, with a reason)──▶ approved
 *   approved ──finish (the take-over converged)──▶ done
 *   approved ──fail (it could not)──▶ failed
 *   requested ──remind (the upkeep, once, before the expiry) / check (a TXT check that missed)──▶ requested
 *
 * Only "requested" and "approved" are live: while one is, no second request is opened for the domain; after
 * declined, expired, done or failed a new one may be (the plugin finds the service again, or staff ask again).
 */
export const ADOPTION_STATES = ["requested", "approved", "declined", "expired", "done", "failed"] as const;
export type AdoptionState = (typeof ADOPTION_STATES)[number];

export const LIVE_STATES: readonly AdoptionState[] = ["requested", "approved"];

export type AdoptionMove =
  "approve" | "prove" | "override" | "decline" | "expire" | "remind" | "check" | "finish" | "fail";

export const MOVES: Readonly<Record<AdoptionMove, { from: readonly AdoptionState[]; to: AdoptionState }>> = {
  approve: { from: ["requested"], to: "approved" },
  prove: { from: ["requested"], to: "approved" },
  override: { from: ["requested", "declined", "expired", "failed"], to: "approved" },
  decline: { from: ["requested"], to: "declined" },
  expire: { from: ["requested"], to: "expired" },
  remind: { from: ["requested"], to: "requested" },
  check: { from: ["requested"], to: "requested" },
  finish: { from: ["approved"], to: "done" },
  fail: { from: ["approved"], to: "failed" },
};

/** The moves a person makes on the request's page; the others are the daemon's. */
export const PEOPLE_MOVES = ["approve", "decline", "override"] as const;
export type PersonMove = (typeof PEOPLE_MOVES)[number];

export const isLive = (state: string): boolean => (LIVE_STATES as readonly string[]).includes(state);
export const isAdoptionState = (state: string): state is AdoptionState =>
  (ADOPTION_STATES as readonly string[]).includes(state);

/** Whether a request can be opened now, given the domain's latest one. */
export const canOpen = (latest: Pick<ServiceRequest, "state"> | undefined): boolean =>
  latest === undefined || !isLive(latest.state);

export interface Visitor {
  level: RequestLevel;
  username: string;
}

/**
 * Who may make a person's move: approving and declining are the domain's own account's alone (on the customer's
 * level: a reseller or admin looking at a customer's domain sees the state, never the owner's buttons); overriding
 * is an admin's alone, and only with a reason.
 */
export function mayMove(move: PersonMove, visitor: Visitor, request: Pick<ServiceRequest, "username">): boolean {
  if (move === "override") return visitor.level === "admin";
  return visitor.level === "user" && request.username !== null && visitor.username === request.username;
}

/** Who may open a request from the page: staff (a reseller for their customers' domains, which the scope checks). */
export const mayOpen = (visitor: Visitor): boolean => visitor.level !== "user";

const DAY_MS = 86_400_000;

export interface AdoptionTimes {
  /** Days a request waits for the owner before it expires. */
  expiryDays: number;
  /** Days before the expiry the owner is reminded (0: no reminder). */
  reminderDays: number;
}

export const expiryOf = (openedAt: number, times: AdoptionTimes): number => openedAt + times.expiryDays * DAY_MS;

/** A waiting request is reminded once, when its expiry is within `reminderDays`. */
export function reminderDue(request: ServiceRequest, now: number, times: AdoptionTimes): boolean {
  if (request.state !== "requested" || request.expiresAt === null || times.reminderDays <= 0) return false;
  if (typeof request.details.remindedAt === "number") return false;
  return request.expiresAt - now <= times.reminderDays * DAY_MS && request.expiresAt > now;
}

/** The TXT record the owner adds to prove control of the domain. */
export const proofRecordName = (domain: string): string => `_wedos-panel.${domain}`;

/** True when one of the TXT texts found (each a record's strings joined) is exactly the token. */
export const tokenFound = (texts: readonly string[], token: string): boolean =>
  texts.some((text) => text.trim() === token);

/** The request's own fields (service_requests.details) as an adoption reads them. */
export interface AdoptionDetails {
  /** The TXT proof's token (random, per request). */
  token: string;
  /** Apply past the safety threshold: the preview the approver saw changes more than it allows. */
  force?: boolean;
  remindedAt?: number;
  /** The last TXT check: when, and what it found when it did not match. */
  proofCheckedAt?: number;
  proofProblem?: string;
}

export function adoptionDetails(request: Pick<ServiceRequest, "details">): AdoptionDetails {
  const { details } = request;
  return {
    token: typeof details.token === "string" ? details.token : "",
    ...(details.force === true ? { force: true } : {}),
    ...(typeof details.remindedAt === "number" ? { remindedAt: details.remindedAt } : {}),
    ...(typeof details.proofCheckedAt === "number" ? { proofCheckedAt: details.proofCheckedAt } : {}),
    ...(typeof details.proofProblem === "string" ? { proofProblem: details.proofProblem } : {}),
  };
}

/** Whom each move tells (notice kinds `adoption-<move>`): the owner when they must act, staff when the owner did. */
export type Audience = "owner" | "staff";
export const TOLD: Readonly<Record<AdoptionMove | "open", readonly Audience[]>> = {
  open: ["owner"],
  remind: ["owner"],
  check: [],
  approve: ["staff"],
  prove: ["staff"],
  decline: ["staff"],
  expire: ["staff"],
  override: ["owner"],
  finish: ["owner", "staff"],
  fail: ["staff"],
};

const NOTICE_KINDS: Readonly<Record<AdoptionMove | "open", string>> = {
  open: "adoption-requested",
  remind: "adoption-reminder",
  check: "adoption-checked",
  approve: "adoption-approved",
  prove: "adoption-proved",
  decline: "adoption-declined",
  expire: "adoption-expired",
  override: "adoption-overridden",
  finish: "adoption-done",
  fail: "adoption-failed",
};

/** The notice kind of a move, as the pages word it with `notice.<kind>`. */
export const noticeKind = (move: AdoptionMove | "open"): string => NOTICE_KINDS[move];
