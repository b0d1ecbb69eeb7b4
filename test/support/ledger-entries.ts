import type { LedgerEntryInput } from "../../src/billing/ledger.js";
import { money } from "../../src/billing/money.js";

/** A ledger `charge` of `retail` (CZK minor units) for an account on a day: a paid period as the tasks write it. */
export function chargeEntry(
  username: string,
  day: string,
  retail: number,
  overrides: Partial<LedgerEntryInput> = {},
): LedgerEntryInput {
  return {
    eventKey: `charge:${username}:${day}:${retail}`,
    event: "charge",
    day,
    username,
    reseller: null,
    domain: `${username}.test`,
    product: "protection/start/monthly",
    offerId: null,
    wholesale: null,
    retail: money(retail, "CZK"),
    billedWhileSuspended: null,
    coversFrom: day,
    coversTo: day,
    reference: null,
    actor: "daemon",
    corrects: null,
    note: null,
    ...overrides,
  };
}
