import type { Day } from "../../billing/calendar.js";
import { protectionSwitchable, protectionWanted, type Policy } from "../../model/policy.js";
import {
  allowedActions,
  protectionPhase,
  showsActiveSince,
  type ProtectionAction,
  type ProtectionPhase,
} from "../../model/protection-state.js";
import type { DomainRow } from "../../store/inventory-store.js";
import type { ProtectionRow } from "../../store/protection-store.js";
import type { AuthenticatedContext } from "../context.js";
import type { MessageKey } from "../i18n/index.js";
import { dayLabel } from "../i18n/money-format.js";

type ProtectionPolicy = Pick<Policy, "protection" | "protectionChoice" | "protectionPeriod">;

/** Everything a domain's protection state is decided from (read by the domain page and the protection route). */
export interface ProtectionInputs {
  domain: Pick<DomainRow, "domain" | "state" | "dnsStatus">;
  policy: ProtectionPolicy;
  row: ProtectionRow | undefined;
  /** The latest choice made on the domain's page (undefined: nobody chose yet). */
  choice: { wanted: boolean; at: number } | undefined;
  /** The day the service lapsed under its offer, unless it was ordered again since (protections.lapsed_on). */
  lapsedOn: Day | undefined;
}

/** The one state of a domain's protection and what the visitor may do about it. */
export interface ProtectionSituation {
  phase: ProtectionPhase;
  actions: ProtectionAction[];
}

export function protectionSituation(page: AuthenticatedContext, inputs: ProtectionInputs): ProtectionSituation {
  const { policy, row, domain } = inputs;
  const phase = protectionPhase({
    stored: row?.state,
    included: policy.protection !== "off",
    wanted: protectionWanted(policy, inputs.choice?.wanted),
    chosenOff: inputs.choice?.wanted === false,
    domainActive: domain.state === "active",
    zoneFailed: domain.dnsStatus === "error",
    retrying: row !== undefined && inputs.choice !== undefined && inputs.choice.at > row.updatedAt,
    lapsed: inputs.lapsedOn !== undefined,
  });
  const rights = {
    switchable: protectionSwitchable(policy),
    domainActive: domain.state === "active",
    admin: page.identity.level === "admin",
  };
  return { phase, actions: allowedActions(phase, rights) };
}

/** A button of the protection section: a form posted to the purge or the protection route. */
export interface ProtectionButton {
  action: ProtectionAction;
  label: string;
  /** The protection route's `want` field (order: on, cancel: off); undefined for purge. */
  want: "on" | "off" | undefined;
  /** Every button after the state's first, usual action. */
  secondary: boolean;
}

/** A domain's protection section as its page shows it: one state, its next step, only the allowed buttons. */
export interface ProtectionView {
  included: boolean;
  phase: ProtectionPhase;
  label: string;
  /** The status badge's colour (wedos-status-…). */
  tone: "active" | "pending" | "error" | "off";
  nextStep: string;
  /** The service's plan, or the package's plan while none is ordered or running. */
  plan: string;
  mode: string | undefined;
  origins: string | undefined;
  activeSince: string | undefined;
  /** The day a lapsed service ended, in the visitor's date format. */
  lapsedOn: string | undefined;
  /** What went wrong, in WEDOS's words: for the admin only. */
  details: string | undefined;
  buttons: ProtectionButton[];
}

/** The plans' and periods' names (also the billing pages' product names). */
export const VARIANT_KEYS = {
  start: "protection.variant.start",
  advanced: "protection.variant.advanced",
  expert: "protection.variant.expert",
} as const;
export const PERIOD_KEYS = { monthly: "protection.period.monthly", yearly: "protection.period.yearly" } as const;
const MODE_KEYS = { ns: "policy.choice.ns", cname: "policy.choice.cname" } as const;

/** A stored value's label, or the value itself if a later version stored one this one does not know. */
function labelOf<K extends string>(keys: Readonly<Record<string, K>>, value: string, t: (key: K) => string): string {
  const key = keys[value];
  return key === undefined ? value : t(key);
}

