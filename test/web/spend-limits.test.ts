import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { policySchema } from "../../src/model/policy.js";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { chargeEntry } from "../support/ledger-entries.js";
import { postAs, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", protectionChoice: "opt-in" }),
    h.clock.now(),
  );
});
afterEach(async () => {
  await h.close();
});

type Level = "user" | "reseller" | "admin";
const CZK = (minor: number) => money(minor, "CZK");
const limits = () => new SpendLimitStore(h.services.db);
/** A paid period of `retail` billed to a customer of res1 or res2 on the harness's day (10 March 2026). */
const billed = (username: string, retail: number) =>
  new UsageLedgerStore(h.services.db).append(
    chargeEntry(username, "2026-03-10", retail, { reseller: username === "carol" ? "res2" : "res1" }),
    h.clock.now(),
  );
const page = async (level: Level, username: string, path?: string) =>
  (await h.visit({ level, session: h.da.login(username), ...(path === undefined ? {} : { query: `p=${path}` }) }))
    .stdout;
const postTo = (level: Level, username: string, path: string, fields: Record<string, string>) =>
  postAs(h, level, username, path, fields);
const setLimit = (level: Level, username: string, scope: string, name: string, amount: string) =>
  postTo(level, username, "/billing/limits/set", { scope, name, amount });

describe("the protection switch under a spending limit", () => {
  it("refuses to order past the customer's limit at the confirmation, saying why, and queues nothing", async () => {
    limits().set({ scope: "customer", name: "alice", amount: CZK(500) }, "admin admin", 0);
    billed("alice", 501);
    for (const confirmed of [{}, { confirmed: "yes" }] as Array<Record<string, string>>) {
      const answer = await postTo("user", "alice", "/protection", { domain: "alice.test", want: "on", ...confirmed });
      expect(answer.status).toBe(409);
      expect(answer.body).toContain(
        "Not ordered: it costs 0.00 CZK and would take this month over your spending limit of 5.00 CZK.",
      );
    }
    expect(h.services.stores.protections.choice("alice.test")).toBeUndefined();
    expect(h.services.queue.list({ states: ["queued"], limit: 50 }).some((job) => job.task === "protect-domain")).toBe(
      false,
    );
    const admin = await postTo("admin", "admin", "/protection", { domain: "alice.test", want: "on" });
    expect(admin.body).toContain("would take the month of alice over its spending limit of 5.00 CZK");
    // Under the limit the confirmation is shown as before.
    limits().set({ scope: "customer", name: "alice", amount: CZK(1_000) }, "admin admin", 0);
    const fits = await postTo("user", "alice", "/protection", { domain: "alice.test", want: "on" });
    expect(fits.status).toBe(200);
    expect(fits.body).toContain('name="confirmed" value="yes"');
  });

  it("tells a customer refused by the reseller's limit nothing of the reseller's amounts", async () => {
    limits().set({ scope: "reseller", name: "res1", amount: CZK(1_234) }, "admin admin", 0);
    billed("bob", 1_235);
    const answer = await postTo("user", "alice", "/protection", { domain: "alice.test", want: "on" });
    expect(answer.status).toBe(409);
    expect(answer.body).toContain("a monthly spending limit set by the provider does not allow it this month");
    expect(answer.body).not.toContain("12.34");
    expect(answer.body).not.toContain("res1");
  });
});

