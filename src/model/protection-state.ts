/**
 * The one state of a domain's WEDOS Global protection, as every page shows it, and the actions each state allows
 * (docs/decisions/0037-one-protection-state.md). Pure: the facts come from the protections row, the package policy,
 * the latest choice and the domain; nothing here reads a store.
 *
 * ordered → ordering → activating → active → switching off → off, and the error states: the order failed, the
 * zone failed (so no order can be sent), switching off failed. An active service whose offer does not renew it
 * ends at the close of its paid period: lapsed, until a person orders it again.
 */

/** What the protections table stores per domain (src/store/protection-store.ts). */
export const STORED_PROTECTION_STATES = ["ordering", "pending", "active", "error", "removed", "cancel-failed"] as const;
export type StoredProtectionState = (typeof STORED_PROTECTION_STATES)[number];

export const PROTECTION_PHASES = [
  /** The package has no protection and nothing runs at WEDOS. */
  "not-included",
  /** Nothing runs at WEDOS; the package offers it. */
  "off",
  /** Chosen (or the package's plan); the order is sent by the next job, once the zone is at WEDOS. */
  "ordered",
  /** The order is being sent, or its outcome is being looked up at WEDOS after an interruption. */
  "ordering",
  /** WEDOS accepted the order and activates the service. */
  "activating",
  "active",
  /** Switching off was chosen; the next job ends the service at WEDOS. */
  "switching-off",
  /** WEDOS refused the order, or could not set the service up. */
  "order-failed",
  /** The domain's zone could not be created at WEDOS, so no order can be sent. */
  "zone-failed",
  /** WEDOS refused to end the service: it still runs (and is still charged). */
  "cancel-failed",
  /**
   * The paid period ended under an offer that does not renew it: nothing runs at WEDOS, nothing more is billed, and
   * nothing orders it again by itself — only a person ordering it.
   */
  "lapsed",
] as const;
export type ProtectionPhase = (typeof PROTECTION_PHASES)[number];

/** The actions a page offers: order (or order again), cancel (switch off, or withdraw an order), purge the cache. */
export const PROTECTION_ACTIONS = ["order", "cancel", "purge"] as const;
export type ProtectionAction = (typeof PROTECTION_ACTIONS)[number];

/** Ordering and cancelling are paid-service decisions: a page confirms them (plan, period, price) before queueing. */
export const CONFIRMED_ACTIONS: ReadonlySet<ProtectionAction> = new Set(["order", "cancel"]);

/** What the state of a domain's protection is derived from. */
export interface ProtectionFacts {
  /** The protections row's state; undefined when the domain never had one. */
  stored: StoredProtectionState | undefined;
  /** Whether the package includes protection at all. */
  included: boolean;
  /** The package's plan and the latest choice on the domain's page (model/policy.ts protectionWanted). */
  wanted: boolean;
  /**
   * The latest choice on the domain's page was "off". Only that queues the end of a service: a package whose plan
   * was changed to "off" leaves running services alone, so they stay "active".
   */
  chosenOff: boolean;
  /** The domain is active in the panel: no order is sent for a suspended or deleted one. */
  domainActive: boolean;
  /** The domain's zone failed at WEDOS (its DNS status is an error). */
  zoneFailed: boolean;
  /** A choice was made after the row's last outcome: a failed order or cancellation is being tried again. */
  retrying: boolean;
  /** The service lapsed at the end of its paid period (protections.lapsed_on) and was not ordered since. */
  lapsed: boolean;
}

/** The one state a page shows. */
export function protectionPhase(facts: ProtectionFacts): ProtectionPhase {
  const endChosen = facts.chosenOff && !facts.wanted;
  switch (facts.stored) {
    case "ordering":
      return "ordering";
    case "pending":
      return endChosen ? "switching-off" : "activating";
    case "active":
      return endChosen ? "switching-off" : "active";
    case "cancel-failed":
      return facts.retrying && endChosen ? "switching-off" : "cancel-failed";
    case "error":
      if (facts.wanted && facts.domainActive) return facts.retrying ? "ordered" : "order-failed";
      break;
    case "removed":
    case undefined:
      // Only a person's order after the lapse makes a lapsed service "ordered" again.
      if (facts.lapsed && facts.included && !(facts.retrying && facts.wanted)) return "lapsed";
      if (facts.wanted && facts.domainActive) return facts.zoneFailed ? "zone-failed" : "ordered";
      break;
  }
  return facts.included ? "off" : "not-included";
}

/** What each state allows, before the visitor's rights are considered ({@link actionAllowed}). */
export const PHASE_ACTIONS: Readonly<Record<ProtectionPhase, readonly ProtectionAction[]>> = {
  "not-included": [],
  off: ["order"],
  // Withdrawing an order not sent yet costs nothing; the job finds nothing to order.
  ordered: ["cancel"],
  // A paid order in flight must not be interrupted: its outcome decides what exists at WEDOS.
  ordering: [],
  activating: ["cancel"],
  active: ["purge", "cancel"],
  "switching-off": [],
  "order-failed": ["order", "cancel"],
  "zone-failed": ["cancel"],
  "cancel-failed": ["cancel"],
  // Ordering again is a new, paid order: confirmed and checked against the spending limits like any order.
  lapsed: ["order"],
};

/**
 * The states an admin may act on even where the package does not let the customer switch protection: retrying a
 * failed order or cancellation, and ordering a lapsed service again.
 */
const ADMIN_RETRIES: Readonly<Partial<Record<ProtectionPhase, ProtectionAction>>> = {
  "order-failed": "order",
  "cancel-failed": "cancel",
  lapsed: "order",
};

/** Who asks, and about which domain. */
export interface ActionRights {
  /** The package lets the customer switch protection on and off (model/policy.ts protectionSwitchable). */
  switchable: boolean;
  /** The domain is active in the panel (not suspended, not deleted). */
  domainActive: boolean;
  admin: boolean;
}

/**
 * Whether the visitor may take the action now: the state allows it, and — for ordering and cancelling — the domain
 * is active and the package lets the customer choose (an admin may also retry a failed order or cancellation).
 * The page's buttons and the routes ask this same question.
 */
export function actionAllowed(action: ProtectionAction, phase: ProtectionPhase, rights: ActionRights): boolean {
  if (!PHASE_ACTIONS[phase].includes(action)) return false;
  if (action === "purge") return true;
  if (!rights.domainActive) return false;
  return rights.switchable || (rights.admin && ADMIN_RETRIES[phase] === action);
}

/** The actions the visitor may take now, in the order a page shows them. */
export function allowedActions(phase: ProtectionPhase, rights: ActionRights): ProtectionAction[] {
  return PHASE_ACTIONS[phase].filter((action) => actionAllowed(action, phase, rights));
}

/** Only an active service has an "Active since". */
export function showsActiveSince(phase: ProtectionPhase): boolean {
  return phase === "active";
}
