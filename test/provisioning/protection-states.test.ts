import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { provisionDomain, syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { protectDomain, unprotectDomain } from "../../src/provisioning/tasks/protection-tasks.js";
import { startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

/**
 * The tasks behind the protection states a page shows (src/model/protection-state.ts): a refused cancellation, a
 * failed order ordered again, an order that follows a zone once it is at WEDOS, and a new order after removal.
 */
let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
});
afterEach(async () => {
  await h.close();
});

const policy = (choice: "fixed" | "opt-out" | "opt-in") =>
  new PolicyStore(h.services.db).save(
    "pkg",
    policySchema.parse({ protection: "advanced", protectionMode: "cname", protectionChoice: choice }),
    h.clock.now(),
  );
const customer = async (username: string) => {
  await h.da.createUser({
    username,
    domain: `${username}.test`,
    package: "pkg",
    ip: "192.0.2.10",
    email: `${username}@example.test`,
    creator: "admin",
    password: "Secret-Password-1",
  });
  await h.settleAll();
};
const protection = (domain: string) => h.services.tasks.protections.get(domain);
const creates = () => h.commands().filter((c) => c.command === "wgp-domain-create").length;
const atWedos = (domain: string) => h.sim.simulator.dump().wgpServices.some((service) => service.domain === domain);
const choose = (domain: string, wanted: boolean) => {
  h.services.tasks.protections.choose(domain, wanted, "someone", h.clock.now());
  h.services.queue.enqueue(wanted ? protectDomain : unprotectDomain, { domain }, { lane: "interactive" });
};

describe("protection's error states, as the tasks leave them", () => {
  it("a cancellation WEDOS refuses is 'cancel-failed' (the service still runs); trying again ends it", async () => {
    policy("opt-in");
    await customer("mia");
    choose("mia.test", true);
    await h.settleAll();
    expect(protection("mia.test")?.state).toBe("active");

    h.sim.simulator.addFault({ command: "wgp-domain-delete", kind: "wapi-code", code: 2201, count: 1 });
    choose("mia.test", false);
    await h.settleAll();
    expect(protection("mia.test")).toMatchObject({ state: "cancel-failed", activatedAt: null });
    expect(protection("mia.test")?.reason).toContain("2201");
    expect(atWedos("mia.test")).toBe(true);

    choose("mia.test", false);
    await h.settleAll();
    expect(protection("mia.test")?.state).toBe("removed");
    expect(atWedos("mia.test")).toBe(false);
  });

  it("a failed order may be ordered again, and is ordered once", async () => {
    policy("opt-in");
    await customer("noah");
    h.sim.simulator.addFault({ command: "wgp-domain-create", kind: "wapi-code", code: 2283, count: 1 });
    choose("noah.test", true);
    await h.settleAll();
    expect(protection("noah.test")?.state).toBe("error");

    choose("noah.test", true);
    await h.settleAll();
    expect(protection("noah.test")).toMatchObject({ state: "active", reason: null });
    expect(protection("noah.test")?.activatedAt).not.toBeNull();
    expect(creates()).toBe(2);
    expect(h.sim.simulator.dump().wgpServices.filter((service) => service.domain === "noah.test")).toHaveLength(1);
  });

  it("after a failed zone, the first sync that puts the zone at WEDOS sends the order", async () => {
    policy("opt-out");
    h.sim.simulator.addFault({ command: "dns-domain-add", kind: "wapi-code", code: 2201, count: 1 });
    await customer("olga");
    expect(h.services.tasks.inventory.domain("olga.test")?.dnsStatus).toBe("error");
    expect(protection("olga.test")).toBeUndefined();
    expect(creates()).toBe(0);

    h.services.queue.enqueue(syncZone, { domain: "olga.test" }, { lane: "interactive" });
    await h.settleAll();
    expect(h.services.tasks.inventory.domain("olga.test")?.dnsStatus).toBe("active");
    expect(protection("olga.test")?.state).toBe("active");
    expect(creates()).toBe(1);
  });

  it("a sync of a protected zone orders nothing more", async () => {
    policy("fixed");
    await customer("piet");
    expect(protection("piet.test")?.state).toBe("active");
    h.services.queue.enqueue(syncZone, { domain: "piet.test" }, { lane: "interactive" });
    await h.settleAll();
    expect(creates()).toBe(1);
  });

  it("a domain provisioned again after its service was removed is ordered again, active since then", async () => {
    policy("fixed");
    await customer("quinn");
    const first = protection("quinn.test")?.activatedAt;
    // What remove-domain does once a deleted domain's grace period is over.
    await h.services.wapi.wgp.domainDelete("quinn.test");
    h.services.tasks.protections.update("quinn.test", { state: "removed" }, h.clock.now());
    expect(protection("quinn.test")?.activatedAt).toBeNull();
    h.clock.advance(3_600_000);
    h.services.queue.enqueue(provisionDomain, { domain: "quinn.test" }, { lane: "background" });
    await h.settleAll();
    expect(protection("quinn.test")?.state).toBe("active");
    expect(protection("quinn.test")?.activatedAt).toBeGreaterThan(first ?? Infinity);
  });
});
