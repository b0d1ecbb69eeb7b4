import { dayOf, monthOf, type Day } from "../billing/calendar.js";
import { decideSpend, standing, type LimitSpend, type LimitStanding, type SpendDecision } from "../billing/limits.js";
import { decimalText, money, sum, type Money } from "../billing/money.js";
import { productKey, type ProductKey } from "../billing/product.js";
import type { TermsLookup } from "../billing/terms.js";
import { protectionWanted, type Policy } from "../model/policy.js";
import { reason, type Reason } from "../model/reason.js";
import { customerStatements, type BillingSettings } from "../store/billing-statements.js";
import type { Database } from "../store/database.js";
import { InventoryStore } from "../store/inventory-store.js";
import type { PolicyStore } from "../store/policy-store.js";
import { CreatorLevelStore } from "../store/creator-level-store.js";
import { SpendLimitStore } from "../store/spend-limit-store.js";
import { offerTerms } from "../store/offer-store.js";

export interface SpendCheckDeps {
  db: Database;
  billing: BillingSettings;
  /** The sale terms: what an account's package sells a product at (NO_OFFER until offers are wired in). */
  terms: TermsLookup;
  inventory: Pick<InventoryStore, "account">;
  limits: Pick<SpendLimitStore, "get">;
}

/** What is about to be ordered for an account: a product of its package (priced by the terms) or a given price. */
export type SpendRequest = { username: string; now: number } & (
  | { product: ProductKey; /** The package, where the account is not in the inventory yet. */ package?: string | null }
  | { price: Money }
);

/** This month's retail bill of a customer, or of all of a reseller's customers together (zero when none). */
export interface MonthSpends {
  customer(name: string): Money;
  reseller(name: string): Money;
}

/**
 * Whether a customer may order something paid now (docs/decisions/0049): the month's bill so far of the customer,
 * and of all the customers of its reseller (the account's creator), rated from the ledger, plus the retail price of
 * the order must stay within each limit that is set. The one check behind every place that orders: the
 * protection switch, the protection task, a plan change and the DirectAdmin pre hook. Reads the database only.
 */
export class SpendCheck {
  constructor(private readonly deps: SpendCheckDeps) {}

  /** The decision for an order; without any limit it is allowed without rating anything. */
  check(request: SpendRequest): SpendDecision {
    const day = this.dayOf(request.now);
    const price =
      "price" in request ? request.price : this.priceOf(request.username, request.product, day, request.package);
    return decideSpend(this.limitSpends(request.username, day), price);
  }

  /** The retail price the account's package sells a product at today (zero when no offer prices it). */
  priceOf(username: string, product: ProductKey, day: Day, fallbackPackage: string | null = null): Money {
    const pkg = this.deps.inventory.account(username)?.package ?? fallbackPackage;
    const terms = this.deps.terms({ package: pkg, product, day });
    return terms.retail ?? money(0, this.deps.billing.currency);
  }

  /** Where the customer's month (and its reseller's) stands against their limits, for the pages' warnings. */
  standings(username: string, now: number): LimitStanding[] {
    return this.limitSpends(username, this.dayOf(now)).map(({ limit, spent }) => standing(limit, spent));
  }

  /** Where one reseller's month (all its customers) stands against its own limit; undefined without a limit. */
  resellerStanding(reseller: string, now: number): LimitStanding | undefined {
    const limit = this.deps.limits.get("reseller", reseller);
    if (limit === undefined) return undefined;
    return standing(limit, this.spent({ reseller }, this.dayOf(now)));
  }

  /**
   * This month's bills in one rating, per customer and per reseller (their customers together, as the ledger
   * records each entry's reseller): for pages that list many limits. `reseller` narrows to one reseller's customers.
   */
  monthSpends(now: number, reseller?: string): MonthSpends {
    const { db, billing } = this.deps;
    const scope = reseller === undefined ? { all: true as const } : { reseller };
    const customers = new Map<string, Money>();
    const resellers = new Map<string, Money>();
    for (const statement of customerStatements(db, billing, monthOf(this.dayOf(now)), scope)) {
      customers.set(statement.username, statement.totals.retail);
      if (statement.reseller === null) continue;
      const before = resellers.get(statement.reseller) ?? money(0, billing.currency);
      resellers.set(statement.reseller, sum([before, statement.totals.retail], billing.currency));
    }
    return {
      customer: (name) => customers.get(name) ?? money(0, billing.currency),
      reseller: (name) => resellers.get(name) ?? money(0, billing.currency),
    };
  }

