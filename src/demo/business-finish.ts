import { dayOf, monthOf } from "../billing/calendar.js";
import { money } from "../billing/money.js";
import type { Services } from "../main.js";
import { policySchema } from "../model/policy.js";
import { planUpkeep } from "../provisioning/tasks/plan-upkeep.js";
import { requestMonthFetch } from "../provisioning/tasks/credit-tasks.js";
import { refreshTemplates } from "../provisioning/tasks/template-tasks.js";
import { spendCheckFor } from "../provisioning/spend-check.js";
import { ProtectionPlanStore } from "../store/protection-plan-store.js";
import { SpendLimitStore } from "../store/spend-limit-store.js";
import { DEMO_TEMPLATE_DOMAIN } from "./business.js";
import { DEMO_PACKAGES } from "./seed.js";

/** The customer whose month the demo puts at about 85 % of a spending limit, set by their reseller. */
export const LIMITED_CUSTOMER = "petr";

/**
 * A spending limit of the reseller's customer, set so that their month — its history and the protection the daemon
 * orders for them today — comes to about 85 % of it: the pages warn (from 80 %) and nothing is refused yet. The
 * limit is rounded up to a whole crown. Set once; a limit that exists is left as it is.
 */
export function seedDemoLimit(services: Pick<Services, "db" | "config">, now: number): void {
  const limits = new SpendLimitStore(services.db);
  if (limits.get("customer", LIMITED_CUSTOMER) !== undefined) return;
  const check = spendCheckFor(services.db, services.config.billing);
  const day = dayOf(now, services.config.billing.timeZone);
  const spent = check.monthSpends(now).customer(LIMITED_CUSTOMER).minor;
  const order = check.priceOf(LIMITED_CUSTOMER, "protection/start/monthly", day).minor;
  const amount = Math.ceil((spent + order) / 0.85 / 100) * 100;
  const currency = services.config.billing.currency;
  limits.set({ scope: "customer", name: LIMITED_CUSTOMER, amount: money(amount, currency) }, "reseller reseller", now);
}

/**
 * Finishes what the first start began once WEDOS has activated the services it ordered: the "business" package's
 * policy gets the provider's template service as its template (as the admin's policy form saves it, picked from the
 * template list the daemon fetched), and the plan upkeep is queued, which copies the template onto the running
 * services and carries out the customer's plan choice. While orders are pending it waits; while WEDOS does not list
 * the template it has the list fetched again, at most once a minute. Then this month's credit movements are asked
 * for, so the reconciliation page has the month to show. True when done.
 */
export function finishDemoBusiness(
  services: Pick<Services, "db" | "queue" | "tasks" | "stores" | "config">,
  now: number,
): boolean {
  const policies = services.tasks.policies;
  const business = policies.forPackage(DEMO_PACKAGES.protected);
  if (business.protectionTemplate !== "") return true;
  if (services.stores.protections.pending().length > 0) return false;
  const plans = new ProtectionPlanStore(services.db);
  const template = plans.templates().find((each) => each.domain === DEMO_TEMPLATE_DOMAIN);
  if (template === undefined) {
    const fetched = plans.templatesFetchedAt();
    if (fetched === undefined || now - fetched >= 60_000) services.queue.enqueue(refreshTemplates, {});
    return false;
  }
  const policy = policySchema.parse({ ...business, protectionTemplate: template.templateId });
  policies.save(DEMO_PACKAGES.protected, policy, now);
  services.queue.enqueue(planUpkeep, {});
  // This month's movements, as the admin's "fetch" button asks for them: every order of the first start pairs with
  // its ledger charge, and the template's order is the one difference.
  const month = monthOf(dayOf(now, services.config.billing.timeZone));
  requestMonthFetch({ db: services.db, queue: services.queue, now }, month, "admin admin");
  return true;
}
