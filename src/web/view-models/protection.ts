import { protectionSwitchable, protectionWanted, type Policy } from "../../model/policy.js";
import type { ProtectionRow } from "../../store/protection-store.js";
import type { AuthenticatedContext } from "../context.js";

/** A domain's WEDOS Global protection as its page shows it (undefined: the package does not include it). */
export interface ProtectionView {
  state: string;
  stateLabel: string;
  plan: string;
  mode: string;
  origins: string;
  reason: string;
  activatedAt: string;
  canPurge: boolean;
}

const VARIANT_KEYS = {
  start: "protection.variant.start",
  advanced: "protection.variant.advanced",
  expert: "protection.variant.expert",
} as const;
const PERIOD_KEYS = { monthly: "protection.period.monthly", yearly: "protection.period.yearly" } as const;
const MODE_KEYS = { ns: "policy.choice.ns", cname: "policy.choice.cname" } as const;

/** A stored value's label, or the value itself if a later version stored one this one does not know. */
function labelOf<K extends string>(keys: Readonly<Record<string, K>>, value: string, t: (key: K) => string): string {
  const key = keys[value];
  return key === undefined ? value : t(key);
}

/** "Advanced, yearly". */
export function planLabel(page: AuthenticatedContext, variant: string, period: string): string {
  return `${labelOf(VARIANT_KEYS, variant, page.t)}, ${labelOf(PERIOD_KEYS, period, page.t)}`;
}

export function protectionView(page: AuthenticatedContext, row: ProtectionRow | undefined): ProtectionView | undefined {
  if (row === undefined) return undefined;
  const { t } = page;
  return {
    state: row.state,
    stateLabel: t(`protection.${row.state}`),
    plan: planLabel(page, row.variant, row.period),
    mode: labelOf(MODE_KEYS, row.mode, t),
    origins: row.upstreamIps.join(", "),
    reason: row.reason ?? "",
    activatedAt: t.time(row.activatedAt, t("table.never")),
    canPurge: row.state === "active",
  };
}

/** The on/off switch of a domain's protection, where its package lets the customer choose. */
export interface ProtectionSwitchView {
  /** The button's effect. */
  want: "on" | "off";
  label: string;
  /** What switching means (paid order, or the end of the service). */
  explanation: string;
  /** Set while the latest choice is not carried out yet. */
  waiting: string | undefined;
}

/**
 * The switch, or undefined when there is none: the package does not let the customer choose, the domain is not
 * active, or protection is in a state a switch must not interrupt (an order in flight, an error for the admin).
 */
export function protectionSwitchView(
  page: AuthenticatedContext,
  policy: Pick<Policy, "protection" | "protectionChoice" | "protectionPeriod">,
  domainActive: boolean,
  row: ProtectionRow | undefined,
  choice: boolean | undefined,
): ProtectionSwitchView | undefined {
  if (!switchAllowed(policy, domainActive, row)) return undefined;
  const { t } = page;
  const wanted = protectionWanted(policy, choice);
  const live = row !== undefined && row.state !== "removed";
  return {
    want: wanted ? "off" : "on",
    label: t(wanted ? "protection.switchOff" : "protection.switchOn"),
    explanation: wanted
      ? t("protection.switchOffHint")
      : t("protection.available", { plan: planLabel(page, policy.protection, policy.protectionPeriod) }),
    waiting: wanted === live ? undefined : t(wanted ? "protection.switchingOn" : "protection.switchingOff"),
  };
}

/** Whether the domain's protection may be switched now (the page's button and the action check the same rule). */
export function switchAllowed(
  policy: Pick<Policy, "protection" | "protectionChoice">,
  domainActive: boolean,
  row: ProtectionRow | undefined,
): boolean {
  return (
    domainActive &&
    protectionSwitchable(policy) &&
    (row === undefined || row.state === "active" || row.state === "pending" || row.state === "removed")
  );
}
