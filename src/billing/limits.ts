import { add, type Money } from "./money.js";

/**
 * Spending limits (docs/decisions/0049): a monthly ceiling on what a customer, or all of a reseller's customers
 * together, would be billed — retail, in the provider's currency, on the same VAT basis as the prices. Pure rules: the
 * store brings the limits, the rating brings what is spent, the caller says what is being ordered.
 */
export type LimitScope = "customer" | "reseller";

export interface SpendLimit {
  scope: LimitScope;
  /** The customer's or the reseller's panel username. */
  name: string;
  /** Per calendar month, retail. */
  amount: Money;
}

/** A limit is warned about from this share of it (basis points of the limit: 80 %). */
export const WARNING_BP = 8_000;

/** Raised when a limit or a spend cannot be compared; the message says what was wrong and what to do. */
export class LimitError extends Error {
  override readonly name = "LimitError";
}

/** How a month stands against one limit. */
export interface LimitStanding {
  limit: SpendLimit;
  /** What the month's bill holds so far (services still running counted to the month's end). */
  spent: Money;
  /**
   * Share of the limit spent in basis points, rounded down (10 000 = all of it; more when over); a zero limit spent
   * at all counts as 10 000.
   */
  usedBp: number;
  /** `warning` from 80 % of the limit, `over` past it. */
  level: "ok" | "warning" | "over";
}

function sameCurrency(limit: SpendLimit, amount: Money): void {
  if (amount.currency !== limit.amount.currency) {
    throw new LimitError(
      `the ${limit.scope} limit of ${limit.name} is in ${limit.amount.currency} but bills are in ${amount.currency}: ` +
        `set the limit again in ${amount.currency}`,
    );
  }
}

/** The share spent in whole basis points, rounded down: a page says "80 %" only once 80 % is really reached. */
function usedShare(spent: number, limit: number): number {
  if (limit <= 0) return spent > 0 ? 10_000 : 0;
  if (spent <= 0) return 0;
  return Number((BigInt(spent) * 10_000n) / BigInt(limit));
}

/** Where a month's spend stands against a limit (compared exactly, in minor units). */
export function standing(limit: SpendLimit, spent: Money): LimitStanding {
  sameCurrency(limit, spent);
  const usedBp = usedShare(spent.minor, limit.amount.minor);
  const warned = BigInt(spent.minor) * 10_000n >= BigInt(limit.amount.minor) * BigInt(WARNING_BP);
  const level = spent.minor > limit.amount.minor ? "over" : warned && spent.minor > 0 ? "warning" : "ok";
  return { limit, spent, usedBp, level };
}

/** One limit and what its scope has spent this month. */
export interface LimitSpend {
  limit: SpendLimit;
  spent: Money;
}

/** The answer to "may this be ordered?" */
export type SpendDecision =
  | {
      allowed: true;
      /** The limits the order brings to 80 % or more: the order goes ahead and the page says so. */
      warnings: LimitStanding[];
    }
  | {
      allowed: false;
      /** The limit the order would exceed (the customer's before the reseller's). */
      refusedBy: LimitStanding;
      /** What the order costs (retail, per its period). */
      price: Money;
    };

/**
 * Whether an order of `price` fits every limit that applies (the customer's, their reseller's): it must not take
 * the month's spend past a limit. A price of zero still fits only where the month is not over already. The decision
 * names the first limit refused and, when allowed, the limits the order brings to the warning level.
 */
export function decideSpend(limits: readonly LimitSpend[], price: Money): SpendDecision {
  if (price.minor < 0)
    throw new LimitError(`an order cannot cost ${price.minor} minor units: a price is never negative`);
  const warnings: LimitStanding[] = [];
  const ordered = [...limits].sort((a, b) =>
    a.limit.scope === b.limit.scope ? 0 : a.limit.scope === "customer" ? -1 : 1,
  );
  for (const { limit, spent } of ordered) {
    sameCurrency(limit, price);
    const after = standing(limit, add(spent, price));
    if (after.level === "over") return { allowed: false, refusedBy: after, price };
    if (after.level === "warning") warnings.push(after);
  }
  return { allowed: true, warnings };
}

/** Who sets a limit: the admin anyone's; a reseller only its own customers'. */
export type LimitSetter = { level: "admin"; name: string } | { level: "reseller"; name: string };

export interface LimitChange {
  setter: LimitSetter;
  scope: LimitScope;
  name: string;
  /** The new limit; null removes it. */
  amount: Money | null;
  /** The customer's reseller (the account's creator), when the scope is a customer. */
  resellerOfCustomer: string | null;
  /** The name is an admin (the panel says so): its own customers are no reseller's, so it has no reseller limit. */
  nameIsAdmin: boolean;
  /** The reseller's own limit, when a reseller sets a customer's: a customer's limit is never above it. */
  setterOwnLimit: Money | null;
  /** The provider's billing currency: limits are in it. */
  currency: string;
}

/** Why a change of a limit is refused; each has an English text (LIMIT_REFUSALS) and one per page language. */
export type LimitRefusal =
  | "currency"
  | "negative"
  | "admin-not-reseller"
  | "reseller-scope"
  | "not-your-customer"
  | "remove-under-own"
  | "above-own";

/** The operator's English words for each refusal (the CLI, the log); `{currency}` is the bills' currency. */
export const LIMIT_REFUSALS: Readonly<Record<LimitRefusal, string>> = {
  currency: "limits are in {currency}, the currency of the bills: give the amount in {currency}",
  negative: "a limit cannot be negative: give 0 or more",
  "admin-not-reseller":
    "an administrator's own customers are not a reseller's, so an administrator has no reseller limit: " +
    "give each of its customers a customer's limit",
  "reseller-scope": "only the server's administrator sets a reseller's limit",
  "not-your-customer": "the account is not one of your customers",
  "remove-under-own":
    "your own monthly limit applies to your customers: give the customer a limit no higher than yours",
  "above-own": "a customer's limit cannot be higher than your own monthly limit",
};

/**
 * Why a change of a limit is not allowed (undefined: allowed). An admin has no reseller limit (its accounts are its
 * own customers, limited one by one). A reseller sets limits only of the customers it
 * created, never its own or another reseller's, and never above its own limit; a reseller with a limit may not
 * remove a customer's limit either, since "none" would be above its own.
 */
export function limitChangeRefusal(change: LimitChange): LimitRefusal | undefined {
  const { setter, amount } = change;
  if (amount !== null && amount.currency !== change.currency) return "currency";
  if (amount !== null && amount.minor < 0) return "negative";
  // Removing one is allowed: a limit set before the panel said the name is an admin must be removable.
  if (change.scope === "reseller" && change.nameIsAdmin && amount !== null) return "admin-not-reseller";
  if (setter.level === "admin") return undefined;
  if (change.scope !== "customer") return "reseller-scope";
  if (change.resellerOfCustomer !== setter.name) return "not-your-customer";
  const own = change.setterOwnLimit;
  if (own === null) return undefined;
  if (amount === null) return "remove-under-own";
  if (amount.minor > own.minor) return "above-own";
  return undefined;
}
