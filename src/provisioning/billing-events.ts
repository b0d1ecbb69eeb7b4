import { addDays, addMonthsToDay, dayOf, type Day } from "../billing/calendar.js";
import type { LedgerEntryInput, LedgerEvent } from "../billing/ledger.js";
import { parseMoney, type Money } from "../billing/money.js";
import { PERIOD_MONTHS, parseProductKey, type ProductKey } from "../billing/product.js";
import {
  serviceOf,
  servicesByDomain,
  serviceStates,
  type Service,
  type ServiceState,
} from "../billing/service-state.js";
import { NO_OFFER, type SaleTerms, type TermsLookup } from "../billing/terms.js";
import type { Database } from "../store/database.js";
import type { InventoryStore } from "../store/inventory-store.js";
import type { PriceBookStore } from "../store/price-book-store.js";
import type { UsageLedgerStore } from "../store/usage-ledger-store.js";

export interface BillingEventsDeps {
  db: Database;
  ledger: UsageLedgerStore;
  priceBook: Pick<PriceBookStore, "record">;
  inventory: Pick<InventoryStore, "account" | "domain">;
  /** The provider's calendar (billing.timeZone): an event's day is the day it happened there. */
  timeZone: string;
  /** What a sale is sold at (the published offer of the account's package); NO_OFFER when nothing is sold. */
  terms?: TermsLookup;
}

/** What WEDOS charged for a period of protection: an order's or a renewal's answer. */
export interface ProtectionCharge {
  domain: string;
  product: ProductKey;
  at: number;
  /** WEDOS's order number (`order_num`); the charge's event key, so the same order is charged once. */
  orderNum: string | null;
  /** WEDOS's `amount` and `currency` as it wrote them; null when it reported none. */
  amount: string | null;
  currency: string | null;
  source: "wedos-order" | "wedos-renew";
  /** The first day the period pays for; the day of the charge when not given. */
  coversFrom?: Day;
  /** Names the order when WEDOS gave no order number (the request's clTRID). */
  fallbackReference?: string | null;
  actor: string;
  /** Why the amount is unknown, when the caller knows better than "WEDOS reported none". */
  note?: string | null;
}

/** A move of a running service to another product (plan or period) from the day it happens. */
export interface ServiceChange {
  domain: string;
  product: ProductKey;
  at: number;
  actor: string;
  reference?: string | null;
  note?: string | null;
}

/**
 * Writes the usage ledger where things happen (docs/decisions/0046-the-ledger-written-where-things-happen.md): each
 * task or panel event that starts, stops, suspends, charges or changes a billed service calls one method here. Every
 * method first reads what the ledger already says of the domain and writes only what is missing, under an event key
 * numbered per service and event (`zone:start:example.cz:2`) or named by WEDOS's order number: an event replayed
 * after a crash, or read twice from the spool, writes nothing more. Accounts without an owner (another cluster
 * server's zones) are billed by that server and write nothing here.
 */
export class BillingEvents {
  private readonly terms: TermsLookup;

  constructor(private readonly deps: BillingEventsDeps) {
    this.terms = deps.terms ?? (() => NO_OFFER);
  }

  /** Many events in one transaction (the backfill of thousands of services): one commit instead of one each. */
  batch<T>(work: () => T): T {
    return this.atomically(work);
  }

  /** The provider's calendar day of an instant. */
  dayOf(at: number): Day {
    return dayOf(at, this.deps.timeZone);
  }

  /**
   * A service began (a zone at WEDOS, protection activated). A day-rated product carries the retail price per month
   * sold today, kept until it changes; a started service of a suspended account is suspended from the same day.
   * False when nothing was written (the service already runs, or no account owns the domain).
   */
  started(
    domain: string,
    product: ProductKey,
    at: number,
    actor: string,
    reference: string | null = null,
    note: string | null = null,
  ): boolean {
    return this.atomically(() => {
      const owner = this.owner(domain);
      if (owner === undefined) return false;
      const state = this.states(domain).get(serviceOf(product));
      if (state?.running === true) return false;
      const sale = this.sale(owner, product, at);
      const entry = this.append(owner, state, { domain, product, at, actor, reference }, "start", {
        offerId: sale.offerId,
        ...dayRated(product, sale),
        note,
      });
      if (owner.suspended) {
        this.append(owner, this.states(domain).get(serviceOf(product)), { ...entry, reference: null }, "suspend", {
          note: "the account was suspended when the service started",
        });
      }
      return true;
    });
  }

  /**
   * Services the ledger stopped but that still run at WEDOS start again from today with the product they had (an
   * admin's "Cancel removal" of a deleted domain, a deleted domain created again during its grace period). Only the
   * services named, and only those the ledger holds stopped: each start is numbered per service
   * (`zone:start:example.cz:2`), so a replay finds the service running and writes nothing. The names restarted.
   */
  restarted(domain: string, services: readonly Service[], at: number, actor: string, note: string): Service[] {
    return this.atomically(() => {
      const states = this.states(domain);
      return services.filter((service) => {
        const state = states.get(service);
        return state !== undefined && !state.running && this.started(domain, state.product, at, actor, null, note);
      });
    });
  }