export function variantLabel(page: AuthenticatedContext, variant: string): string {
  return labelOf(VARIANT_KEYS, variant, page.t);
}

/** "Advanced, yearly". */
export function planLabel(page: AuthenticatedContext, plan: { variant: string; period: string }): string {
  return `${variantLabel(page, plan.variant)}, ${periodLabel(page, plan.period)}`;
}

export function periodLabel(page: AuthenticatedContext, period: string): string {
  return labelOf(PERIOD_KEYS, period, page.t);
}

const TONES: Readonly<Record<ProtectionPhase, ProtectionView["tone"]>> = {
  "not-included": "off",
  off: "off",
  ordered: "pending",
  ordering: "pending",
  activating: "pending",
  active: "active",
  "switching-off": "pending",
  "order-failed": "error",
  "zone-failed": "error",
  "cancel-failed": "error",
  lapsed: "off",
};

/** The phases whose row describes a service ordered or running (its plan, mode and origins are worth showing). */
const LIVE: ReadonlySet<ProtectionPhase> = new Set([
  "ordering",
  "activating",
  "active",
  "switching-off",
  "cancel-failed",
]);

/** The phases where an admin reads WEDOS's own words about what went wrong. */
const FAILED: ReadonlySet<ProtectionPhase> = new Set(["order-failed", "cancel-failed"]);

export function protectionView(page: AuthenticatedContext, inputs: ProtectionInputs): ProtectionView {
  const { t } = page;
  const situation = protectionSituation(page, inputs);
  const { phase } = situation;
  const live = LIVE.has(phase) ? inputs.row : undefined;
  const admin = page.identity.level === "admin";
  return {
    included: phase !== "not-included",
    phase,
    label: t(`protection.phase.${phase}`),
    tone: TONES[phase],
    nextStep: t(nextStepKey(situation, admin, inputs.row?.mode, inputs.domain.state === "active")),
    plan: planLabel(page, live ?? { variant: inputs.policy.protection, period: inputs.policy.protectionPeriod }),
    mode: live === undefined ? undefined : labelOf(MODE_KEYS, live.mode, t),
    origins: live === undefined ? undefined : live.upstreamIps.join(", "),
    activeSince: showsActiveSince(phase) ? t.time(inputs.row?.activatedAt ?? null, t("table.never")) : undefined,
    lapsedOn:
      phase === "lapsed" && inputs.lapsedOn !== undefined ? dayLabel(inputs.lapsedOn, page.language) : undefined,
    details: admin && FAILED.has(phase) ? (inputs.row?.reason ?? undefined) : undefined,
    buttons: situation.actions.map((action, index) => ({
      action,
      label: t(buttonKey(action, phase)),
      want: action === "purge" ? undefined : action === "order" ? "on" : "off",
      secondary: index > 0,
    })),
  };
}

function nextStepKey(
  { phase, actions }: ProtectionSituation,
  admin: boolean,
  mode: string | undefined,
  active: boolean,
): MessageKey {
  if (phase === "activating" && mode === "ns") return "protection.next.activatingNs";
  // Whoever may not order it again themselves is told who can.
  if (phase === "lapsed" && !actions.includes("order")) return "protection.next.lapsed.ask";
  if (phase === "off" && !active) return "protection.next.offInactive";
  if (admin && (phase === "order-failed" || phase === "zone-failed" || phase === "cancel-failed"))
    return `protection.next.${phase}.admin`;
  return `protection.next.${phase}`;
}

/** Cancelling where nothing runs at WEDOS only withdraws the order; elsewhere it ends a paid service. */
export function cancelEndsService(phase: ProtectionPhase): boolean {
  return LIVE.has(phase);
}

function buttonKey(action: ProtectionAction, phase: ProtectionPhase): MessageKey {
  if (action === "purge") return "action.purge";
  if (action === "order")
    return phase === "order-failed" || phase === "lapsed" ? "protection.action.orderAgain" : "protection.action.order";
  if (phase === "cancel-failed") return "protection.action.cancelAgain";
  return cancelEndsService(phase) ? "protection.action.cancel" : "protection.action.withdraw";
}
