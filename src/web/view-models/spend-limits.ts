import type { LimitStanding, SpendLimit } from "../../billing/limits.js";
import { LimitError, standing } from "../../billing/limits.js";
import { decimalText, type Money } from "../../billing/money.js";
import type { Clock } from "../../clock.js";
import type { Reason } from "../../model/reason.js";
import type { MonthSpends, SpendCheck } from "../../provisioning/spend-check.js";
import type { BillingSettings } from "../../store/billing-statements.js";
import type { InventoryStore } from "../../store/inventory-store.js";
import type { CreatorLevelStore } from "../../store/creator-level-store.js";
import { ACCOUNT_LIST_LIMIT, type SpendLimitStore } from "../../store/spend-limit-store.js";
import type { AuthenticatedContext } from "../context.js";
import { formatMoney } from "../i18n/money-format.js";
import { actionUrl } from "../origin.js";
import { pageUrl } from "../urls.js";
import { reasonView } from "./reason.js";

/** What the limits page, the home pages' warnings and the order checks read. */
export interface LimitSources {
  spending: SpendCheck;
  limits: SpendLimitStore;
  inventory: Pick<InventoryStore, "account">;
  /** Which names are admins: an admin has no reseller limit. */
  creators: Pick<CreatorLevelStore, "isAdmin">;
  clock: Clock;
  billing: BillingSettings;
}

/** The path of the limits page (reseller and admin levels). */
export const LIMITS_PATH = "/billing/limits";

/** One account (or reseller) on the limits page. */
export interface LimitRow {
  scope: "customer" | "reseller";
  name: string;
  /** The customer's reseller (admin's page only). */
  reseller: string | undefined;
  limit: string;
  spent: string;
  /** "84 %", or "" without a limit. */
  used: string;
  level: LimitStanding["level"] | "none";
  /** "80 % or more used" / "over the limit", else undefined. */
  levelText: string | undefined;
  /** The current limit as decimal text for the input ("" without one). */
  value: string;
}

export interface LimitsPageModel {
  intro: string;
  /** A reseller's own limit, in a sentence. */
  own: string | undefined;
  ownLevel: LimitStanding["level"] | undefined;
  resellers: LimitRow[] | undefined;
  customers: LimitRow[];
  showReseller: boolean;
  truncated: string | undefined;
  search: string;
  searchAction: string;
  limitsPath: string;
  setAction: string;
  currency: string;
  csrfToken: string;
  notice: string | undefined;
  problems: string[];
}

const percent = (bp: number) => `${Math.floor(bp / 100)}`;

function row(
  page: AuthenticatedContext,
  scope: LimitRow["scope"],
  name: string,
  limit: SpendLimit | undefined,
  spent: Money,
  reseller?: string | null,
): LimitRow {
  const money = (amount: Money) => formatMoney(page.language, amount);
  const base = { scope, name, reseller: reseller ?? undefined, spent: money(spent) };
  if (limit === undefined)
    return { ...base, limit: page.t("limits.none"), used: "", level: "none", levelText: undefined, value: "" };
  if (limit.amount.currency !== spent.currency) {
    // Set before billing.currency changed: it cannot be compared, so orders are refused until it is set again.
    const levelText = page.t("limits.state.currency");
    return { ...base, limit: money(limit.amount), used: "", level: "over", levelText, value: "" };
  }
  const state = standing(limit, spent);
  return {
    ...base,
    limit: money(limit.amount),
    used: `${percent(state.usedBp)} %`,
    level: state.level,
    levelText: state.level === "ok" ? undefined : page.t(`limits.state.${state.level}`),
    value: decimalText(limit.amount),
  };
}

