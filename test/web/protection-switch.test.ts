import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import type { StoredProtectionState } from "../../src/model/protection-state.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { buttons, section, status } from "./protection-section.js";
import { form, postAs, seedTenants, startWebHarness, type WebHarness } from "./support.js";
import { reason } from "../../src/model/reason.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  // Every seeded account is on the package "default".
  setPolicy("opt-in");
});
afterEach(async () => {
  await h.close();
});

const setPolicy = (protectionChoice: "fixed" | "opt-in" | "opt-out") =>
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", protectionPeriod: "yearly", protectionChoice }),
    h.clock.now(),
  );

type Level = "user" | "reseller" | "admin";
const domainPage = async (level: Level, username: string, domain: string) =>
  (await h.visit({ level, session: h.da.login(username), query: `p=/domains/${domain}` })).stdout;

/** A POST from the visitor's raw page to `path`, its body made by `encode` from the fields and a CSRF token. */
const postTo = (
  level: Level,
  username: string,
  path: string,
  fields: Record<string, string>,
  options: { withToken?: boolean; encode?: typeof form } = {},
) => postAs(h, level, username, path, fields, options);
/** Posts to the protection route as the visitor would: `confirmed` only from the confirmation page. */
const post = (
  level: Level,
  username: string,
  fields: { domain: string; want: "on" | "off"; confirmed?: "yes" },
  withToken = true,
) => postTo(level, username, "/protection", fields, { withToken });
const confirmed = (level: Level, username: string, domain: string, want: "on" | "off") =>
  post(level, username, { domain, want, confirmed: "yes" });

/** The protection jobs waiting (seeding the accounts queued their zones' jobs too). */
const queued = () =>
  h.services.queue
    .list({ states: ["queued"], limit: 50 })
    .map((job) => `${job.jobKey ?? ""}@${job.lane}`)
    .filter((key) => /^(protect|unprotect|purge)/.test(key));
const protections = () => h.services.tasks.protections;

/** A service of alice.test in a stored state, with the price WEDOS reported for it. */
function service(state: StoredProtectionState, domain = "alice.test"): void {
  protections().recordOrdering(
    { domain, variant: "advanced", period: "yearly", mode: "ns", upstreamIps: ["192.0.2.10"] },
    h.clock.now(),
  );
  protections().update(domain, { state: "active", amount: "3490.00", currency: "CZK" }, h.clock.now());
  if (state !== "active")
    protections().update(domain, { state, reason: `WAPI said no (2283) for ${state}` }, h.clock.now());
  h.clock.advance(60_000);
}

describe("ordering protection is confirmed before anything is queued", () => {
  it("shows the plan, period and price, records and queues nothing, then orders on the confirming POST", async () => {
    const page = await domainPage("user", "alice", "alice.test");
    expect(status(page)).toEqual(["off", "off"]);
    expect(section(page)).toContain("Switching it on orders it from WEDOS: it is a paid service.");
    expect(section(page)).toContain("Advanced, yearly");
    expect(buttons(page)).toEqual(["Switch protection on"]);

    const confirmation = await post("user", "alice", { domain: "alice.test", want: "on" });
    expect(confirmation.status).toBe(200);
    expect(confirmation.body).toContain("Order protection for alice.test?");
    expect(confirmation.body).toMatch(/<dt>Plan<\/dt><dd>Advanced<\/dd>/);
    expect(confirmation.body).toMatch(/<dt>Billing period<\/dt><dd>yearly<\/dd>/);
    expect(confirmation.body).toContain("price unknown — WEDOS will charge its list price");
    expect(confirmation.body).toMatch(
      /<input type="hidden" name="confirmed" value="yes">\s*<button type="submit">Confirm the order<\/button>/,
    );
    expect(protections().choice("alice.test")).toBeUndefined();
    expect(queued()).toEqual([]);
    expect(h.services.wapi.calls.latest(10)).toEqual([]);

    const result = await confirmed("user", "alice", "alice.test", "on");
    expect(result.status).toBe(200);
    expect(result.body).toContain("Protection of alice.test will be switched on within a minute.");
    expect(status(result.body)).toEqual(["ordered", "ordered"]);
    expect(buttons(result.body)).toEqual(["Withdraw the order"]);
    expect(queued()).toContain("protect-domain:alice.test@interactive");
    expect(protections().choice("alice.test")).toMatchObject({ wanted: true, by: "alice" });
    expect(h.services.wapi.calls.latest(10)).toEqual([]);
  });

  it("shows the price WEDOS last charged for the same plan", async () => {
    service("active", "bob.test");
    const confirmation = await post("user", "alice", { domain: "alice.test", want: "on" });
    expect(confirmation.body).toContain("3490.00 CZK (the price WEDOS last charged for this plan)");
  });

  it("answers a script with the confirmation, and queues nothing", async () => {
    const answer = await postTo(
      "user",
      "alice",
      "/protection",
      { domain: "alice.test", want: "on" },
      {
        encode: (fields) => JSON.stringify(fields),
      },
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      confirm: { domain: "alice.test", plan: "Advanced", period: "yearly", want: "on" },
    });
    expect(queued()).toEqual([]);
  });

  it("needs a CSRF token on the confirming POST", async () => {
    const result = await post("user", "alice", { domain: "alice.test", want: "on", confirmed: "yes" }, false);
    expect(result.status).toBe(403);
    expect(protections().choice("alice.test")).toBeUndefined();
    expect(queued()).toEqual([]);
  });
});

