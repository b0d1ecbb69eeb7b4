import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { historyPassword } from "../../src/demo/billing-history.js";
import { DEMO_TEMPLATE_DOMAIN } from "../../src/demo/business.js";
import { finishDemoBusiness, LIMITED_CUSTOMER } from "../../src/demo/business-finish.js";
import { demoPaths } from "../../src/demo/paths.js";
import { startDemoStack, type DemoStack } from "../../src/demo/stack.js";
import { spendCheckFor } from "../../src/provisioning/spend-check.js";
import { requestMonthFetch } from "../../src/provisioning/tasks/credit-tasks.js";
import { OfferStore } from "../../src/store/offer-store.js";
import { ProtectionPlanStore } from "../../src/store/protection-plan-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { pageUrl } from "../../src/web/urls.js";
import { PanelClient } from "../panel/directadmin/front/support.js";

/**
 * The demo's first start with its reselling business (`npm start`), on a manual clock: the daemon's work is driven
 * here until WEDOS activated what was ordered, then the billing pages of each level are read through the emulated
 * DirectAdmin, as a visitor would.
 */
let stack: DemoStack;
let clock: ManualClock;
let finished = false;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "wedos-demo-business-"));
  clock = new ManualClock("2026-03-10T09:00:00Z");
  stack = await start();
  const { services } = stack;
  // The daemon's loop, by hand: ingest the hooks' events, run what is due, let a minute pass.
  for (let minute = 0; minute < 10 && !finished; minute++) {
    services.ingest();
    await services.worker.runUntilIdle(500);
    finished = finishDemoBusiness(services, clock.now());
    clock.advance(60_000);
  }
  for (let round = 0; round < 3; round++) {
    clock.advance(60_000);
    await services.worker.runUntilIdle(500);
  }
}, 120_000);

const start = () =>
  startDemoStack({
    // Kept for the whole file (tempDir's directories go after each test); removed after all.
    paths: demoPaths(root),
    clock,
    ports: { front: 0, wapi: 0, dns: 0 },
    runDaemon: false,
    billingHistory: true,
    reconcileCron: "0 0 1 1 *",
    log: () => undefined,
  });

afterAll(async () => {
  await stack.close();
  rmSync(root, { recursive: true, force: true });
});

async function pageAs(username: string, path: string, params: Record<string, string> = {}): Promise<string> {
  const login = stack.logins.find((each) => each.username === username);
  const password = login?.password ?? historyPassword(username);
  const client = new PanelClient(stack.front.url);
  const signedIn = await client.login(username, password);
  expect(signedIn.status, signedIn.text.slice(0, 300)).toBe(303);
  const level = login?.usertype ?? "user";
  const answer = await client.get(pageUrl(level, "html", path, params));
  expect(answer.status, `${username} ${path}`).toBe(200);
  return answer.text;
}

