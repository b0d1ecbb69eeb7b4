import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  h.da.createPackage("admin", "gold");
  h.services.tasks.plans.replaceTemplates([{ templateId: "4711", domain: "template.example" }], h.clock.now());
});
afterEach(async () => {
  await h.close();
});

const policiesPage = () => h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/policies" });
const save = async (fields: Record<string, string>) => {
  const csrf = csrfTokenIn((await policiesPage()).stdout);
  const run = await h.visit({
    level: "admin",
    file: "index.raw",
    session: h.da.login("admin"),
    method: "POST",
    query: "p=/policies/save",
    post: form({ csrf, ...fields }),
  });
  return parseRaw(run.stdout);
};
const gold = {
  package: "gold",
  dnsMode: "primary",
  protection: "advanced",
  protectionPeriod: "monthly",
  protectionMode: "cname",
  protectionChoice: "fixed",
  planChoice: "customer",
  protectionTemplate: "4711",
  onSuspend: "keep",
  termination: "delete",
  graceDays: "7",
  zoneQuota: "0",
};
const goldPolicy = () => h.services.tasks.policies.forPackage("gold");

describe("the plan settings of a package policy", () => {
  it("offers the stored templates, saves the plan choice and a listed template", async () => {
    const page = (await policiesPage()).stdout;
    expect(page).toContain('<option value="4711">template.example (4711)</option>');
    expect(page).toContain('<option value="customer">Yes, on the domain&#39;s page</option>');
    expect((await save(gold)).status).toBe(200);
    expect(goldPolicy()).toMatchObject({ package: "gold", planChoice: "customer", protectionTemplate: "4711" });
  });

  it("refuses a template WEDOS did not list (every order with it would fail), saving nothing", async () => {
    const refused = await save({ ...gold, protectionTemplate: "999" });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(
      "Choose a template from the list: 999 is not one of the WEDOS account&#39;s services.",
    );
    expect(goldPolicy().package).toBe("*");
  });

  it("keeps a template WEDOS no longer lists, named as such, and the plan settings while protection is off", async () => {
    await save(gold);
    h.services.tasks.plans.replaceTemplates([], h.clock.now());
    expect((await policiesPage()).stdout).toContain("4711 (no longer at WEDOS)");
    expect((await save(gold)).status).toBe(200);
    // Switching protection off disables (and so does not send) the protection settings: they are kept.
    const { protectionTemplate: _t, planChoice: _p, protectionPeriod: _d, protectionMode: _m, ...rest } = gold;
    const { protectionChoice: _c, ...off } = rest;
    expect((await save({ ...off, protection: "off" })).status).toBe(200);
    expect(goldPolicy()).toMatchObject({ protection: "off", planChoice: "customer", protectionTemplate: "4711" });
  });
});
