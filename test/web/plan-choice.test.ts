import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { parseProductKey } from "../../src/billing/product.js";
import { NO_OFFER, type TermsLookup } from "../../src/billing/terms.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  setPolicy("customer");
  active("alice.test");
  active("carol.test");
});
afterEach(async () => {
  await h.close();
});

/** Retail prices per period from an offer: 100 CZK per plan step a month, ten months a year. */
const OFFER_TERMS: TermsLookup = ({ product }) => {
  const parsed = parseProductKey(product);
  if (parsed.service !== "protection") return NO_OFFER;
  const step = { start: 1, advanced: 2, expert: 15 }[parsed.plan];
  const months = parsed.period === "yearly" ? 10 : 1;
  return { ...NO_OFFER, offerId: 3, retail: money(step * months * 100_00, "CZK"), renewal: "renew" };
};

const setPolicy = (planChoice: "fixed" | "customer") =>
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", protectionPeriod: "monthly", planChoice }),
    h.clock.now(),
  );
const protections = () => h.services.tasks.protections;
function active(domain: string): void {
  protections().recordOrdering(
    { domain, variant: "advanced", period: "monthly", mode: "ns", upstreamIps: ["192.0.2.10"] },
    h.clock.now(),
  );
  protections().update(domain, { state: "active", activatedAt: h.clock.now() }, h.clock.now());
  h.services.tasks.plans.setPaidUntil(domain, "2026-04-10", h.clock.now());
}

type Level = "user" | "reseller" | "admin";
const page = async (level: Level, username: string, domain: string, language?: string) => {
  if (language !== undefined) h.da.setLanguage(username, language);
  return (await h.visit({ level, session: h.da.login(username), query: `p=/domains/${domain}` })).stdout;
};
const post = async (level: Level, username: string, fields: Record<string, string>) => {
  const csrf = csrfTokenIn((await h.visit({ level, session: h.da.login(username) })).stdout);
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(username),
    method: "POST",
    query: "p=/billing/plan/change",
    post: form({ ...fields, csrf }),
  });
  return parseRaw(run.stdout);
};
const planJobs = () =>
  h.services.queue
    .list({ states: ["queued"], limit: 50 })
    .filter((job) => job.jobKey?.startsWith("change-protection-plan:"))
    .map((job) => `${job.jobKey ?? ""}@${job.lane}`);

describe("the plan section of a domain's page", () => {
  it("shows the plan, the paid-until day and each plan with the offer's retail price, in the visitor's language", async () => {
    h.services.saleTerms = OFFER_TERMS;
    const en = await page("user", "alice", "alice.test", "en");
    expect(en).toContain("Advanced, monthly: CZK 200.00");
    expect(en).toContain("Expert, yearly: CZK 15,000.00");
    expect(en).toContain("10 Apr 2026");
    expect(en).toContain("Renewed automatically before that day.");
    const cs = await page("user", "alice", "alice.test", "cs");
    expect(cs).toContain("Expert, ročně: 15 000,00 Kč");
    expect(cs).toContain("10. 4. 2026");
  });

  it("shows the plan without prices when no offer prices it, and no choice where the package sets the plan", async () => {
    expect(await page("user", "alice", "alice.test", "en")).toContain(
      '<option value="expert/yearly">Expert, yearly</option>',
    );
    setPolicy("fixed");
    const fixed = await page("user", "alice", "alice.test", "en");
    expect(fixed).toContain("Plan and period");
    expect(fixed).not.toContain('name="plan"');
  });
});

describe("changing the plan", () => {
  it("asks to confirm with the price, then records the choice and queues the change in the interactive lane", async () => {
    h.services.saleTerms = OFFER_TERMS;
    const ask = await post("user", "alice", { domain: "alice.test", plan: "expert/yearly" });
    expect(ask.status).toBe(200);
    expect(ask.body).toContain("Expert, yearly: CZK 15,000.00");
    expect(ask.body).toContain('name="confirmed" value="yes"');
    expect(planJobs()).toEqual([]);
    expect(h.services.tasks.plans.choice("alice.test")).toBeUndefined();

    const done = await post("user", "alice", { domain: "alice.test", plan: "expert/yearly", confirmed: "yes" });
    expect(done.status).toBe(200);
    expect(done.body).toContain("The plan of alice.test will change to Expert, yearly.");
    expect(planJobs()).toEqual(["change-protection-plan:alice.test@interactive"]);
    expect(h.services.tasks.plans.choice("alice.test")).toMatchObject({
      variant: "expert",
      period: "yearly",
      by: "alice",
      state: "waiting",
    });
    expect(await page("user", "alice", "alice.test", "en")).toContain("Changing to Expert, yearly…");
  });

  it("refuses another tenant's domain, a plan not offered, the current plan and a package that sets the plan", async () => {
    expect(
      (await post("user", "alice", { domain: "carol.test", plan: "expert/yearly", confirmed: "yes" })).status,
    ).toBe(404);
    expect((await post("reseller", "res1", { domain: "carol.test", plan: "start/monthly" })).status).toBe(404);
    const bad = await post("user", "alice", { domain: "alice.test", plan: "platinum/weekly" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Choose one of the plans listed.");
    expect((await post("user", "alice", { domain: "alice.test", plan: "advanced/monthly" })).status).toBe(409);
    setPolicy("fixed");
    const fixed = await post("user", "alice", { domain: "alice.test", plan: "expert/yearly", confirmed: "yes" });
    expect(fixed.status).toBe(409);
    expect(fixed.body).toContain("The plan of this domain is set by its hosting package.");
    expect(planJobs()).toEqual([]);
  });

  it("lets the reseller change its customer's plan, and shows a refusal with its reason", async () => {
    const done = await post("reseller", "res1", { domain: "alice.test", plan: "start/yearly", confirmed: "yes" });
    expect(done.status).toBe(200);
    expect(h.services.tasks.plans.choice("alice.test")).toMatchObject({ by: "res1", variant: "start" });
    h.services.tasks.plans.settleChoice("alice.test", "refused", "this month's limit of CZK 500.00 would be passed");
    expect(await page("user", "alice", "alice.test", "en")).toContain(
      "The change to Start, yearly was not made: this month&#39;s limit of CZK 500.00 would be passed",
    );
  });
});