describe("the demo's reselling business", () => {
  it("applies the provider's template once WEDOS lists it, and carries out the customer's plan choice", () => {
    expect(finished).toBe(true);
    const plans = new ProtectionPlanStore(stack.services.db);
    const template = plans.templates().find((each) => each.domain === DEMO_TEMPLATE_DOMAIN);
    expect(template).toBeDefined();
    expect(stack.services.tasks.policies.forPackage("business").protectionTemplate).toBe(template?.templateId);
    // Copied onto the running "business" services by the upkeep the finish queued.
    expect(plans.service("jan-law.test")?.templateId).toBe(template?.templateId);
    expect(plans.service("petr-garage.test")?.templateId).toBe(template?.templateId);
    expect(stack.services.tasks.protections.get("lucie-travel.test")).toMatchObject({
      state: "active",
      variant: "expert",
      period: "yearly",
    });
    expect(plans.choice("lucie-travel.test")?.state).toBe("done");
    // Paid until a period after WEDOS activated each service; the lapsed one is not ordered again.
    expect(plans.service("jan-law.test")?.paidUntil).toBe("2026-04-10");
    expect(plans.service("karel-studio.test")?.paidUntil).toBe("2027-03-10");
    expect(plans.lapsedOn("marek-cafe.test")).toBe("2026-02-24");
    expect(stack.services.tasks.protections.get("marek-cafe.test")?.state).toBe("removed");
  });

  it("puts the reseller's customer at about 85 % of the limit the reseller set, warned but not refused", () => {
    const [standing] = spendCheckFor(stack.services.db, stack.services.config.billing).standings(
      LIMITED_CUSTOMER,
      clock.now(),
    );
    expect(standing?.usedBp).toBeGreaterThanOrEqual(8_000);
    expect(standing?.usedBp).toBeLessThan(9_000);
    expect(stack.services.tasks.protections.get("petr-garage.test")?.state).toBe("active");
  });

  it("shows the admin the month's margin, and one reconciliation difference: the template's order", async () => {
    const billing = text(await pageAs("admin", "/billing"));
    expect(billing).toMatch(/March 2026 in total .*Margin CZK [1-9][\d,]*\.\d\d/);
    expect(billing).toMatch(/ reseller 5 CZK [\d,.]+ CZK [\d,.]+ CZK [1-9][\d,]*\.\d\d /);
    const reconciliation = await pageAs("admin", "/billing/reconciliation", { month: "2026-03" });
    expect(text(reconciliation)).toContain("4 charge(s) agree with the ledger.");
    const differences = reconciliation.match(/<tr class="wedos-difference-(?!top-up)[^"]*">[\s\S]*?<\/tr>/g) ?? [];
    expect(differences).toHaveLength(1);
    expect(differences[0]).toContain(`WEDOS Global Start – order – ${DEMO_TEMPLATE_DOMAIN}`);
  });

  it("lists the monthly services' renewals on the credit page: their credit is taken within 30 days", async () => {
    // Paid until 10 April: renewed on the 7th, 28 days from now. The yearly ones renew next year.
    const credit = text(await pageAs("admin", "/billing/credit"));
    const renewals = credit.slice(credit.indexOf("Renewals in the next 30 days"));
    expect(renewals).toContain("jan-law.test");
    expect(renewals).toContain("petr-garage.test");
    expect(renewals).not.toContain("karel-studio.test");
  });

  it("gives the WEDOS account the history's charges, so an earlier month reconciles without a difference", async () => {
    const { services } = stack;
    requestMonthFetch({ db: services.db, queue: services.queue, now: clock.now() }, "2026-02", "admin admin");
    await services.worker.runUntilIdle(50);
    const february = await pageAs("admin", "/billing/reconciliation", { month: "2026-02" });
    // petr's renewal and jan's order.
    expect(text(february)).toContain("2 charge(s) agree with the ledger.");
    expect(february).not.toContain('<tr class="wedos-difference');
  });

  it("shows the reseller their customers' margins, and a customer the trial month that lapsed", async () => {
    const reseller = text(await pageAs("reseller", "/billing", { month: "2026-02" }));
    expect(reseller).toMatch(/Your customers in February 2026 .*Margin CZK [1-9][\d,]*\.\d\d/);
    // The zone at "business"'s fixed 39 CZK and the renewal at its fixed 149 CZK; WEDOS took 99 CZK.
    expect(reseller).toContain(" petr 1 CZK 188.00 CZK 99.00 CZK 89.00 ");
    const january = text(await pageAs("marek", "/billing", { month: "2026-01" }));
    expect(january).toMatch(/marek-cafe\.test [^|]*Start[^|]*24 Jan 2026 – 23 Feb 2026/);
    // It lapsed: February bills the zone only, and nothing more was charged for protection.
    const february = text(await pageAs("marek", "/billing", { month: "2026-02" }));
    expect(february).toContain("Per domain Domain Price without VAT marek-cafe.test CZK 29.00 ");
    expect(february).not.toContain("Start");
  });

  it("starts again without seeding anything twice: no offer, limit, order or history is added", async () => {
    const counts = () => ({
      offers: new OfferStore(stack.services.db).list().length,
      limit: new SpendLimitStore(stack.services.db).get("customer", LIMITED_CUSTOMER)?.amount,
      ledger: new UsageLedgerStore(stack.services.db).lastId(),
      services: stack.sim.simulator.dump().wgpServices.length,
      template: stack.services.tasks.policies.forPackage("business").protectionTemplate,
    });
    const before = counts();
    expect(before.offers).toBe(4);
    expect(before.services).toBe(5); // the template, petr, jan, karel and lucie; not the lapsed trial
    await stack.close();
    stack = await start();
    stack.services.ingest();
    await stack.services.worker.runUntilIdle(500);
    expect(counts()).toEqual(before);
  });
});

/** A page's text without its markup, spaces collapsed. */
const text = (html: string): string => html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