describe("the limits page", () => {
  it("lets a reseller set its own customers' limits up to its own, and nobody else's", async () => {
    limits().set({ scope: "reseller", name: "res1", amount: CZK(20_000) }, "admin admin", 0);
    const shown = await page("reseller", "res1", "/billing/limits");
    expect(shown).toContain("Your customers together may be billed CZK 200.00 a month");
    expect(shown).toContain(">alice</th>");
    expect(shown).toContain(">bob</th>");
    expect(shown).not.toContain("carol");

    const saved = await setLimit("reseller", "res1", "customer", "bob", "150");
    expect(saved.status).toBe(200);
    expect(saved.body).toContain("The monthly limit of bob is now CZK 150.00.");
    expect(limits().get("customer", "bob")).toMatchObject({ amount: CZK(15_000), setBy: "reseller res1" });
    expect(new BillingAuditStore(h.services.db).list({ subject: "customer bob" })[0]?.actor).toBe("reseller res1");

    const above = await setLimit("reseller", "res1", "customer", "bob", "200.01");
    expect(above.status).toBe(400);
    expect(above.body).toContain("A customer&#39;s limit cannot be higher than your own monthly limit of CZK 200.00.");
    const removing = await setLimit("reseller", "res1", "customer", "bob", "");
    expect(removing.body).toContain("Your own monthly limit applies to your customers");
    const others = await setLimit("reseller", "res1", "customer", "carol", "10");
    expect(others.status).toBe(404);
    expect(others.body).toContain("carol is not one of your customers.");
    const own = await setLimit("reseller", "res1", "reseller", "res1", "999");
    expect(own.status).toBe(400);
    expect(own.body).toContain("Only the server&#39;s administrator sets a reseller&#39;s limit.");
    expect(limits().get("customer", "carol")).toBeUndefined();
    expect(limits().get("reseller", "res1")?.amount).toEqual(CZK(20_000));
    const bad = await setLimit("reseller", "res1", "customer", "bob", "12.345");
    expect(bad.body).toContain("Write the limit as an amount such as 500.00");
  });

  it("lets the admin set resellers' and anyone's limits, and is no page for a customer", async () => {
    const shown = await page("admin", "admin", "/billing/limits");
    expect(shown).toContain(">res1</th>");
    expect(shown).toContain(">carol</th>");
    expect((await setLimit("admin", "admin", "reseller", "res2", "1 000")).body).toContain(
      "The monthly limit of res2 is now CZK 1,000.00.",
    );
    expect((await setLimit("admin", "admin", "customer", "carol", "0")).status).toBe(200);
    expect(limits().get("customer", "carol")?.amount).toEqual(CZK(0));
    expect((await setLimit("admin", "admin", "customer", "nobody", "5")).body).toContain(
      "There is no account nobody on this server.",
    );
    const user = await h.visit({ level: "user", session: h.da.login("alice"), query: "p=/billing/limits" });
    expect(user.stdout).not.toContain("Spending limits");
    expect((await setLimit("user", "alice", "customer", "alice", "999")).status).toBe(404);
    expect(limits().get("customer", "alice")).toBeUndefined();
  });

  it("shows the month's bill against each limit in the visitor's format, with the 80 % warning", async () => {
    limits().set({ scope: "customer", name: "alice", amount: CZK(100_000) }, "admin admin", 0);
    billed("alice", 80_000);
    const czech = await h.visit({
      level: "reseller",
      session: h.da.login("res1"),
      query: "p=/billing/limits",
      env: { LANGUAGE: "cs" },
    });
    expect(czech.stdout).toContain("1 000,00 Kč");
    expect(czech.stdout).toContain("800,00 Kč");
    expect(czech.stdout).toContain('80 % <strong class="wedos-limit-state">vyčerpáno 80 % a více</strong>');
  });
});

describe("a limit set before the bills' currency changed", () => {
  it("keeps every page working, tells resellers and the admin to set it again, and refuses orders", async () => {
    limits().set({ scope: "customer", name: "alice", amount: money(5_000, "EUR") }, "admin admin", 0);
    expect(await page("user", "alice")).toContain("wedos-intro");
    expect(await page("admin", "admin")).toContain(
      "A spending limit is in another currency than the bills (CZK), so nothing paid can be ordered where it applies",
    );
    expect(await page("reseller", "res1", "/billing/limits")).toContain("in another currency than the bills");
    const order = await postTo("user", "alice", "/protection", { domain: "alice.test", want: "on" });
    expect(order.status).toBe(500);
    expect(h.services.stores.protections.choice("alice.test")).toBeUndefined();
  });
});

describe("the warnings at 80 %", () => {
  it("warn the customer, its reseller and the admin on their home pages, and nobody else", async () => {
    limits().set({ scope: "customer", name: "alice", amount: CZK(1_000) }, "admin admin", 0);
    billed("alice", 799);
    expect(await page("user", "alice")).not.toContain("wedos-spend-warning");
    billed("alice", 1);
    expect(await page("user", "alice")).toContain(
      "This month&#39;s bill has reached 80 % of your monthly spending limit (CZK 8.00 of CZK 10.00).",
    );
    expect(await page("reseller", "res1")).toContain("1 spending limit(s) are at 80 % or more this month.");
    expect(await page("admin", "admin")).toContain("1 spending limit(s) are at 80 % or more this month.");
    expect(await page("reseller", "res2")).not.toContain("wedos-spend-warning");
    expect(await page("user", "bob")).not.toContain("wedos-spend-warning");
    billed("alice", 201);
    expect(await page("user", "alice")).toContain("This month&#39;s bill is over your monthly spending limit");
  });
});
