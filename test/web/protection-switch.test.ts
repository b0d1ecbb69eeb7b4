import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  // Every seeded account is on the package "default".
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", protectionPeriod: "yearly", protectionChoice: "opt-in" }),
    h.clock.now(),
  );
});
afterEach(async () => {
  await h.close();
});

type Level = "user" | "reseller" | "admin";
const domainPage = async (level: Level, username: string, domain: string) =>
  (await h.visit({ level, session: h.da.login(username), query: `p=/domains/${domain}` })).stdout;
const switchProtection = async (
  level: Level,
  username: string,
  domain: string,
  want: "on" | "off",
  withToken = true,
) => {
  const token: Record<string, string> = withToken
    ? { csrf: csrfTokenIn((await h.visit({ level, session: h.da.login(username) })).stdout) }
    : {};
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(username),
    method: "POST",
    query: "p=/protection",
    post: form({ domain, want, ...token }),
  });
  return parseRaw(run.stdout);
};
const queued = () =>
  h.services.queue.list({ states: ["queued"], limit: 50 }).map((job) => `${job.jobKey ?? ""}@${job.lane}`);

describe("switching protection on a domain's page", () => {
  it("offers the package's plan to the customer and queues the order in the interactive lane", async () => {
    const page = await domainPage("user", "alice", "alice.test");
    expect(page).toContain(
      "Protection (Advanced, yearly) is available for this domain. It is a paid service: switching it on orders it.",
    );
    expect(page).toMatch(
      /<input type="hidden" name="want" value="on">[\s\S]*?<button type="submit" aria-describedby="wedos-protection-switch-help">Switch protection on<\/button>/,
    );

    const result = await switchProtection("user", "alice", "alice.test", "on");
    expect(result.status).toBe(200);
    expect(result.body).toContain("Protection of alice.test will be switched on within a minute.");
    expect(result.body).toContain("Being switched on: the order is sent shortly.");
    expect(result.body).toContain("Switch protection off");
    expect(queued()).toContain("protect-domain:alice.test@interactive");
    expect(h.services.tasks.protections.choice("alice.test")).toMatchObject({ wanted: true, by: "alice" });
    expect(h.services.wapi.calls.latest(10)).toEqual([]);
  });

  it("switches an active protection off", async () => {
    h.services.tasks.protections.recordOrdering(
      { domain: "alice.test", variant: "advanced", period: "yearly", mode: "ns", upstreamIps: [] },
      h.clock.now(),
    );
    h.services.tasks.protections.update("alice.test", { state: "active" }, h.clock.now());
    h.services.tasks.protections.choose("alice.test", true, "alice", h.clock.now());
    expect(await domainPage("user", "alice", "alice.test")).toContain(
      "Switching protection off ends the WEDOS Global service for this domain",
    );
    const result = await switchProtection("user", "alice", "alice.test", "off");
    expect(result.body).toContain("Protection of alice.test will be switched off within a minute.");
    expect(queued()).toContain("unprotect-domain:alice.test@interactive");
  });

  it("lets a reseller and the admin act on their customers' domains, and nobody on others'", async () => {
    expect((await switchProtection("reseller", "res1", "bob.test", "on")).status).toBe(200);
    expect((await switchProtection("admin", "admin", "carol.test", "on")).status).toBe(200);
    expect(h.services.tasks.protections.choice("bob.test")?.by).toBe("res1");

    const foreign = await switchProtection("reseller", "res2", "alice.test", "on");
    expect(foreign.status).toBe(404);
    expect((await switchProtection("user", "carol", "alice.test", "on")).status).toBe(404);
    expect(h.services.tasks.protections.choice("alice.test")).toBeUndefined();
    expect(queued()).not.toContain("protect-domain:alice.test@interactive");
  });

  it("needs a CSRF token", async () => {
    const result = await switchProtection("user", "alice", "alice.test", "on", false);
    expect(result.status).toBe(403);
    expect(h.services.tasks.protections.choice("alice.test")).toBeUndefined();
  });

  it("is not offered, and refused, where the package does not let the customer choose", async () => {
    new PolicyStore(h.services.db).save(
      "default",
      policySchema.parse({ protection: "advanced", protectionChoice: "fixed" }),
      h.clock.now(),
    );
    expect(await domainPage("user", "alice", "alice.test")).not.toContain("Switch protection");
    const refused = await switchProtection("user", "alice", "alice.test", "on");
    expect(refused.status).toBe(409);
    expect(refused.body).toContain("Protection of this domain cannot be switched here");
    expect(queued()).not.toContain("protect-domain:alice.test@interactive");
  });

  it("is not offered while an order is in flight", async () => {
    h.services.tasks.protections.recordOrdering(
      { domain: "alice.test", variant: "advanced", period: "yearly", mode: "ns", upstreamIps: [] },
      h.clock.now(),
    );
    expect(await domainPage("user", "alice", "alice.test")).not.toContain("Switch protection");
    expect((await switchProtection("user", "alice", "alice.test", "off")).status).toBe(409);
  });

  it("speaks Czech", async () => {
    h.da.setLanguage("alice", "cs");
    expect(await domainPage("user", "alice", "alice.test")).toContain("Zapnout ochranu");
  });
});
