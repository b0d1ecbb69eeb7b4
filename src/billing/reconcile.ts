import { addMonths, dayOf, daysBetween, monthOf, type Day, type Month } from "./calendar.js";
import type { LedgerEntry } from "./ledger.js";
import type { Money } from "./money.js";

/**
 * Reconciliation of one month: what WEDOS took from the credit account (its `account-list` movements) against what
 * the usage ledger says was ordered (its `charge` entries, with their corrections). Pure: the task fetches the
 * movements, the store reads the ledger, and this pairs them and names every difference with its likely cause
 * (docs/decisions/0048).
 *
 * Pairing: first by WEDOS's order number (the ledger keeps it as the charge's `reference`), then what is left by
 * the same amount within `dayWindow` days (the ledger dates a charge by the provider's calendar and the service's
 * activation, WEDOS by Prague time and the order), nearest day first.
 */

/** The month to reconcile when none is named: the one before the current month in `timeZone` (the one closed). */
export function monthToReconcile(now: number, timeZone: string): Month {
  return addMonths(monthOf(dayOf(now, timeZone)), -1);
}

/** A movement of the credit account as the reconciliation needs it (wapi's CreditMovement fits). */
export interface WedosMovement {
  day: Day | null;
  amount: Money | null;
  orderNum: string | null;
  description: string;
}

/** A charge of the ledger with the corrections written against it folded in. */
export interface LedgerCharge {
  entryId: number;
  day: Day;
  username: string;
  reseller: string | null;
  domain: string;
  product: string;
  /** WEDOS's order number, when the charge came from its answer. */
  reference: string | null;
  /** What the ledger says WEDOS took, corrections included; null when it never learnt the price. */
  wholesale: Money | null;
}

/**
 * - `not-in-ledger`: charged at WEDOS, unknown to the ledger — ordered outside the plugin (WEDOS's own
 *   administration) or by another server using the same WEDOS account.
 * - `not-at-wedos`: in the ledger, not charged at WEDOS this month — the order failed, or WEDOS refunded it, or
 *   WEDOS dated it in another month.
 * - `amount-differs`: the same order, another amount — WEDOS changed its price or gave a discount, or the ledger
 *   never learnt the price.
 * - `refund`: WEDOS gave credit back for an order — the ledger still bills it until a correction is written.
 * - `top-up`: credit added (a payment to WEDOS); expected, listed so the month's movements add up.
 * - `unreadable`: a movement whose amount could not be read; look it up in WEDOS's administration.
 */
export const DIFFERENCE_KINDS = [
  "not-in-ledger",
  "not-at-wedos",
  "amount-differs",
  "refund",
  "top-up",
  "unreadable",
] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface Difference {
  kind: DifferenceKind;
  movement: WedosMovement | null;
  charge: LedgerCharge | null;
}

export interface Matched {
  movement: WedosMovement;
  charge: LedgerCharge;
  by: "order" | "amount-and-day";
}

export interface Reconciliation {
  /** Movements paired with a ledger charge (by order number or by amount and day), agreeing or not. */
  matched: Matched[];
  /** How many of the pairs agree in amount too. */
  agreed: number;
  /** Grouped by kind in the order of DIFFERENCE_KINDS. */
  differences: Difference[];
}

/** The `charge` entries among `entries`, each with the wholesale of the corrections that name it added. */
export function ledgerCharges(entries: readonly LedgerEntry[]): LedgerCharge[] {
  const charges = new Map<number, LedgerCharge>();
  for (const entry of entries) {
    if (entry.event !== "charge") continue;
    charges.set(entry.id, {
      entryId: entry.id,
      day: entry.day,
      username: entry.username,
      reseller: entry.reseller,
      domain: entry.domain,
      product: entry.product,
      reference: entry.reference,
      wholesale: entry.wholesale,
    });
  }
  for (const entry of entries) {
    const charge = entry.event === "correction" && entry.corrects !== null ? charges.get(entry.corrects) : undefined;
    if (charge === undefined || entry.wholesale === null) continue;
    charge.wholesale =
      charge.wholesale === null || charge.wholesale.currency !== entry.wholesale.currency
        ? entry.wholesale
        : { minor: charge.wholesale.minor + entry.wholesale.minor, currency: charge.wholesale.currency };
  }
  return [...charges.values()];
}

/** What a movement took from the credit, as a positive amount (the ledger's wholesale is positive). */
const taken = (movement: WedosMovement): Money | null =>
  movement.amount === null ? null : { minor: -movement.amount.minor, currency: movement.amount.currency };

const sameMoney = (a: Money | null, b: Money | null): boolean =>
  a !== null && b !== null && a.minor === b.minor && a.currency === b.currency;

/** Pairs the month's movements with the month's ledger charges; every movement and charge ends up in one place. */
export function reconcile(
  movements: readonly WedosMovement[],
  charges: readonly LedgerCharge[],
  dayWindow = 3,
): Reconciliation {
  const matched: Matched[] = [];
  const differences: Difference[] = [];
  const open = new Set(charges);
  const spent: WedosMovement[] = [];
  for (const movement of movements) {
    if (movement.amount === null) differences.push({ kind: "unreadable", movement, charge: null });
    else if (movement.amount.minor > 0) {
      const refunded = movement.orderNum === null ? undefined : byOrder(open, movement.orderNum, false);
      differences.push({ kind: movement.orderNum === null ? "top-up" : "refund", movement, charge: refunded ?? null });
    } else spent.push(movement);
  }
  const unmatched: WedosMovement[] = [];
  for (const movement of spent) {
    const charge = movement.orderNum === null ? undefined : byOrder(open, movement.orderNum, true);
    if (charge === undefined) {
      unmatched.push(movement);
      continue;
    }
    matched.push({ movement, charge, by: "order" });
    if (!sameMoney(taken(movement), charge.wholesale)) differences.push({ kind: "amount-differs", movement, charge });
  }
  for (const movement of unmatched) {
    const charge = byAmountAndDay(open, movement, dayWindow);
    if (charge === undefined) differences.push({ kind: "not-in-ledger", movement, charge: null });
    else matched.push({ movement, charge, by: "amount-and-day" });
  }
  for (const charge of open) differences.push({ kind: "not-at-wedos", movement: null, charge });
  // Grouped by kind, most in need of attention first; within a kind in WEDOS's (then the ledger's) order.
  const rank = (difference: Difference) => DIFFERENCE_KINDS.indexOf(difference.kind);
  const differing = differences.filter((difference) => difference.kind === "amount-differs").length;
  return { matched, agreed: matched.length - differing, differences: differences.sort((a, b) => rank(a) - rank(b)) };
}

/** The open charge with this order number; `take` removes it from the open ones. */
function byOrder(open: Set<LedgerCharge>, orderNum: string, take: boolean): LedgerCharge | undefined {
  for (const charge of open) {
    if (charge.reference !== orderNum) continue;
    if (take) open.delete(charge);
    return charge;
  }
  return undefined;
}

/** The open charge of the same amount nearest in days (within the window, the earlier on a tie), taken. */
function byAmountAndDay(open: Set<LedgerCharge>, movement: WedosMovement, dayWindow: number): LedgerCharge | undefined {
  if (movement.day === null) return undefined;
  let best: { charge: LedgerCharge; distance: number } | undefined;
  for (const charge of open) {
    if (!sameMoney(taken(movement), charge.wholesale)) continue;
    const distance = Math.abs(daysBetween(movement.day, charge.day));
    if (distance <= dayWindow && (best === undefined || distance < best.distance)) best = { charge, distance };
  }
  if (best !== undefined) open.delete(best.charge);
  return best?.charge;
}