  /**
   * The domain belongs to another account, or its account to another reseller, than the ledger last wrote for a
   * running service (the panel moved it). Another account: the service stops for the old one and starts for the new
   * one, sold at its terms, the same day. Another reseller only: a `change` to the same product at the price it was
   * sold, naming the new reseller, so the month's statement is the new reseller's and no day is billed twice. A
   * replay finds the ledger naming the owner already and writes nothing.
   */
  ownerMoved(domain: string, at: number, actor: string): void {
    this.atomically(() => {
      const owner = this.owner(domain);
      if (owner === undefined) return;
      const history = this.deps.ledger.history({ domain });
      for (const [service, state] of serviceStates(history)) {
        if (!state.running) continue;
        const entries = history.filter((entry) => serviceOf(entry.product) === service);
        if (state.username !== owner.username) {
          this.stop(domain, service, at, actor, `moved to the account ${owner.username}`);
          this.started(domain, state.product, at, actor, null, `moved from the account ${state.username}`);
          continue;
        }
        const last = entries.at(-1);
        if (last === undefined || last.reseller === owner.reseller) continue;
        const sold = entries.filter((entry) => entry.event === "start" || entry.event === "change").at(-1);
        this.append(owner, state, { domain, product: state.product, at, actor, reference: null }, "change", {
          offerId: sold?.offerId ?? null,
          retail: sold?.retail ?? null,
          wholesale: sold?.wholesale ?? null,
          billedWhileSuspended: sold?.billedWhileSuspended ?? null,
          note: `the account moved from the reseller ${last.reseller ?? "(none)"} to ${owner.reseller ?? "(none)"}`,
        });
      }
    });
  }

  /** A running service ended (a zone removed, protection terminated). */
  stopped(domain: string, service: Service, at: number, actor: string, note: string): void {
    this.atomically(() => this.stop(domain, service, at, actor, note));
  }

  /** Every running service of the domain ended (the domain was removed, or left to the customer). */
  domainEnded(domain: string, at: number, actor: string, note: string): void {
    this.atomically(() => {
      for (const service of this.states(domain).keys()) this.stop(domain, service, at, actor, note);
    });
  }

  /**
   * The account was suspended or unsuspended: a `suspend` or `resume` entry for each of its running services not
   * already in that state. What is billed meanwhile is the terms' `billedWhileSuspended`, locked at the start.
   */
  suspensionChanged(username: string, suspended: boolean, at: number, actor: string): void {
    this.atomically(() => {
      const reseller = this.deps.inventory.account(username)?.creator ?? null;
      for (const [domain, services] of servicesByDomain(this.deps.ledger.history({ username }))) {
        for (const state of services.values()) {
          if (!state.running || state.suspended === suspended || state.username !== username) continue;
          const change = { domain, product: state.product, at, actor, reference: null };
          this.append({ username, reseller }, state, change, suspended ? "suspend" : "resume", {});
        }
      }
    });
  }

  /**
   * A period of protection paid to WEDOS: a `charge` with what WEDOS took (also recorded in the price book) and the
   * period's retail price sold today, covering the period from its first day. An order is charged once per WEDOS
   * order number; a renewal once per period it renews (its first day), whatever WEDOS answered or failed to.
   */
  protectionCharged(charge: ProtectionCharge): void {
    this.atomically(() => {
      const owner = this.owner(charge.domain);
      if (owner === undefined) return;
      const day = this.dayOf(charge.at);
      const reference = charge.orderNum ?? charge.fallbackReference ?? null;
      const coversFrom = charge.coversFrom ?? day;
      const eventKey =
        charge.source === "wedos-renew"
          ? `protection:renewal:${charge.domain}:${coversFrom}`
          : `protection:charge:${charge.domain}:${reference ?? day}`;
      if (this.deps.ledger.byEventKey(eventKey) !== undefined) return;
      const wholesale = wedosAmount(charge.amount, charge.currency);
      const sale = this.sale(owner, charge.product, charge.at);
      const { period } = parseProductKey(charge.product) as { period: "monthly" | "yearly" };
      this.deps.ledger.append(
        {
          ...this.blank(owner, charge.domain, charge.product, charge.actor, reference),
          eventKey,
          event: "charge",
          day,
          offerId: sale.offerId,
          wholesale: wholesale.money,
          retail: sale.retail,
          coversFrom,
          coversTo: addDays(addMonthsToDay(coversFrom, PERIOD_MONTHS[period]), -1),
          note: charge.note ?? wholesale.note,
        },
        charge.at,
      );
      if (wholesale.money !== null) {
        this.deps.priceBook.record({
          product: charge.product,
          price: wholesale.money,
          source: charge.source,
          reference,
          seenAt: charge.at,
          enteredBy: null,
        });
      }
    });
  }