describe("switching an active protection off", () => {
  it("confirms with what WEDOS charged, then shows one state: being switched off, and no buttons", async () => {
    service("active");
    protections().choose("alice.test", true, "alice", h.clock.now());
    const page = await domainPage("user", "alice", "alice.test");
    expect(status(page)).toEqual(["active", "active"]);
    expect(buttons(page)).toEqual(["Purge cache", "Switch protection off"]);
    expect(section(page)).toContain("Active since");

    const confirmation = await post("user", "alice", { domain: "alice.test", want: "off" });
    expect(confirmation.body).toContain("Switch off protection of alice.test?");
    expect(confirmation.body).toContain("3490.00 CZK (what WEDOS charged for this service)");
    expect(confirmation.body).toContain("Switching it on later is a new order, paid again.");
    expect(queued()).toEqual([]);

    const result = await confirmed("user", "alice", "alice.test", "off");
    expect(result.body).toContain("Protection of alice.test will be switched off within a minute.");
    expect(queued()).toContain("unprotect-domain:alice.test@interactive");
    // The page the issue found: "active", Purge cache, "being switched off" and "Switch protection on" at once.
    expect(status(result.body)).toEqual(["switching-off", "being switched off"]);
    expect(buttons(result.body)).toEqual([]);
    expect(section(result.body)).not.toContain("Active since");
    expect((await confirmed("user", "alice", "alice.test", "on")).status).toBe(409);
  });

  it("withdraws an order not sent yet without queueing anything or charging", async () => {
    protections().choose("alice.test", true, "alice", h.clock.now());
    const confirmation = await post("user", "alice", { domain: "alice.test", want: "off" });
    expect(confirmation.body).toContain("Nothing has been ordered from WEDOS yet, so nothing is charged.");
    expect(confirmation.body).toMatch(/<dt>Price<\/dt><dd class="wedos-price">nothing is charged<\/dd>/);
    const result = await confirmed("user", "alice", "alice.test", "off");
    expect(result.body).toContain("The protection order for alice.test is withdrawn; nothing was charged.");
    expect(status(result.body)).toEqual(["off", "off"]);
    expect(queued()).toEqual([]);
  });
});

describe("each state allows only its actions, and the route refuses the others", () => {
  const refused = async (want: "on" | "off", level: Level = "user", username = "alice") => {
    const confirmation = await post(level, username, { domain: "alice.test", want });
    const result = await confirmed(level, username, "alice.test", want);
    return [confirmation.status, result.status];
  };

  it.each([
    ["ordering", [], ["on", "off"]],
    ["pending", ["Switch protection off"], ["on"]],
    ["active", ["Purge cache", "Switch protection off"], ["on"]],
  ] as const)("%s: buttons %j; %j refused", async (state, shown, wants) => {
    service(state);
    expect(buttons(await domainPage("user", "alice", "alice.test"))).toEqual(shown);
    for (const want of wants) expect(await refused(want)).toEqual([409, 409]);
    expect(queued()).toEqual([]);
  });

  it("refuses switching on or off where nothing is ordered and nothing was chosen", async () => {
    expect(await refused("off")).toEqual([409, 409]);
    setPolicy("fixed");
    expect(buttons(await domainPage("user", "alice", "alice.test"))).toEqual([]);
    expect(await refused("on")).toEqual([409, 409]);
    const refusal = await post("user", "alice", { domain: "alice.test", want: "on" });
    expect(refusal.body).toContain("Protection of this domain cannot be switched here now");
    expect(queued()).toEqual([]);
  });

  it("refuses purging a service that is being switched off", async () => {
    service("active");
    protections().choose("alice.test", false, "alice", h.clock.now());
    expect((await postTo("user", "alice", "/purge", { domain: "alice.test" })).status).toBe(409);
    expect(queued()).toEqual([]);
  });

  it("lets a reseller and the admin act on their customers' domains, and nobody on others'", async () => {
    expect((await confirmed("reseller", "res1", "bob.test", "on")).status).toBe(200);
    expect((await confirmed("admin", "admin", "carol.test", "on")).status).toBe(200);
    expect(protections().choice("bob.test")?.by).toBe("res1");

    expect((await post("reseller", "res2", { domain: "alice.test", want: "on" })).status).toBe(404);
    expect((await confirmed("reseller", "res2", "alice.test", "on")).status).toBe(404);
    expect((await confirmed("user", "carol", "alice.test", "on")).status).toBe(404);
    expect(protections().choice("alice.test")).toBeUndefined();
    expect(queued()).not.toContain("protect-domain:alice.test@interactive");
  });
});

