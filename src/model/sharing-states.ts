import type { RequestService } from "./service-request.js";

/**
 * Sharing a domain's WEDOS services with the customer's own WEDOS account (docs/decisions/0055): the states of a
 * "link" and an "unlink" request, who may move them, and the manual steps in WEDOS's administration each needs.
 * Pure rules: the store moves a request only from the states a move names; src/provisioning/sharing.ts applies them.
 */

/**
 * invited: an admin or reseller made an invitation link the customer has not used yet; requested: the customer
 * asked (directly or through the invitation); in-progress: at least one step is marked done; linked: every step
 * is; revoked: an unlink request finished; declined / cancelled / expired: it ended without linking.
 */
export const LINK_STATES = [
  "invited",
  "requested",
  "in-progress",
  "linked",
  "revoked",
  "declined",
  "cancelled",
  "expired",
] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** An unlink request: the same steps backwards, ending in revoked (which also revokes its link request). */
export const UNLINK_STATES = ["requested", "in-progress", "revoked", "cancelled"] as const;
export type UnlinkState = (typeof UNLINK_STATES)[number];

/** Who acts on a domain's sharing: its account (the customer), or its reseller or an admin (the operator). */
export type SharingRole = "customer" | "operator";

/** Link states in which the service is, or is about to be, shared: a second request for it is refused. */
export const LINK_HOLDING: readonly LinkState[] = ["invited", "requested", "in-progress", "linked"];
/** Link states still waiting for someone. */
export const LINK_OPEN: readonly LinkState[] = ["invited", "requested", "in-progress"];
export const UNLINK_OPEN: readonly UnlinkState[] = ["requested", "in-progress"];

export type SharingMove =
  "accept-invitation" | "mark-step" | "decline" | "cancel" | "withdraw-invitation" | "expire" | "revoke";

/** Which states each move leaves, per kind, and who may make it ("system": only the plugin itself). */
interface MoveRule {
  link: readonly LinkState[];
  unlink: readonly UnlinkState[];
  by: SharingRole | "system";
}
const MOVES: Record<SharingMove, MoveRule> = {
  "accept-invitation": { link: ["invited"], unlink: [], by: "customer" },
  "mark-step": { link: ["requested", "in-progress"], unlink: ["requested", "in-progress"], by: "operator" },
  decline: { link: ["requested", "in-progress"], unlink: [], by: "operator" },
  // Once a step is done at WEDOS, stopping half way would leave a member behind: only an unmarked request ends so.
  cancel: { link: ["requested"], unlink: ["requested"], by: "customer" },
  "withdraw-invitation": { link: ["invited"], unlink: [], by: "operator" },
  expire: { link: ["invited"], unlink: [], by: "system" },
  revoke: { link: ["linked"], unlink: [], by: "system" },
};

/** The states a move may leave for a kind (empty: the move does not apply to it). */
export function movableFrom(move: SharingMove, kind: "link" | "unlink"): readonly string[] {
  return MOVES[move][kind];
}

/** Whether a role may make a move on a request in `state`. An operator may also cancel (for the customer). */
export function mayMove(move: SharingMove, kind: "link" | "unlink", state: string, role: SharingRole): boolean {
  const rule = MOVES[move];
  const byRole = rule.by === role || (move === "cancel" && role === "operator");
  return byRole && movableFrom(move, kind).includes(state);
}

/** The state a marked step leads to: linked (link) or revoked (unlink) once every step is done. */
export function afterStep(kind: "link" | "unlink", steps: readonly string[], done: readonly string[]): string {
  const finished = steps.every((step) => done.includes(step));
  if (!finished) return "in-progress";
  return kind === "link" ? "linked" : "revoked";
}

/** The manual steps in WEDOS's administration, per service, in the order they are done. */
export const LINK_STEPS = {
  protection: ["protection-member-added"],
  zone: ["zone-user-added", "zone-domains-assigned"],
} as const;
export const UNLINK_STEPS = {
  protection: ["protection-member-removed"],
  zone: ["zone-domains-unassigned"],
} as const;
export type SharingStep =
  (typeof LINK_STEPS)[keyof typeof LINK_STEPS][number] | (typeof UNLINK_STEPS)[keyof typeof UNLINK_STEPS][number];

/** The services a request's `service` covers. */
export function servicesOf(service: RequestService): Array<"zone" | "protection"> {
  return service === "both" ? ["zone", "protection"] : [service];
}

/** The steps a request needs, protection's first (WEDOS's member invitation takes the customer longest to accept). */
export function stepsFor(kind: "link" | "unlink", service: RequestService): SharingStep[] {
  const table = kind === "link" ? LINK_STEPS : UNLINK_STEPS;
  const order = (["protection", "zone"] as const).filter((each) => servicesOf(service).includes(each));
  return order.flatMap((each) => [...table[each]]);
}

/** Whether two requests' services overlap. */
export function overlaps(a: RequestService, b: RequestService): boolean {
  return servicesOf(a).some((each) => servicesOf(b).includes(each));
}
