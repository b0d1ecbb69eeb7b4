import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { NO_OFFER, type TermsLookup } from "../../src/billing/terms.js";
import { policySchema } from "../../src/model/policy.js";
import { BillingEvents } from "../../src/provisioning/billing-events.js";
import { planBillingOf } from "../../src/provisioning/plan-billing.js";
import { changeProtectionPlan } from "../../src/provisioning/tasks/plan-tasks.js";
import { protectDomain } from "../../src/provisioning/tasks/protection-tasks.js";
import { provisionDomain } from "../../src/provisioning/tasks/zone-tasks.js";
import { renewProtection } from "../../src/provisioning/tasks/renewal-tasks.js";
import { refreshTemplates } from "../../src/provisioning/tasks/template-tasks.js";
import { customerStatements } from "../../src/store/billing-statements.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await h.close();
});

const savePolicy = (pkg: string, settings: Record<string, unknown>) =>
  new PolicyStore(h.services.db).save(
    pkg,
    policySchema.parse({ protection: "advanced", protectionMode: "cname", ...settings }),
    h.clock.now(),
  );
const ledger = () => new UsageLedgerStore(h.services.db).upTo("2099-12-31");
/** The charges renewals wrote (the order's own charge at activation is written by the activation). */
const renewalCharges = () =>
  ledger().filter((entry) => entry.event === "charge" && entry.eventKey.startsWith("protection:renewal:"));
/** Requests of a command WEDOS accepted (1000 done, 1001 accepted). */
const sent = (command: string) =>
  h.commands().filter((c) => c.command === command && c.code !== null && c.code < 2000).length;
const atWedos = (domain: string) => h.sim.simulator.dump().wgpServices.find((service) => service.domain === domain);
const plans = () => h.services.tasks.plans;
const MONTHLY_RETAIL: Record<string, number> = {
  "protection/start/monthly": 99_00,
  "protection/advanced/monthly": 490_00,
  "protection/expert/monthly": 1_490_00,
};

/** Sells every protection plan at its monthly retail price: the ledger's writer and the tasks read the same terms. */
function sellAtMonthlyPrices(): void {
  const terms: TermsLookup = ({ product }) => ({
    ...NO_OFFER,
    offerId: 7,
    retail: money(MONTHLY_RETAIL[product] ?? 0, "CZK"),
  });
  h.services.tasks.planBilling = planBillingOf({ terms });
  h.services.tasks.billing = new BillingEvents({
    db: h.services.db,
    ledger: new UsageLedgerStore(h.services.db),
    priceBook: new PriceBookStore(h.services.db),
    inventory: h.services.stores.inventory,
    timeZone: h.services.config.billing.timeZone,
    terms,
  });
}

/** A customer on `pkg` whose protection is active (ordered with the account, activated, its notification read). */
async function protectedCustomer(username: string, pkg: string): Promise<string> {
  await h.da.createUser(newUser(username, `${username}.test`, pkg));
  await h.settleAll(10 * 60_000);
  expect(h.services.tasks.protections.get(`${username}.test`)?.state).toBe("active");
  return `${username}.test`;
}