describe("error states", () => {
  it("a failed order: the customer reads plain words; the admin reads WEDOS's and may order again", async () => {
    setPolicy("fixed");
    service("error");
    const customer = await domainPage("user", "alice", "alice.test");
    expect(status(customer)).toEqual(["order-failed", "order failed"]);
    expect(section(customer)).toContain("The order did not go through. Your provider has been told");
    expect(customer).not.toContain("2283");
    expect(buttons(customer)).toEqual([]);

    const admin = await domainPage("admin", "admin", "alice.test");
    expect(section(admin)).toContain("WAPI said no (2283) for error");
    expect(buttons(admin)).toEqual(["Order again"]);
    expect((await post("admin", "admin", { domain: "alice.test", want: "on" })).body).toContain("Confirm the order");
    const result = await confirmed("admin", "admin", "alice.test", "on");
    expect(queued()).toContain("protect-domain:alice.test@interactive");
    expect(status(result.body)).toEqual(["ordered", "ordered"]);
  });

  it("a failed zone: no 'sent shortly', no order", async () => {
    setPolicy("opt-out");
    h.inventory.setDnsStatus("alice.test", "error", reason("wedos-refused", "WEDOS refused the zone"), h.clock.now());
    const page = await domainPage("user", "alice", "alice.test");
    expect(status(page)).toEqual(["zone-failed", "cannot be ordered yet"]);
    expect(page).not.toMatch(/sent (to WEDOS )?(shortly|within)/);
    expect(buttons(page)).toEqual(["Withdraw the order"]);
    expect(section(await domainPage("admin", "admin", "alice.test"))).toContain(
      "The order follows the first sync that puts the zone there.",
    );
  });

  it("a refused cancellation: the service still runs, the admin may try again, and the page then says so", async () => {
    service("cancel-failed");
    protections().choose("alice.test", false, "alice", h.clock.now() - 120_000);
    const page = await domainPage("user", "alice", "alice.test");
    expect(status(page)).toEqual(["cancel-failed", "switching off failed"]);
    expect(section(page)).toContain("Switching off did not go through, so the service still runs.");
    expect(section(page)).not.toContain("Active since");
    expect(buttons(page)).toEqual(["Try switching off again"]);
    const result = await confirmed("admin", "admin", "alice.test", "off");
    expect(queued()).toContain("unprotect-domain:alice.test@interactive");
    expect(status(result.body)).toEqual(["switching-off", "being switched off"]);
  });
});

describe("a domain that is not active", () => {
  it("says nothing runs and nothing will be ordered while it is suspended, and offers no order", async () => {
    setPolicy("opt-out");
    h.inventory.setDomainState("alice.test", "suspended", null, h.clock.now());
    const page = await domainPage("user", "alice", "alice.test");
    expect(status(page)).toEqual(["off", "off"]);
    expect(section(page)).toContain("Protection can be ordered only while the domain is active in the panel.");
    expect(buttons(page)).toEqual([]);
    expect((await post("user", "alice", { domain: "alice.test", want: "on" })).status).toBe(409);
  });
});

describe("'Active since'", () => {
  it("is gone once the service is removed, and stays gone through a new order until it is active again", async () => {
    service("active");
    expect(protections().get("alice.test")?.activatedAt).not.toBeNull();
    protections().update("alice.test", { state: "removed" }, h.clock.now());
    expect(protections().get("alice.test")?.activatedAt).toBeNull();
    expect(section(await domainPage("user", "alice", "alice.test"))).not.toContain("Active since");

    protections().recordOrdering(
      { domain: "alice.test", variant: "advanced", period: "yearly", mode: "ns", upstreamIps: [] },
      h.clock.now(),
    );
    protections().update("alice.test", { state: "pending" }, h.clock.now());
    expect(section(await domainPage("user", "alice", "alice.test"))).not.toContain("Active since");
    h.clock.advance(3_600_000);
    protections().update("alice.test", { state: "active" }, h.clock.now());
    expect(protections().get("alice.test")?.activatedAt).toBe(h.clock.now());
  });
});

describe("in Czech", () => {
  it("names the state, the next step and the confirmation in Czech", async () => {
    h.da.setLanguage("alice", "cs");
    const page = await domainPage("user", "alice", "alice.test");
    expect(status(page)).toEqual(["off", "vypnutá"]);
    expect(buttons(page)).toEqual(["Zapnout ochranu"]);
    const confirmation = await post("user", "alice", { domain: "alice.test", want: "on" });
    expect(confirmation.body).toContain("Objednat ochranu domény alice.test?");
    expect(confirmation.body).toContain("cena neznámá — WEDOS účtuje podle svého ceníku");
    expect(confirmation.body).toContain("Potvrdit objednávku");
  });
});
