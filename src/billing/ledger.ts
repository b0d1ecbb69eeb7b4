import type { Day } from "./calendar.js";
import type { Money } from "./money.js";
import type { ProductKey } from "./product.js";

/**
 * One entry of the usage ledger: something that happened to a sold service, on the provider's calendar day it
 * took effect. The ledger is append-only — a mistake is corrected by a new `correction` entry naming the one it
 * corrects — and every writer gives its entry a key that makes writing it twice (a crash and a retry) a no-op.
 *
 * - `start` / `stop`: the service exists from / no longer exists after that day (a zone created or removed,
 *   protection activated or ended). Day-rated products are billed for the days between.
 * - `suspend` / `resume`: the account was suspended / unsuspended; the offer says what is billed meanwhile.
 * - `charge`: a period paid to WEDOS (an order or a renewal), with what WEDOS took and what the customer pays,
 *   covering `coversFrom`..`coversTo`.
 * - `change`: the service moved to another product (plan or period) from that day.
 * - `correction`: amends the amounts of the entry `corrects` (negative amounts reverse it).
 */
export const LEDGER_EVENTS = ["start", "stop", "suspend", "resume", "charge", "change", "correction"] as const;
export type LedgerEvent = (typeof LEDGER_EVENTS)[number];

export interface LedgerEntryInput {
  /** Unique per real event, e.g. `protection-charge:example.cz:ORD-123`: a second write of it changes nothing. */
  eventKey: string;
  event: LedgerEvent;
  day: Day;
  username: string;
  /** The account's reseller (its creator) when the event happened; null for accounts the admin owns. */
  reseller: string | null;
  domain: string;
  product: ProductKey;
  offerId: number | null;
  /** What WEDOS charged (charges), or null when WEDOS charges nothing or it is unknown yet. */
  wholesale: Money | null;
  /** What the customer pays for this entry (charges, corrections), or null for events without an amount. */
  retail: Money | null;
  /**
   * On `start` and `change` of a day-rated product: the monthly retail price sold (kept until the next change), in
   * `retail`, and whether it is billed while the account is suspended. Null on other events.
   */
  billedWhileSuspended: boolean | null;
  coversFrom: Day | null;
  coversTo: Day | null;
  /** WEDOS's order number or another reference a person can look up. */
  reference: string | null;
  /** Who caused it: "panel", "daemon", "admin alice", "customer bob". */
  actor: string;
  corrects: number | null;
  note: string | null;
}

export interface LedgerEntry extends LedgerEntryInput {
  id: number;
  /** When the entry was written (Unix ms); the day it takes effect is `day`. */
  recordedAt: number;
}