  private limitSpends(username: string, day: Day): LimitSpend[] {
    const spends: LimitSpend[] = [];
    const own = this.deps.limits.get("customer", username);
    if (own !== undefined) spends.push({ limit: own, spent: this.spent({ username }, day) });
    const creator = this.deps.inventory.account(username)?.creator ?? null;
    // An admin's own customers are limited one by one: an admin is no reseller (creator-level-store.ts).
    const reseller = creator === null || new CreatorLevelStore(this.deps.db).isAdmin(creator) ? null : creator;
    const theirs = reseller === null ? undefined : this.deps.limits.get("reseller", reseller);
    if (reseller !== null && theirs !== undefined) spends.push({ limit: theirs, spent: this.spent({ reseller }, day) });
    return spends;
  }

  /** The retail total of the month's statements in a scope (services still running counted to the month's end). */
  private spent(scope: { username: string } | { reseller: string }, day: Day): Money {
    const { db, billing } = this.deps;
    const statements = customerStatements(db, billing, monthOf(day), scope);
    return sum(
      statements.map((statement) => statement.totals.retail),
      billing.currency,
    );
  }

  private dayOf(now: number): Day {
    return dayOf(now, this.deps.billing.timeZone);
  }
}

/**
 * The spending limits' refusal of the protection plan a package orders (`policy.protection` for its period), for an
 * account, now; undefined when it fits or the package orders none.
 */
export function protectionSpendRefusal(
  spending: Pick<SpendCheck, "check">,
  username: string | null,
  policy: Pick<Policy, "protection" | "protectionPeriod">,
  now: number,
  pkg: string | null = null,
): Reason | undefined {
  if (username === null || policy.protection === "off") return undefined;
  const product = productKey({ service: "protection", plan: policy.protection, period: policy.protectionPeriod });
  const decision = spending.check({ username, product, package: pkg, now });
  return decision.allowed ? undefined : spendRefusalReason(decision, `WEDOS Global ${policy.protection}`);
}

/**
 * The DirectAdmin pre hook's refusal of a new domain (the refusal text starts "WEDOS Global: ", which the hook shows):
 * a package that orders protection for every new domain would order it past a spending limit. Undefined when the
 * domain may be created. The customer reads it: a reseller's limit is named, never its amounts.
 */
export function newDomainSpendRefusal(
  input: { username: string; package: string | undefined },
  deps: { inventory: Pick<InventoryStore, "account">; policies: Pick<PolicyStore, "forPackage"> },
  spending: Pick<SpendCheck, "check">,
  now: number,
): string | undefined {
  const pkg = deps.inventory.account(input.username)?.package ?? input.package ?? null;
  const policy = deps.policies.forPackage(pkg ?? undefined);
  if (!protectionWanted(policy, undefined)) return undefined;
  const refusal = protectionSpendRefusal(spending, input.username, policy, now, pkg);
  if (refusal === undefined) return undefined;
  const { price, limit, currency } = refusal.params;
  const orders = `the package ${pkg ?? "(none)"} orders WEDOS Global protection (${policy.protection}) for each new domain`;
  return refusal.code === "spend-limit"
    ? `WEDOS Global: ${orders}${price === "0.00" ? "" : ` at ${price} ${currency}`}, which would take this account ` +
        `over its monthly spending limit of ${limit} ${currency}; ask your provider to raise the limit, or create ` +
        `the domain next month`
    : `WEDOS Global: ${orders}, and a monthly spending limit set by your provider does not allow it this month; ` +
        `ask your provider`;
}

/** The spending limits as a database and the billing settings give them (the CLI, the pre hook, the daemon). */
export function spendCheckFor(db: Database, billing: BillingSettings, terms: TermsLookup = offerTerms(db)): SpendCheck {
  return new SpendCheck({ db, billing, terms, inventory: new InventoryStore(db), limits: new SpendLimitStore(db) });
}

/** The check a caller needs (a plan change takes it as a parameter, NO_SPEND_CHECK by default). */
export type CheckSpend = (request: SpendRequest) => SpendDecision;

/** A check that lets everything through: where no limits are wired (tests of other parts, tools). */
export const NO_SPEND_CHECK: Pick<SpendCheck, "check"> = {
  check: () => ({ allowed: true, warnings: [] }),
};

/** The reason of a refused order: whose limit, and the amounts (decimal text) the admin's and customer's texts use. */
export function spendRefusalReason(decision: Extract<SpendDecision, { allowed: false }>, what: string): Reason {
  const { limit, spent } = decision.refusedBy;
  const detail =
    `${what} was not ordered: it costs ${decimalText(decision.price)} ${decision.price.currency}, which would bring ` +
    `the month of ${limit.scope} ${limit.name} to ${decimalText(spent)}, over its monthly limit of ` +
    `${decimalText(limit.amount)} ${limit.amount.currency}; raise the limit (wedos-panel billing limit set) or order ` +
    `it next month`;
  return reason(limit.scope === "customer" ? "spend-limit" : "spend-limit-reseller", detail, {
    limit: decimalText(limit.amount),
    price: decimalText(decision.price),
    currency: limit.amount.currency,
    name: limit.name,
  });
}