describe("the customer's choice of plan and period", () => {
  it("changes the service at WEDOS once, records the change in the ledger once, and settles the choice", async () => {
    savePolicy("choose", { planChoice: "customer" });
    const domain = await protectedCustomer("ada", "choose");
    plans().choose(domain, "expert", "yearly", "ada", h.clock.now());
    h.services.queue.enqueue(changeProtectionPlan, { domain });
    await h.settle();

    expect(atWedos(domain)).toMatchObject({ variant_id: "3", period_id: "4" });
    expect(h.services.tasks.protections.get(domain)).toMatchObject({ variant: "expert", period: "yearly" });
    expect(plans().choice(domain)).toMatchObject({ state: "done", reason: null });
    const changes = ledger().filter((entry) => entry.event === "change");
    expect(changes).toMatchObject([
      {
        username: "ada",
        domain,
        product: "protection/expert/yearly",
        actor: "customer ada",
        day: "2026-03-10",
        eventKey: `protection:change:${domain}:1`,
      },
    ]);
    expect(changes[0]?.note).toBe("from protection/advanced/monthly");

    // The same job again (a restart) finds the service on its plan: nothing more is sent or written.
    h.services.queue.enqueue(changeProtectionPlan, { domain });
    await h.settle();
    expect(sent("wgp-domain-update-subscription")).toBe(1);
    expect(ledger().filter((entry) => entry.event === "change")).toHaveLength(1);
  });

  it("is refused by the spending check with its reason, and nothing is sent to WEDOS", async () => {
    savePolicy("choose", { planChoice: "customer" });
    const domain = await protectedCustomer("bob", "choose");
    const asked: unknown[] = [];
    h.services.tasks.planBilling = planBillingOf({
      terms: ({ product }) => ({ ...NO_OFFER, offerId: 7, retail: money(MONTHLY_RETAIL[product] ?? 0, "CZK") }),
      checkSpend: (request) => {
        asked.push(request);
        return { allowed: false, reason: "this month's limit of CZK 500.00 would be passed" };
      },
    });
    plans().choose(domain, "expert", "monthly", "bob", h.clock.now());
    h.services.queue.enqueue(changeProtectionPlan, { domain });
    await h.settle();

    expect(asked).toEqual([
      { username: "bob", reseller: "admin", product: "protection/expert/monthly", price: money(1_490_00, "CZK") },
    ]);
    expect(sent("wgp-domain-update-subscription")).toBe(0);
    expect(atWedos(domain)).toMatchObject({ variant_id: "2" });
    expect(plans().choice(domain)).toMatchObject({
      state: "refused",
      reason: "this month's limit of CZK 500.00 would be passed",
    });
    // A refused choice is not retried by the upkeep either.
    await h.reconcile();
    expect(sent("wgp-domain-update-subscription")).toBe(0);

    // Moving to a cheaper plan is never refused by the limit: the check is not even asked.
    plans().choose(domain, "start", "monthly", "bob", h.clock.now());
    h.services.queue.enqueue(changeProtectionPlan, { domain });
    await h.settle();
    expect(asked).toHaveLength(1);
    expect(atWedos(domain)).toMatchObject({ variant_id: "1", period_id: "1" });
  });

  it("bills the old plan's paid period and the new plan from the renewal after the change", async () => {
    sellAtMonthlyPrices();
    savePolicy("choose", { planChoice: "customer" });
    const domain = await protectedCustomer("kim", "choose");
    h.clock.set("2026-03-20T10:00:00Z");
    plans().choose(domain, "expert", "monthly", "kim", h.clock.now());
    h.services.queue.enqueue(changeProtectionPlan, { domain });
    await h.settle();
    h.clock.set("2026-04-07T10:00:00Z");
    await h.reconcile();

    expect(ledger().filter((entry) => entry.domain === domain && entry.product !== "zone")).toMatchObject([
      { event: "start", day: "2026-03-10", product: "protection/advanced/monthly" },
      { event: "charge", day: "2026-03-10", product: "protection/advanced/monthly" },
      { event: "change", day: "2026-03-20", product: "protection/expert/monthly", actor: "customer kim" },
      { event: "charge", day: "2026-04-07", product: "protection/expert/monthly" },
    ]);
    const lines = (month: string) =>
      customerStatements(h.services.db, h.services.config.billing, month, { username: "kim" })[0]
        ?.lines.filter((line) => line.product !== "zone")
        .map((line) => [line.product, line.from, line.to, line.retail.minor]);
    // March bills the advanced period paid at the order; the expert plan is billed from the period renewed after it.
    expect(lines("2026-03")).toEqual([["protection/advanced/monthly", "2026-03-10", "2026-04-09", 490_00]]);
    expect(lines("2026-04")).toEqual([["protection/expert/monthly", "2026-04-10", "2026-05-09", 1_490_00]]);
  });

  it("is ignored where the package sets the plan", async () => {
    savePolicy("fixed-plan", {});
    const domain = await protectedCustomer("cleo", "fixed-plan");
    plans().choose(domain, "expert", "yearly", "cleo", h.clock.now());
    h.services.queue.enqueue(changeProtectionPlan, { domain });
    await h.settle();
    expect(sent("wgp-domain-update-subscription")).toBe(0);
    expect(h.services.tasks.protections.get(domain)?.variant).toBe("advanced");
  });
});

describe("a package change", () => {
  it("moves DirectAdmin's running service to the new package's plan, found by the reconciler without a hook", async () => {
    savePolicy("basic", { protection: "start" });
    savePolicy("pro", { protection: "expert", protectionPeriod: "yearly" });
    const domain = await protectedCustomer("dan", "basic");
    const conf = h.layout.userConf("dan");
    writeFileSync(conf, readFileSync(conf, "utf8").replace(/^package=.*$/m, "package=pro"));
    const report = await h.reconcile();
    await h.settleAll(60_000);

    expect(report?.accounts).toEqual([{ username: "dan", change: "package" }]);
    expect(atWedos(domain)).toMatchObject({ variant_id: "3", period_id: "4" });
    expect(h.services.tasks.protections.get(domain)).toMatchObject({ variant: "expert", period: "yearly" });
    expect(ledger().filter((entry) => entry.event === "change")).toMatchObject([
      { domain, product: "protection/expert/yearly", actor: "panel" },
    ]);
    expect(sent("wgp-domain-create")).toBe(1);
  });
});

