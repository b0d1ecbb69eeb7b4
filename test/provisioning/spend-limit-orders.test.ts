import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { NO_OFFER, type TermsLookup } from "../../src/billing/terms.js";
import { policySchema } from "../../src/model/policy.js";
import { decodeReason } from "../../src/model/reason.js";
import { spendCheckFor } from "../../src/provisioning/spend-check.js";
import { protectDomain } from "../../src/provisioning/tasks/protection-tasks.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { newUser, startProvisioningHarness, type ProvisioningHarness } from "../support/provisioning-harness.js";

let h: ProvisioningHarness;
beforeEach(async () => {
  h = await startProvisioningHarness();
  // The package's plan sells at 70.00 a month (the terms an offer would give).
  const terms: TermsLookup = ({ product }) =>
    product === "protection/advanced/monthly" ? { ...NO_OFFER, retail: money(7_000, "CZK") } : NO_OFFER;
  h.services.tasks.spending = spendCheckFor(h.services.db, h.services.config.billing, terms);
});
afterEach(async () => {
  await h.close();
});

const creates = () => h.commands().filter((c) => c.command === "wgp-domain-create").length;
const limits = () => new SpendLimitStore(h.services.db);

describe("the protection task under a spending limit", () => {
  it("orders nothing past the limit, says why, and orders once the limit is raised", async () => {
    new PolicyStore(h.services.db).save(
      "paid",
      policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
      h.clock.now(),
    );
    limits().set({ scope: "customer", name: "pia", amount: money(5_000, "CZK") }, "admin admin", h.clock.now());
    await h.da.createUser(newUser("pia", "pia.test", "paid"));
    await h.settleAll();

    expect(creates()).toBe(0);
    const row = h.services.tasks.protections.get("pia.test");
    expect(row).toMatchObject({ state: "error" });
    expect(row?.reason).toContain("it costs 70.00 CZK, which would bring the month of customer pia to 70.00");
    const [job] = h.services.queue.list({ limit: 50 }).filter((each) => each.task === "protect-domain");
    expect(job?.state).toBe("done");
    expect(decodeReason(job?.lastErrorCode ?? null, job?.lastError ?? null)).toMatchObject({
      code: "spend-limit",
      params: { limit: "50.00", price: "70.00", currency: "CZK", name: "pia" },
    });

    limits().set({ scope: "customer", name: "pia", amount: money(7_000, "CZK") }, "admin admin", h.clock.now());
    h.services.queue.enqueue(protectDomain, { domain: "pia.test" }, { lane: "interactive" });
    await h.settleAll();
    expect(creates()).toBe(1);
    expect(h.services.tasks.protections.get("pia.test")?.state).toBe("active");
  });

  it("never refuses an order a crash left unanswered: it is looked up at WEDOS, not ordered again", async () => {
    new PolicyStore(h.services.db).save(
      "paid",
      policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
      h.clock.now(),
    );
    await h.da.createUser(newUser("rob", "rob.test", "paid"));
    await h.settleAll();
    expect(creates()).toBe(1);
    // As if the worker died after sending the order: the row says "ordering", and the limit is now used up.
    h.services.tasks.protections.update("rob.test", { state: "ordering" }, h.clock.now());
    limits().set({ scope: "customer", name: "rob", amount: money(0, "CZK") }, "admin admin", h.clock.now());
    h.services.queue.enqueue(protectDomain, { domain: "rob.test" }, { lane: "interactive" });
    await h.settle();
    expect(creates()).toBe(1);
    // Found at WEDOS: the order went through, and its outcome is awaited (not refused, not sent twice).
    expect(h.services.tasks.protections.get("rob.test")).toMatchObject({
      state: "pending",
      reason: expect.stringMatching(/^ordered;/),
    });
  });
});
