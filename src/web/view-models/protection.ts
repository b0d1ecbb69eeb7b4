import type { ProtectionRow } from "../../store/protection-store.js";
import type { AuthenticatedContext } from "../context.js";
import { formatTime } from "./domain-list.js";

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

const VARIANT_KEYS = { start: "protection.variant.start", advanced: "protection.variant.advanced", expert: "protection.variant.expert" } as const;
const PERIOD_KEYS = { monthly: "protection.period.monthly", yearly: "protection.period.yearly" } as const;
const MODE_KEYS = { ns: "policy.choice.ns", cname: "policy.choice.cname" } as const;

/** A stored value's label, or the value itself if a later version stored one this one does not know. */
function labelOf<K extends string>(keys: Readonly<Record<string, K>>, value: string, t: (key: K) => string): string {
  const key = keys[value];
  return key === undefined ? value : t(key);
}

export function protectionView(page: AuthenticatedContext, row: ProtectionRow | undefined): ProtectionView | undefined {
  if (row === undefined) return undefined;
  const { t } = page;
  return {
    state: row.state,
    stateLabel: t(`protection.${row.state}`),
    plan: `${labelOf(VARIANT_KEYS, row.variant, t)}, ${labelOf(PERIOD_KEYS, row.period, t)}`,
    mode: labelOf(MODE_KEYS, row.mode, t),
    origins: row.upstreamIps.join(", "),
    reason: row.reason ?? "",
    activatedAt: formatTime(row.activatedAt, t("table.never")),
    canPurge: row.state === "active",
  };
}
