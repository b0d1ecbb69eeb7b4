import type { LedgerEntry, LedgerEvent } from "./ledger.js";
import type { ProductKey } from "./product.js";

/** A domain's billed services: its WEDOS zone, and its WEDOS Global protection whatever the plan and period. */
export type Service = "zone" | "protection";

export const serviceOf = (product: ProductKey): Service => (product === "zone" ? "zone" : "protection");

/** What the ledger says of one service of one domain, after every entry written so far. */
export interface ServiceState {
  service: Service;
  /** Started and not stopped since. */
  running: boolean;
  /** The product of the latest `start` or `change` (kept after a stop). */
  product: ProductKey;
  /** Suspended and not resumed since (a new `start` begins unsuspended, as the rating reads it). */
  suspended: boolean;
  /** The account the latest entry was written for. */
  username: string;
  /** How many entries of each event the service has: the next one's number in its event key. */
  written: Readonly<Partial<Record<LedgerEvent, number>>>;
}

/**
 * Folds the entries of one domain, in the order written, into the state of each of its services. A writer reads
 * this before adding an entry, so an event that is replayed (a hook read twice, a job run again after a crash)
 * finds its effect already there and writes nothing.
 */
export function serviceStates(entries: readonly LedgerEntry[]): Map<Service, ServiceState> {
  const states = new Map<Service, ServiceState>();
  for (const entry of entries) {
    const service = serviceOf(entry.product);
    const before = states.get(service);
    const written = { ...before?.written, [entry.event]: (before?.written[entry.event] ?? 0) + 1 };
    const state: ServiceState = before ?? {
      service,
      running: false,
      product: entry.product,
      suspended: false,
      username: entry.username,
      written,
    };
    states.set(service, { ...state, ...effectOf(entry, state), username: entry.username, written });
  }
  return states;
}

function effectOf(entry: LedgerEntry, state: ServiceState): Partial<ServiceState> {
  switch (entry.event) {
    case "start":
      return { running: true, suspended: false, product: entry.product };
    case "change":
      return { product: entry.product };
    case "stop":
      return { running: false };
    case "suspend":
      return { suspended: true };
    case "resume":
      return { suspended: false };
    default:
      return { product: state.product };
  }
}

/** The domain's services grouped from a list of entries of many domains (an account's), in the order written. */
export function servicesByDomain(entries: readonly LedgerEntry[]): Map<string, Map<Service, ServiceState>> {
  const byDomain = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    const list = byDomain.get(entry.domain);
    if (list === undefined) byDomain.set(entry.domain, [entry]);
    else list.push(entry);
  }
  return new Map([...byDomain].map(([domain, list]) => [domain, serviceStates(list)]));
}
