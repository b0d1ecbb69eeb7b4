import type { ServiceRequest } from "../model/service-request.js";

/**
 * A support request's states and moves (docs/decisions/0056-support-and-the-inbox.md). A customer opens it; the
 * provider (the account's reseller, or an admin) answers it, an admin may forward it to WEDOS support first; the
 * customer may say the answer did not help (back to open); either side closes it, and a closed request stays closed
 * (a new problem is a new request). The store moves a request only from the states a move names (0052), so two tabs
 * never both win.
 */
export const SUPPORT_STATES = ["open", "forwarded", "answered", "closed"] as const;
export type SupportState = (typeof SUPPORT_STATES)[number];

/** The states in which a request still waits for someone (one such request per domain at a time). */
export const SUPPORT_LIVE_STATES: readonly SupportState[] = ["open", "forwarded", "answered"];

export const SUPPORT_MOVES = ["forward", "answer", "reopen", "close"] as const;
export type SupportMove = (typeof SUPPORT_MOVES)[number];

/** Who acts on a request: its customer (the domain's account), the account's reseller, or an admin. */
export type SupportRole = "customer" | "reseller" | "admin";

interface MoveRule {
  from: readonly SupportState[];
  to: SupportState;
  by: readonly SupportRole[];
  /** Whether the move needs words (the answer, what still does not work). */
  needsNote: boolean;
  /** Which side is told: the customer, or the provider (the reseller and every admin). */
  tells: (by: SupportRole) => "customer" | "provider";
}

/** Every allowed move; anything not listed is refused. */
export const SUPPORT_RULES: Readonly<Record<SupportMove, MoveRule>> = {
  // Only an admin holds the WEDOS account, so only an admin can hand the problem to WEDOS support.
  forward: { from: ["open", "answered"], to: "forwarded", by: ["admin"], needsNote: false, tells: () => "customer" },
  answer: {
    from: ["open", "forwarded"],
    to: "answered",
    by: ["reseller", "admin"],
    needsNote: true,
    tells: () => "customer",
  },
  reopen: { from: ["answered"], to: "open", by: ["customer"], needsNote: true, tells: () => "provider" },
  close: {
    from: ["open", "forwarded", "answered"],
    to: "closed",
    by: ["customer", "reseller", "admin"],
    needsNote: false,
    tells: (by) => (by === "customer" ? "provider" : "customer"),
  },
};

/** The notice kind a move (or the opening) leaves: `support-<what>`, worded by i18n `notice.support-<what>`. */
export const SUPPORT_NOTICE = {
  open: "support-opened",
  forward: "support-forwarded",
  answer: "support-answered",
  reopen: "support-reopened",
  close: "support-closed",
} as const satisfies Record<SupportMove | "open", `support-${string}`>;

export function isSupportState(value: string): value is SupportState {
  return (SUPPORT_STATES as readonly string[]).includes(value);
}

/**
 * The visitor's role on a request, or undefined when the request is not theirs to see: an admin (admin level) sees
 * every request, a reseller (reseller level) its customers', an account its own domains'.
 */
export function supportRole(
  request: Pick<ServiceRequest, "username" | "reseller">,
  visitor: { level: "user" | "reseller" | "admin"; username: string },
): SupportRole | undefined {
  if (visitor.level === "admin") return "admin";
  if (visitor.level === "reseller" && request.reseller === visitor.username && request.username !== visitor.username)
    return "reseller";
  return request.username === visitor.username ? "customer" : undefined;
}

/** The moves `role` may make on a request in `state`, in SUPPORT_MOVES order. */
export function supportMovesFor(state: string, role: SupportRole): SupportMove[] {
  return SUPPORT_MOVES.filter((move) => {
    const rule = SUPPORT_RULES[move];
    return rule.by.includes(role) && (rule.from as readonly string[]).includes(state);
  });
}