  /**
   * A running service moved to another plan or period from today (the customer's plan change, a package change).
   * Nothing is written when the service is not running or already on that product.
   */
  changed(change: ServiceChange): void {
    this.atomically(() => {
      const owner = this.owner(change.domain);
      if (owner === undefined) return;
      const state = this.states(change.domain).get(serviceOf(change.product));
      if (state === undefined || !state.running || state.product === change.product) return;
      const sale = this.sale(owner, change.product, change.at);
      this.append(owner, state, { ...change, reference: change.reference ?? null }, "change", {
        offerId: sale.offerId,
        ...dayRated(change.product, sale),
        note: change.note ?? null,
      });
    });
  }

  /**
   * A protection service ran out at the end of its paid period under terms that let it lapse: a `stop` dated
   * `paidUntil`, the first day not paid, even when the daemon got to it later, so it is billed to its last paid day.
   */
  lapsed(domain: string, paidUntil: Day, at: number): void {
    this.atomically(() =>
      this.stop(domain, "protection", at, "daemon", "lapsed at the end of its paid period", paidUntil),
    );
  }

  private stop(domain: string, service: Service, at: number, actor: string, note: string, day?: Day): void {
    const state = this.states(domain).get(service);
    if (state === undefined || !state.running) return;
    const owner = { username: state.username, reseller: this.deps.inventory.account(state.username)?.creator ?? null };
    const change = { domain, product: state.product, at, actor, reference: null };
    this.append(owner, state, change, "stop", { note, day: day ?? this.dayOf(at) });
  }

  private append(
    owner: Owner,
    state: ServiceState | undefined,
    change: ServiceChange & { reference: string | null },
    event: LedgerEvent,
    details: Partial<LedgerEntryInput>,
  ): ServiceChange & { reference: string | null } {
    const number = (state?.written[event] ?? 0) + 1;
    this.deps.ledger.append(
      {
        ...this.blank(owner, change.domain, change.product, change.actor, change.reference),
        eventKey: `${serviceOf(change.product)}:${event}:${change.domain}:${number}`,
        event,
        day: this.dayOf(change.at),
        ...details,
      },
      change.at,
    );
    return change;
  }

  private blank(owner: Owner, domain: string, product: ProductKey, actor: string, reference: string | null) {
    return {
      username: owner.username,
      reseller: owner.reseller,
      domain,
      product,
      offerId: null,
      wholesale: null,
      retail: null,
      billedWhileSuspended: null,
      coversFrom: null,
      coversTo: null,
      reference,
      actor,
      corrects: null,
      note: null,
    } satisfies Omit<LedgerEntryInput, "eventKey" | "event" | "day">;
  }

  /** The domain's account and, as its reseller, the account's creator now; undefined for a domain nobody owns. */
  private owner(domain: string): Customer | undefined {
    const username = this.deps.inventory.domain(domain)?.username ?? null;
    if (username === null) return undefined;
    const account = this.deps.inventory.account(username);
    return {
      username,
      reseller: account?.creator ?? null,
      package: account?.package ?? null,
      suspended: account?.suspended === true,
    };
  }

  private states(domain: string): Map<Service, ServiceState> {
    return serviceStates(this.deps.ledger.history({ domain }));
  }

  private sale(owner: Customer, product: ProductKey, at: number): SaleTerms {
    return this.terms({ package: owner.package, product, day: this.dayOf(at) });
  }

  private atomically<T>(work: () => T): T {
    return this.deps.db.transaction(work)();
  }
}

interface Owner {
  username: string;
  reseller: string | null;
}

/** The owner as a sale needs it: the package its terms are looked up for, and whether it is suspended now. */
interface Customer extends Owner {
  package: string | null;
  suspended: boolean;
}

/** A day-rated product's start or change carries the monthly price sold and whether suspension stops its billing. */
function dayRated(product: ProductKey, sale: SaleTerms): Pick<LedgerEntryInput, "retail" | "billedWhileSuspended"> {
  return serviceOf(product) === "zone"
    ? { retail: sale.retail, billedWhileSuspended: sale.billedWhileSuspended }
    : { retail: null, billedWhileSuspended: null };
}

/** WEDOS's amount as money, or null with a note for the admin when it reported none or one that cannot be read. */
function wedosAmount(amount: string | null, currency: string | null): { money: Money | null; note: string | null } {
  if (amount === null || currency === null) {
    return { money: null, note: "WEDOS reported no amount for this order; the credit account's movements show it" };
  }
  try {
    return { money: parseMoney(amount, currency), note: null };
  } catch (error) {
    const problem = (error as Error).message;
    return { money: null, note: `WEDOS reported "${amount} ${currency}", an amount that cannot be read: ${problem}` };
  }
}
