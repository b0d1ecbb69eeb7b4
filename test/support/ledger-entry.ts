import type { LedgerEntry, LedgerEntryInput, LedgerEvent } from "../../src/billing/ledger.js";

/** A ledger entry to write: bob's zone on example.cz (reseller res) starting on 1 November 2026 unless `fields` say. */
export function ledgerInput(fields: Partial<LedgerEntryInput> = {}): LedgerEntryInput {
  return {
    eventKey: "k",
    event: "start",
    day: "2026-11-01",
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

/** The same as the store reads it back, with its id. */
export function ledgerEntry(
  id: number,
  event: LedgerEvent,
  day: string,
  fields: Partial<LedgerEntry> = {},
): LedgerEntry {
  return { ...ledgerInput({ eventKey: `k${id}`, event, day }), id, recordedAt: 0, ...fields };
}