describe("renewal", () => {
  it("sets paid-until from the activation day, renews three days before it ends, and charges the ledger once", async () => {
    savePolicy("monthly", {});
    const domain = await protectedCustomer("eve", "monthly");
    await h.reconcile();
    expect(plans().service(domain)?.paidUntil).toBe("2026-04-10");
    const creditBefore = Number(h.sim.simulator.dump().credit.amount);

    h.clock.set("2026-04-06T10:00:00Z"); // four days left: not yet
    await h.reconcile();
    expect(sent("wgp-domain-renew")).toBe(0);

    h.clock.set("2026-04-07T10:00:00Z"); // three days left
    await h.reconcile();
    expect(sent("wgp-domain-renew")).toBe(1);
    expect(Number(h.sim.simulator.dump().credit.amount)).toBe(creditBefore - 490);
    expect(plans().service(domain)).toMatchObject({ paidUntil: "2026-05-10" });
    const charges = renewalCharges();
    expect(charges).toMatchObject([
      {
        eventKey: `protection:renewal:${domain}:2026-04-10`,
        day: "2026-04-07",
        product: "protection/advanced/monthly",
        wholesale: money(490_00, "CZK"),
        coversFrom: "2026-04-10",
        coversTo: "2026-05-09",
        actor: "daemon",
      },
    ]);
    expect(charges[0]?.reference).toMatch(/^2026\d{6}$/);
    expect(new PriceBookStore(h.services.db).latest("protection/advanced/monthly")).toMatchObject({
      price: money(490_00, "CZK"),
      source: "wedos-renew",
    });

    await h.reconcile();
    expect(sent("wgp-domain-renew")).toBe(1);
  });

  it("a renewal queued twice, and run again after it was paid, pays and charges once", async () => {
    savePolicy("monthly", {});
    const domain = await protectedCustomer("lea", "monthly");
    await h.reconcile();
    h.clock.set("2026-04-08T10:00:00Z");
    h.services.queue.enqueue(renewProtection, { domain });
    h.services.queue.enqueue(renewProtection, { domain });
    await h.settle();
    h.services.queue.enqueue(renewProtection, { domain });
    await h.settle();
    expect(sent("wgp-domain-renew")).toBe(1);
    expect(renewalCharges()).toHaveLength(1);
    const prices = new PriceBookStore(h.services.db).history("protection/advanced/monthly");
    expect(prices.map((price) => price.source)).toEqual(["wedos-renew", "wedos-order"]); // newest first
  });

  it("after a renewal whose answer was lost (or one WEDOS made itself), asks WEDOS and pays nothing again", async () => {
    savePolicy("monthly", {});
    const domain = await protectedCustomer("finn", "monthly");
    await h.reconcile();
    h.clock.set("2026-04-08T10:00:00Z");
    // The renewal reached WEDOS, and the daemon died before it could write the answer.
    await h.services.wapi.wgp.domainRenew(domain, "monthly");
    const credit = h.sim.simulator.dump().credit.amount;

    h.services.queue.enqueue(renewProtection, { domain });
    await h.settle();
    expect(sent("wgp-domain-renew")).toBe(1);
    expect(h.sim.simulator.dump().credit.amount).toBe(credit);
    expect(plans().service(domain)).toMatchObject({ paidUntil: "2026-05-10" });
    // The period was paid, so it is billed; what WEDOS took is left to reconciliation with its credit movements.
    expect(renewalCharges()).toMatchObject([
      {
        eventKey: `protection:renewal:${domain}:2026-04-10`,
        wholesale: null,
        coversFrom: "2026-04-10",
        coversTo: "2026-05-09",
        note: "renewed at WEDOS; its answer was not seen, so its amount is not known",
      },
    ]);
    // The same period again (the job run once more): still one charge.
    h.services.queue.enqueue(renewProtection, { domain });
    await h.settle();
    expect(renewalCharges()).toHaveLength(1);
  });

  it("renews nothing for a service WEDOS no longer has, and shows it ended", async () => {
    savePolicy("monthly", {});
    const domain = await protectedCustomer("hana", "monthly");
    await h.reconcile();
    await h.services.wapi.wgp.domainDelete(domain); // ended in WEDOS's administration
    h.clock.set("2026-04-08T10:00:00Z");
    await h.reconcile();
    expect(sent("wgp-domain-renew")).toBe(0);
    expect(h.services.tasks.protections.get(domain)).toMatchObject({
      state: "removed",
      reason: "WEDOS no longer has the service, so it was not renewed",
    });
    expect(renewalCharges()).toEqual([]);
    expect(ledger().filter((entry) => entry.event === "stop")).toMatchObject([
      { domain, day: "2026-04-08", product: "protection/advanced/monthly", actor: "daemon" },
    ]);
  });

  it("lets a service lapse on its paid-until day when the terms say so, and does not order it again", async () => {
    savePolicy("once", {});
    const domain = await protectedCustomer("gia", "once");
    h.services.tasks.planBilling = planBillingOf({
      terms: () => ({ ...NO_OFFER, renewal: "lapse" }),
    });
    h.clock.set("2026-04-07T10:00:00Z");
    await h.reconcile();
    expect(atWedos(domain)).toBeDefined();

    h.clock.set("2026-04-10T08:00:00Z");
    await h.reconcile();
    expect(sent("wgp-domain-renew")).toBe(0);
    expect(atWedos(domain)).toBeUndefined();
    expect(h.services.tasks.protections.get(domain)).toMatchObject({ state: "removed" });
    // Stopped on its paid-until day, the first day not paid (a stop's day is no longer billed).
    expect(ledger().filter((entry) => entry.event === "stop")).toMatchObject([
      { domain, day: "2026-04-10", eventKey: `protection:stop:${domain}:1`, actor: "daemon" },
    ]);

    h.services.queue.enqueue(provisionDomain, { domain });
    await h.settleAll(60_000);
    expect(sent("wgp-domain-create")).toBe(1);
    expect(plans().lapsedOn(domain)).toBe("2026-04-10");
  });

  it("never renews or orders a lapsed service by itself; a person's order starts it afresh, lapse cleared", async () => {
    savePolicy("once", {});
    const domain = await protectedCustomer("jay", "once");
    h.services.tasks.planBilling = planBillingOf({ terms: () => ({ ...NO_OFFER, renewal: "lapse" }) });
    h.clock.set("2026-04-10T08:00:00Z");
    await h.reconcile();
    await h.settleAll(60_000);
    expect(plans().lapsedOn(domain)).toBe("2026-04-10");
    const orderJobs = () =>
      h.services.queue
        .list({ states: ["queued", "running", "done", "dead"], limit: 1000 })
        .filter((job) => job.task === "protect-domain").length;
    const ordersBefore = orderJobs();

    // A month on, with the terms renewing again: the upkeep, the syncs and a provisioning leave it alone.
    h.services.tasks.planBilling = planBillingOf();
    h.clock.set("2026-05-08T10:00:00Z");
    await h.reconcile();
    h.services.queue.enqueue(provisionDomain, { domain });
    await h.settleAll(60_000);
    expect(sent("wgp-domain-renew")).toBe(0);
    expect(sent("wgp-domain-create")).toBe(1);
    // Not even a job is queued for it (the sync of its zone used to queue an order that then did nothing).
    expect(orderJobs()).toBe(ordersBefore);

    // The customer switches it on again: a new order, a new paid period, and no longer lapsed.
    h.services.tasks.protections.choose(domain, true, "jay", h.clock.now());
    h.services.queue.enqueue(protectDomain, { domain }, { lane: "interactive" });
    await h.settleAll(10 * 60_000);
    expect(sent("wgp-domain-create")).toBe(2);
    expect(h.services.tasks.protections.get(domain)?.state).toBe("active");
    expect(plans().lapsedOn(domain)).toBeUndefined();
    const protection = ledger().filter((entry) => entry.domain === domain && entry.product !== "zone");
    expect(protection.map((entry) => `${entry.day} ${entry.event}`)).toEqual([
      "2026-03-10 start",
      "2026-03-10 charge",
      "2026-04-10 stop",
      "2026-05-08 start",
      "2026-05-08 charge",
    ]);
  });
});

describe("templates", () => {
  it("fetches the list by a job, orders new services with the package's template, replicates when it changes", async () => {
    savePolicy("plain", {});
    const first = await protectedCustomer("hal", "plain");
    const second = await protectedCustomer("ivy", "plain");
    h.services.queue.enqueue(refreshTemplates, {});
    await h.settle();
    const listed = plans().templates();
    expect(listed.map((template) => template.domain)).toEqual([first, second]);
    const [hal, ivy] = listed.map((template) => template.templateId) as [string, string];

    savePolicy("templated", { protectionTemplate: hal });
    const third = await protectedCustomer("jon", "templated");
    expect(atWedos(third)).toMatchObject({ template_domain_id: hal });

    savePolicy("templated", { protectionTemplate: ivy });
    await h.reconcile();
    expect(atWedos(third)).toMatchObject({ template_domain_id: ivy });
    expect(plans().service(third)?.templateId).toBe(ivy);
    await h.reconcile();
    expect(sent("wgp-domain-template-replicate")).toBe(1);
  });
});
