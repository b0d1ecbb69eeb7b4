import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  h.da.createPackage("admin", "gold");
  h.da.createPackage("admin", "silver");
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

  it("offers the panel's own packages that have no policy yet, and refuses a name the panel does not offer", async () => {
    const before = (await policiesPage()).stdout;
    expect(before).toMatch(
      /<select id="policy-new-package" name="package" required>\s*<option value="gold">gold<\/option><option value="silver">silver<\/option>\s*<\/select>/,
    );
    expect((await save(gold)).status).toBe(200);
    const after = (await policiesPage()).stdout;
    expect(after).toMatch(
      /<select id="policy-new-package" name="package" required>\s*<option value="silver">silver<\/option>\s*<\/select>/,
    );
    const made = await save({ ...gold, package: "platinum" });
    expect(made.status).toBe(400);
    expect(made.body).toContain("platinum is not a package of the panel: choose one from the list.");
    expect(h.services.tasks.policies.list().map((policy) => policy.package)).toEqual(["*", "gold"]);
  });

  it("says when every package has a policy, and marks a policy whose package the panel no longer offers", async () => {
    await save(gold);
    await save({ ...gold, package: "silver" });
    let page = (await policiesPage()).stdout;
    expect(page).toContain("Every package the panel offers has a policy of its own.");
    expect(page).not.toContain('id="policy-new-package"');
    rmSync(join(h.da.layout.userPackagesDir("admin"), "gold.pkg"));
    page = (await policiesPage()).stdout;
    expect(page).toContain("The panel does not offer this package (any more)");
  });

  it("explains every field, and disables the protection settings while no protection is ordered", async () => {
    const { stdout } = await policiesPage();
    for (const field of ["dnsMode", "protection", "protectionPeriod", "onSuspend", "graceDays", "zoneQuota"])
      expect(stdout).toContain(`aria-describedby="policy-0-${field}-help"`);
    expect(stdout).toContain('<small id="policy-0-graceDays-help">Days between deleting a domain here');
    expect(stdout).toMatch(/<fieldset class="wedos-policy-protection" data-protection-fields disabled>/);
    await save(gold);
    const czech = (
      await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/policies", env: { LANGUAGE: "cs" } })
    ).stdout;
    // gold orders protection: its protection settings are enabled, with the price (none charged yet).
    expect(czech).toMatch(
      /<legend>Balíček gold<\/legend>[\s\S]*?<fieldset class="wedos-policy-protection" data-protection-fields>/,
    );
    expect(czech).toContain("cena neznámá — WEDOS naúčtuje cenu podle svého ceníku");
    expect(czech).toContain("Dny mezi smazáním domény zde a odstraněním její zóny u WEDOS");
  });

  it("shows the price WEDOS last charged for the plan and period", async () => {
    await save(gold);
    h.services.db
      .prepare(
        `INSERT INTO protections (domain, variant, period, mode, upstream_ips, state, amount, currency, updated_at)
         VALUES ('alice.test', 'advanced', 'yearly', 'cname', '[]', 'active', '1790.00', 'CZK', 1)`,
      )
      .run();
    expect((await policiesPage()).stdout).toContain("1790.00 CZK (yearly): what WEDOS last charged for this plan");
  });

  it("keeps a policy's protection settings when it is saved with protection off (the disabled fields are not sent)", async () => {
    await save(gold);
    const { protectionPeriod, protectionMode, protectionChoice, ...sent } = { ...gold, protection: "off" } as Record<
      string,
      string
    >;
    expect([protectionPeriod, protectionMode, protectionChoice]).toEqual(["yearly", "cname", undefined]);
    expect((await save(sent)).status).toBe(200);
    expect(h.services.tasks.policies.forPackage("gold")).toMatchObject({
      protection: "off",
      protectionPeriod: "yearly",
      protectionMode: "cname",
    });
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
