import { limitChangeRefusal, type LimitRefusal, type LimitScope, type LimitSetter } from "../billing/limits.js";
import type { Money } from "../billing/money.js";
import type { CreatorLevelStore } from "../store/creator-level-store.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { SpendLimitStore } from "../store/spend-limit-store.js";

export interface LimitChangeRequest {
  setter: LimitSetter;
  scope: LimitScope;
  name: string;
  /** The new monthly limit; null removes it. */
  amount: Money | null;
  /** Who, as the billing audit log names them ("admin alice", "reseller bob", "cli root"). */
  actor: string;
  now: number;
}

/** Why a change was not made: a rule of src/billing/limits.ts, an unknown name, or no limit to remove. */
export type LimitChangeRefusal = LimitRefusal | "unknown" | "nothing-to-remove";

/**
 * Sets or removes a spending limit the way the limits page and the CLI both do: the name must be an account or a
 * reseller on this server, the rules of who may set what are checked (a reseller: its own customers, never above its
 * own limit), and the change is written with its actor to the audit log. Returns why it was refused, if it was.
 */
export function changeSpendLimit(
  deps: {
    limits: SpendLimitStore;
    inventory: Pick<InventoryStore, "account">;
    creators: Pick<CreatorLevelStore, "isAdmin">;
    currency: string;
  },
  request: LimitChangeRequest,
): LimitChangeRefusal | undefined {
  const { limits, inventory } = deps;
  const { setter, scope, name, amount } = request;
  const refusal = limitChangeRefusal({
    setter,
    scope,
    name,
    amount,
    resellerOfCustomer: inventory.account(name)?.creator ?? null,
    nameIsAdmin: deps.creators.isAdmin(name),
    setterOwnLimit: setter.level === "reseller" ? (limits.get("reseller", setter.name)?.amount ?? null) : null,
    currency: deps.currency,
  });
  if (refusal !== undefined) return refusal;
  if (amount === null) return limits.remove(scope, name, request.actor, request.now) ? undefined : "nothing-to-remove";
  if (!limits.isKnown(name)) return "unknown";
  limits.set({ scope, name, amount }, request.actor, request.now);
  return undefined;
}
