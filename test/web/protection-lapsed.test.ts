import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { chargeEntry } from "../support/ledger-entries.js";
import { buttons, section, status } from "./protection-section.js";
import { postAs, seedTenants, startWebHarness, type WebHarness } from "./support.js";

/**
 * A service that ran out at the end of its paid period under an offer that does not renew it: every level sees it
 * lapsed, with the day, and only a person may order it again (confirmed and within the spending limits, as any order).
 */
let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  setPolicy("opt-in");
  lapse("alice.test");
});
afterEach(async () => {
  await h.close();
});

const setPolicy = (protectionChoice: "fixed" | "opt-in") =>
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", protectionPeriod: "monthly", protectionChoice }),
    h.clock.now(),
  );

/** The customer switched protection on, it ran for a month, and lapsed on 8 March 2026 under its offer. */
function lapse(domain: string): void {
  const { protections, plans } = h.services.tasks;
  protections.choose(domain, true, "alice", h.clock.now());
  h.clock.advance(60_000);
  protections.recordOrdering(
    { domain, variant: "advanced", period: "monthly", mode: "cname", upstreamIps: ["192.0.2.10"] },
    h.clock.now(),
  );
  protections.update(domain, { state: "active", amount: "490.00", currency: "CZK" }, h.clock.now());
  const reason = "the paid period ended on 2026-03-08 and the offer lets it lapse";
  protections.update(domain, { state: "removed", reason }, h.clock.now());
  plans.markLapsed(domain, "2026-03-08", h.clock.now());
  h.clock.advance(60_000);
}

type Level = "user" | "reseller" | "admin";
const domainPage = async (level: Level, username: string, language = "en") =>
  (
    await h.visit({
      level,
      session: h.da.login(username),
      query: "p=/domains/alice.test",
      env: { LANGUAGE: language },
    })
  ).stdout;
const orderJobs = () =>
  h.services.queue.list({ states: ["queued"], limit: 50 }).filter((job) => job.task === "protect-domain");

describe("a lapsed protection service", () => {
  it("shows as lapsed, with the day, to the customer, the reseller and the admin, and offers to order it again", async () => {
    for (const [level, username] of [
      ["user", "alice"],
      ["reseller", "res1"],
      ["admin", "admin"],
    ] as const) {
      const page = await domainPage(level, username);
      expect(status(page), level).toEqual(["lapsed", "lapsed"]);
      expect(section(page)).toMatch(/<dt>Lapsed on<\/dt><dd>8 Mar 2026<\/dd>/);
      expect(section(page)).toContain("nothing more is billed for it. Ordering it again is a new, paid order.");
      expect(buttons(page)).toEqual(["Order again"]);
      // Nothing of the old service is shown as if it still ran.
      expect(section(page)).not.toContain("Active since");
      expect(section(page)).not.toContain("the offer lets it lapse");
    }
  });

  it("is worded in Czech", async () => {
    const page = await domainPage("user", "alice", "cs");
    expect(status(page)).toEqual(["lapsed", "vypršela"]);
    expect(section(page)).toMatch(/<dt>Vypršela dne<\/dt><dd>8\. 3\. 2026<\/dd>/);
    expect(section(page)).toContain("Nová objednávka je znovu placená.");
  });

  it("under a package that sets the plan, tells the customer who can order it and lets only the admin", async () => {
    setPolicy("fixed");
    const customer = await domainPage("user", "alice");
    expect(status(customer)).toEqual(["lapsed", "lapsed"]);
    expect(section(customer)).toContain("Your provider can order it again.");
    expect(buttons(customer)).toEqual([]);
    const refused = await postAs(h, "user", "alice", "/protection", { domain: "alice.test", want: "on" });
    expect(refused.status).toBe(409);
    expect(buttons(await domainPage("admin", "admin"))).toEqual(["Order again"]);
  });

  it("is ordered again only after confirmation and within the spending limit, like any order", async () => {
    const limits = new SpendLimitStore(h.services.db);
    limits.set({ scope: "customer", name: "alice", amount: money(500, "CZK") }, "admin admin", 0);
    // This month's bill already passes the limit.
    new UsageLedgerStore(h.services.db).append(chargeEntry("alice", "2026-03-10", 501), h.clock.now());
    const over = await postAs(h, "user", "alice", "/protection", { domain: "alice.test", want: "on" });
    expect(over.status).toBe(409);
    expect(over.body).toContain("would take this month over your spending limit");

    limits.set({ scope: "customer", name: "alice", amount: money(100_000, "CZK") }, "admin admin", 0);
    const confirmation = await postAs(h, "user", "alice", "/protection", { domain: "alice.test", want: "on" });
    expect(confirmation.status).toBe(200);
    expect(confirmation.body).toContain("Order protection for alice.test?");
    expect(orderJobs()).toEqual([]);

    const fields = { domain: "alice.test", want: "on", confirmed: "yes" };
    const ordered = await postAs(h, "user", "alice", "/protection", fields);
    expect(ordered.status).toBe(200);
    expect(status(ordered.body)).toEqual(["ordered", "ordered"]);
    expect(orderJobs().map((job) => job.jobKey)).toEqual(["protect-domain:alice.test"]);
  });
});
