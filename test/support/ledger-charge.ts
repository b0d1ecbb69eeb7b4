import type { LedgerEntryInput } from "../../src/billing/ledger.js";

/**
 * A ledger `charge` as the provisioning writes one for a paid protection order, for tests that plant what the
 * ledger says: protection Start monthly, 99.00 CZK wholesale, on `day`; `overrides` change any field.
 */
export function ledgerCharge(
  day: string,
  reference: string | null,
  overrides: Partial<LedgerEntryInput> = {},
): LedgerEntryInput {
  return {
    eventKey: `charge:${reference ?? day}`,
    event: "charge",
    day,
    username: "bob",
    reseller: null,
    domain: "bob.test",
    product: "protection/start/monthly",
    offerId: null,
    wholesale: { minor: 9_900, currency: "CZK" },
    retail: { minor: 15_000, currency: "CZK" },
    billedWhileSuspended: null,
    coversFrom: day,
    coversTo: day,
    reference,
    actor: "daemon",
    corrects: null,
    note: null,
    ...overrides,
  };
}
