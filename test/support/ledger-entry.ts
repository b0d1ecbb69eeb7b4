import type { LedgerEntry, LedgerEvent } from "../../src/billing/ledger.js";

/** A ledger entry as the store would read it back: bob's zone on example.cz (reseller res) unless `fields` say. */
export function ledgerEntry(id: number, event: LedgerEvent, day: string, fields: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id,
    eventKey: `k${id}`,
    recordedAt: 0,
    event,
    day,
    username: "bob",
    reseller: "res",
    domain: "example.cz",
    product: "zone",
    offerId: 1,
    wholesale: null,
    retail: null,
    billedWhileSuspended: null,
    coversFrom: null,
    coversTo: null,
    reference: null,
    actor: "daemon",
    corrects: null,
    note: null,
    ...fields,
  };
}