/** The limits page of a reseller (its customers, its own limit read-only) or of the admin (resellers, everyone). */
export function limitsPageModel(
  page: AuthenticatedContext,
  sources: LimitSources,
  search: string,
  outcome: { notice?: string | undefined; problems?: string[] } = {},
): LimitsPageModel {
  const { level, username, mode } = { ...page.identity, mode: page.request.mode };
  const admin = level === "admin";
  const now = sources.clock.now();
  const spends: MonthSpends = sources.spending.monthSpends(now, admin ? undefined : username);
  const accounts = sources.limits.accounts({ creator: admin ? undefined : username, search });
  const vat = page.t(sources.billing.pricesIncludeVat ? "limits.vat.included" : "limits.vat.excluded");
  const ownLimit = admin ? undefined : sources.limits.get("reseller", username);
  const ownSpent = spends.reseller(username);
  const own =
    ownLimit === undefined || ownLimit.amount.currency !== ownSpent.currency ? undefined : standing(ownLimit, ownSpent);
  return {
    intro: page.t(admin ? "limits.intro.admin" : "limits.intro.reseller", { vat }),
    own: admin
      ? undefined
      : own === undefined
        ? ownLimit === undefined
          ? page.t("limits.own.none")
          : `${formatMoney(page.language, ownLimit.amount)}: ${page.t("limits.state.currency")}`
        : page.t("limits.own.set", {
            limit: formatMoney(page.language, own.limit.amount),
            spent: formatMoney(page.language, own.spent),
            used: percent(own.usedBp),
          }),
    ownLevel: own?.level,
    resellers: admin
      ? sources.limits
          .resellers([username])
          .map((each) => row(page, "reseller", each.name, each.limit, spends.reseller(each.name)))
      : undefined,
    customers: accounts.map((account) =>
      row(page, "customer", account.username, account.limit, spends.customer(account.username), account.creator),
    ),
    showReseller: admin,
    truncated:
      accounts.length >= ACCOUNT_LIST_LIMIT ? page.t("limits.truncated", { count: ACCOUNT_LIST_LIMIT }) : undefined,
    search,
    searchAction: pageUrl(level, mode, "/"),
    limitsPath: LIMITS_PATH,
    setAction: actionUrl(page, `${LIMITS_PATH}/set`),
    currency: sources.billing.currency,
    csrfToken: page.csrfToken,
    notice: outcome.notice,
    problems: outcome.problems ?? [],
  };
}

/** A warning line on a home page, with where to read more (the limits page, for resellers and admins). */
export interface SpendWarning {
  level: "warning" | "over";
  text: string;
  href: string | undefined;
}

/**
 * The home pages' warnings from 80 %: a customer of its own limit; a reseller of its own limit and of its customers'
 * limits at 80 % or more; the admin of every limit at 80 % or more. Rated only where a limit is set.
 */
export function spendWarnings(page: AuthenticatedContext, sources: LimitSources): SpendWarning[] {
  try {
    return warningsOf(page, sources);
  } catch (error) {
    // A limit in another currency than the bills: the home page still shows; resellers and the admin are told.
    if (!(error instanceof LimitError) || page.identity.level === "user") return [];
    const href = pageUrl(page.identity.level, page.request.mode, LIMITS_PATH);
    return [{ level: "over", text: page.t("limits.warn.currency", { currency: sources.billing.currency }), href }];
  }
}

function warningsOf(page: AuthenticatedContext, sources: LimitSources): SpendWarning[] {
  const { level, username } = page.identity;
  const now = sources.clock.now();
  const href = level === "user" ? undefined : pageUrl(level, page.request.mode, LIMITS_PATH);
  const money = (amount: Money) => formatMoney(page.language, amount);
  const say = (state: LimitStanding, key: "self" | "reseller"): SpendWarning | undefined =>
    state.level === "ok"
      ? undefined
      : {
          level: state.level,
          text: page.t(`limits.warn.${key}.${state.level}`, {
            used: percent(state.usedBp),
            spent: money(state.spent),
            limit: money(state.limit.amount),
          }),
          href: undefined,
        };
  const warnings: Array<SpendWarning | undefined> = [];
  if (level === "user") {
    const own = sources.spending.standings(username, now).find((each) => each.limit.scope === "customer");
    if (own !== undefined) warnings.push(say(own, "self"));
  } else {
    const reseller = level === "reseller" ? sources.spending.resellerStanding(username, now) : undefined;
    if (reseller !== undefined) warnings.push(say(reseller, "reseller"));
    const others = crowdedLimits(sources, level === "admin" ? undefined : username, now);
    if (others > 0) warnings.push({ level: "warning", text: page.t("limits.warn.others", { count: others }), href });
  }
  return warnings.filter((warning): warning is SpendWarning => warning !== undefined);
}

/** How many limits (a reseller's customers', or every one for the admin) are at 80 % or more this month. */
function crowdedLimits(sources: LimitSources, reseller: string | undefined, now: number): number {
  const customers = sources.limits.list("customer");
  const resellers = reseller === undefined ? sources.limits.list("reseller") : [];
  const mine = reseller === undefined ? customers : customers.filter((limit) => isCustomerOf(sources, limit, reseller));
  if (mine.length === 0 && resellers.length === 0) return 0;
  const spends = sources.spending.monthSpends(now, reseller);
  return [
    ...mine.map((limit) => standing(limit, spends.customer(limit.name))),
    ...resellers.map((limit) => standing(limit, spends.reseller(limit.name))),
  ].filter((state) => state.level !== "ok").length;
}

function isCustomerOf(sources: LimitSources, limit: SpendLimit, reseller: string): boolean {
  return sources.inventory.account(limit.name)?.creator === reseller;
}

/** A refused order as its reader reads it (the customer: their own words; the admin: the amounts and the fix). */
export function spendRefusalText(page: AuthenticatedContext, refusal: Reason): string {
  return reasonView(page, refusal)?.text ?? refusal.detail;
}
