import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema, protectionWanted } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";
import { provisionDomain as provisionDomainTask } from "../../src/provisioning/tasks/zone-tasks.js";
import { protectDomain, unprotectDomain } from "../../src/provisioning/tasks/protection-tasks.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await h.close();
});

const customer = (username: string, pkg: string) => ({
  username,
  domain: `${username}.test`,
  package: pkg,
  ip: "192.0.2.10",
  email: `${username}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});
const policy = (pkg: string, choice: "fixed" | "opt-out" | "opt-in") =>
  new PolicyStore(h.services.db).save(
    pkg,
    policySchema.parse({ protection: "advanced", protectionMode: "cname", protectionChoice: choice }),
    h.clock.now(),
  );
const creates = () => h.commands().filter((c) => c.command === "wgp-domain-create").length;
const serviceAtWedos = (domain: string) =>
  h.sim.simulator.dump().wgpServices.some((service) => service.domain === domain);
const choose = (domain: string, wanted: boolean) => {
  h.services.tasks.protections.choose(domain, wanted, "someone", h.clock.now());
  h.services.queue.enqueue(wanted ? protectDomain : unprotectDomain, { domain }, { lane: "interactive" });
};

describe("protectionWanted", () => {
  it.each([
    ["off", "opt-in", true, false],
    ["advanced", "fixed", false, true],
    ["advanced", "opt-out", undefined, true],
    ["advanced", "opt-out", false, false],
    ["advanced", "opt-in", undefined, false],
    ["advanced", "opt-in", true, true],
  ] as const)("protection %s, choice %s, chosen %s → %s", (protection, protectionChoice, wanted, expected) => {
    expect(protectionWanted({ protection, protectionChoice }, wanted)).toBe(expected);
  });
});

describe("protection the customer switches", () => {
  it("opt-in: nothing is ordered until switched on; switching off ends the service; both are recorded for billing", async () => {
    policy("choose", "opt-in");
    await h.da.createUser(customer("mia", "choose"));
    await h.settleAll();
    expect(h.services.tasks.protections.get("mia.test")).toBeUndefined();
    expect(creates()).toBe(0);

    choose("mia.test", true);
    await h.settleAll();
    expect(h.services.tasks.protections.get("mia.test")).toMatchObject({ state: "active", variant: "advanced" });
    expect(serviceAtWedos("mia.test")).toBe(true);

    choose("mia.test", false);
    await h.settleAll();
    expect(h.services.tasks.protections.get("mia.test")).toMatchObject({
      state: "removed",
      reason: "switched off on the domain's page by someone",
    });
    expect(serviceAtWedos("mia.test")).toBe(false);
    expect(
      h.services.tasks.protections.billing().map(({ kind, domain, username }) => ({ kind, domain, username })),
    ).toEqual([
      { kind: "protection-order", domain: "mia.test", username: "mia" },
      { kind: "protection-cancel", domain: "mia.test", username: "mia" },
    ]);
  });

  it("opt-out: ordered with the account; once switched off, re-provisioning does not order it again", async () => {
    policy("included", "opt-out");
    await h.da.createUser(customer("noah", "included"));
    await h.settleAll();
    expect(h.services.tasks.protections.get("noah.test")?.state).toBe("active");
    choose("noah.test", false);
    await h.settleAll();
    h.services.queue.enqueue(provisionDomainTask, { domain: "noah.test" }, { lane: "background" });
    await h.settleAll();
    expect(h.services.tasks.protections.get("noah.test")?.state).toBe("removed");
    expect(creates()).toBe(1);
  });

  it("a quick on and off orders nothing: the tasks act on the latest choice", async () => {
    policy("choose", "opt-in");
    await h.da.createUser(customer("olga", "choose"));
    await h.settleAll();
    choose("olga.test", true);
    choose("olga.test", false);
    await h.settleAll();
    expect(creates()).toBe(0);
    expect(h.services.tasks.protections.billing()).toEqual([]);
  });
});
