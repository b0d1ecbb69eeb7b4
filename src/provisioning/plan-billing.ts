import type { Day } from "../billing/calendar.js";
import type { LedgerEntryInput } from "../billing/ledger.js";
import type { Money } from "../billing/money.js";
import type { ProductKey } from "../billing/product.js";
import { NO_OFFER, type SaleTerms, type TermsLookup } from "../billing/terms.js";
import type { UsageLedgerStore } from "../store/usage-ledger-store.js";

/** Whether a paid change may go ahead under the customer's and reseller's spending limits, and if not, why. */
export type SpendVerdict = { allowed: true } | { allowed: false; reason: string };

/** What is about to be bought: the account, its reseller, the product and its retail price per period. */
export interface SpendRequest {
  username: string;
  reseller: string | null;
  product: ProductKey;
  price: Money | null;
}

/** Who and what a plan's ledger entry is about. */
export interface PlanEntry {
  eventKey: string;
  day: Day;
  username: string;
  reseller: string | null;
  domain: string;
  product: ProductKey;
  terms: SaleTerms;
  actor: string;
  reference: string | null;
  note: string | null;
}

/** A paid period: what WEDOS took (from its answer) and the days it covers. */
export interface PlanCharge extends PlanEntry {
  wholesale: Money | null;
  coversFrom: Day;
  coversTo: Day;
}

/**
 * What plans, renewals and lapses need of the rest of billing: the sale terms of a package's product, the spending
 * check before a customer's paid change, and the ledger entries they write. The composition root wires the offers'
 * terms and the spending limits; without them nothing is refused and nothing is priced (NO_OFFER).
 */
export interface PlanBilling {
  terms: TermsLookup;
  checkSpend(request: SpendRequest): SpendVerdict;
  /** The service moved to another plan or period from `day` (a ledger `change`). */
  recordChange(entry: PlanEntry): void;
  /** A renewal was paid (a ledger `charge`). */
  recordCharge(charge: PlanCharge): void;
  /** The service lapsed at the end of its paid period (a ledger `stop`). */
  recordStop(entry: PlanEntry): void;
}

const ALLOW_ALL = (): SpendVerdict => ({ allowed: true });

function entryInput(entry: PlanEntry, event: LedgerEntryInput["event"]): LedgerEntryInput {
  return {
    eventKey: entry.eventKey,
    event,
    day: entry.day,
    username: entry.username,
    reseller: entry.reseller,
    domain: entry.domain,
    product: entry.product,
    offerId: entry.terms.offerId,
    wholesale: null,
    retail: null,
    billedWhileSuspended: null,
    coversFrom: null,
    coversTo: null,
    reference: entry.reference,
    actor: entry.actor,
    corrects: null,
    note: entry.note,
  };
}

/**
 * Plan billing that writes to the usage ledger (each entry once: its key makes a replay a no-op), with the terms
 * and spending check given (by default: no offer, everything allowed).
 */
export function ledgerPlanBilling(
  ledger: UsageLedgerStore,
  clock: { now(): number },
  options: { terms?: TermsLookup; checkSpend?: (request: SpendRequest) => SpendVerdict } = {},
): PlanBilling {
  return {
    terms: options.terms ?? (() => NO_OFFER),
    checkSpend: options.checkSpend ?? ALLOW_ALL,
    recordChange: (entry) => void ledger.append(entryInput(entry, "change"), clock.now()),
    recordStop: (entry) => void ledger.append(entryInput(entry, "stop"), clock.now()),
    recordCharge: (charge) =>
      void ledger.append(
        {
          ...entryInput(charge, "charge"),
          wholesale: charge.wholesale,
          retail: charge.terms.retail,
          coversFrom: charge.coversFrom,
          coversTo: charge.coversTo,
        },
        clock.now(),
      ),
  };
}
