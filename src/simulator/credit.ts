import type { CreditMovementState } from "./credit-state.js";
import { formatPragueDateTime, pragueDateNumber } from "./prague-hour.js";
import { formatAmount, type AccountState } from "./state.js";
import { WapiFailure } from "./wapi-failure.js";
import { WGP_CURRENCY } from "./wgp-services.js";

/**
 * The simulated WEDOS credit account ("zálohový účet"): a balance and its movements. Every paid command (an order,
 * a renewal) goes through {@link chargeCredit}, which refuses with 2283 when the balance is too low and otherwise
 * writes a movement with an order number; a top-up (the control API's, for tests and the demo) adds one without.
 */

/** What a charge left behind: the order number and the balance before and after, for the command's answer. */
export interface Charge {
  orderNum: string;
  balanceBeforeCents: number;
  balanceAfterCents: number;
}

function nextMovementId(account: AccountState): string {
  return String(account.movements.length + 1);
}

/** Takes `amountCents` from the credit for an order or a renewal, or refuses (2283) when there is too little. */
export function chargeCredit(
  account: AccountState,
  charge: { amountCents: number; description: string; now: number },
): Charge {
  if (account.creditCents < charge.amountCents) {
    throw new WapiFailure(2283, `credit too low for ${formatAmount(charge.amountCents)} ${WGP_CURRENCY}`);
  }
  const balanceBeforeCents = account.creditCents;
  account.creditCents -= charge.amountCents;
  const orderNum = `${new Date(charge.now).getUTCFullYear()}${String(account.nextOrderNum).padStart(6, "0")}`;
  account.nextOrderNum += 1;
  account.movements.push({
    id: nextMovementId(account),
    at: charge.now,
    amountCents: -charge.amountCents,
    balanceAfterCents: account.creditCents,
    description: charge.description,
    orderNum,
  });
  return { orderNum, balanceBeforeCents, balanceAfterCents: account.creditCents };
}

/** Adds credit, as a bank transfer to WEDOS would; a simulator-only operation (control API). */
export function topUpCredit(account: AccountState, amountCents: number, now: number, description: string): void {
  account.creditCents += amountCents;
  account.movements.push({
    id: nextMovementId(account),
    at: now,
    amountCents,
    balanceAfterCents: account.creditCents,
    description,
    orderNum: null,
  });
}

/** A charge paid before the simulated account's own history began (see {@link insertPastCharges}). */
export interface PastCharge {
  at: number;
  amountCents: number;
  description: string;
  orderNum: string;
}

/**
 * Writes charges the account paid before its history here began (simulator only: the demo gives the account the past
 * its billing history describes). The balance stays what it is — the account held that much more before them — and
 * the movements stay in time order, numbered again from the oldest.
 */
export function insertPastCharges(account: AccountState, charges: readonly PastCharge[]): void {
  for (const charge of charges) {
    account.movements.push({
      id: "",
      at: charge.at,
      amountCents: -charge.amountCents,
      balanceAfterCents: 0,
      description: charge.description,
      orderNum: charge.orderNum,
    });
  }
  account.movements.sort((a, b) => a.at - b.at);
  let balance = account.creditCents;
  for (let index = account.movements.length - 1; index >= 0; index--) {
    const movement = account.movements[index] as CreditMovementState;
    movement.balanceAfterCents = balance;
    balance -= movement.amountCents;
  }
  account.movements.forEach((movement, index) => (movement.id = String(index + 1)));
}

/** Movements on the Prague calendar days `from`..`to` (YYYYMMDD numbers, inclusive), oldest first. */
export function movementsBetween(account: AccountState, from: number, to: number): CreditMovementState[] {
  return account.movements.filter((movement) => {
    const day = pragueDateNumber(movement.at);
    return day >= from && day <= to;
  });
}

/**
 * ASSUMED: one movement as `account-list` returns it. WEDOS names the command but documents no fields; these are
 * the simulator's guess, in the style of the documented answers (decimal text, Prague "YYYY-MM-DD HH:MM:SS").
 */
export function movementView(movement: CreditMovementState): Record<string, string> {
  return {
    id: movement.id,
    date: formatPragueDateTime(movement.at),
    amount: formatAmount(movement.amountCents),
    currency: WGP_CURRENCY,
    balance: formatAmount(movement.balanceAfterCents),
    description: movement.description,
    order_num: movement.orderNum ?? "",
  };
}
