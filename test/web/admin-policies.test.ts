import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const policiesPage = () => h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/policies" });
const save = async (fields: Record<string, string>) => {
  const token = csrfTokenIn((await policiesPage()).stdout);
  return parseRaw(
    (
      await h.visit({
        level: "admin",
        file: "index.raw",
        session: h.da.login("admin"),
        method: "POST",
        query: "p=/policies/save",
        post: form({ csrf: token, ...fields }),
      })
    ).stdout,
  );
};
const gold = {
  package: "gold",
  dnsMode: "primary",
  protection: "advanced",
  protectionPeriod: "yearly",
  protectionMode: "cname",
  onSuspend: "withdraw",
  termination: "delete",
  graceDays: "14",
  zoneQuota: "5",
};

describe("the admin's package policies page", () => {
  it("shows the default policy with labelled controls", async () => {
    const { stdout } = await policiesPage();
    expect(stdout).toContain("<legend>Package *</legend>");
    expect(stdout).toMatch(/<label for="policy-0-dnsMode">DNS<\/label>/);
    expect(stdout).toContain('<option value="primary" selected>primary</option>');
  });

  it("saves a package's policy, the same one the daemon and the CLI use", async () => {
    const result = await save(gold);
    expect(result.status).toBe(200);
    expect(result.body).toContain("The policy of gold is saved.");
    expect(h.services.tasks.policies.forPackage("gold")).toMatchObject({
      package: "gold",
      protection: "advanced",
      protectionPeriod: "yearly",
      onSuspend: "withdraw",
      graceDays: 14,
      zoneQuota: 5,
    });
  });

  it("refuses bad input with every problem named, and changes nothing", async () => {
    const result = await save({ ...gold, package: "../etc", protection: "platinum", graceDays: "-3" });
    expect(result.status).toBe(400);
    expect(result.body).toContain("The package name must be * or a DirectAdmin package name");
    expect(result.body).toContain("Protection: choose one of the offered values.");
    expect(result.body).toContain("Grace days: enter a whole number from 0 to 365.");
    expect(h.services.tasks.policies.list().map((policy) => policy.package)).toEqual(["*"]);
  });
});
