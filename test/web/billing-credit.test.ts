import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import { protectDomain } from "../../src/provisioning/tasks/protection-tasks.js";
import { CreditStore } from "../../src/store/credit-store.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { ledgerCharge } from "../support/ledger-charge.js";
import { adminPost, csrfTokenIn, seedTenants, startWebHarness, type WebHarness } from "./support.js";

/** The admin's credit and reconciliation pages (10 March 2026): local reads only, actions queue jobs. */
let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness({ simulator: true });
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

const page = async (path: string, options: { level?: "admin" | "reseller" | "user"; cs?: boolean } = {}) => {
  const level = options.level ?? "admin";
  const login = { admin: "admin", reseller: "res1", user: "alice" }[level];
  return h.visit({
    level,
    session: h.da.login(login),
    query: `p=${path}`,
    ...(options.cs === true ? { env: { LANGUAGE: "cs" } } : {}),
  });
};
const post = (path: string, fields: Record<string, string>) => adminPost(h, path, fields);
const requestsAtWedos = () => h.sim?.simulator.dump().requestLog.length ?? 0;
const czk = (minor: number) => ({ minor, currency: "CZK" });
const credit = () => new CreditStore(h.services.db);
const balance = (minor: number) =>
  credit().recordBalance({ at: h.clock.now() - 2 * 3_600_000, balance: czk(minor), trigger: "schedule" });

/** alice's order of Advanced monthly (490.00) waits in the queue; bob's service renews on 20 March (490.00). */
function somethingComing(): void {
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", protectionMode: "cname" }),
    h.clock.now(),
  );
  new PriceBookStore(h.services.db).record({
    product: "protection/advanced/monthly",
    price: czk(49_000),
    source: "admin",
    reference: null,
    seenAt: h.clock.now(),
    enteredBy: "admin",
  });
  h.services.queue.enqueue(protectDomain, { domain: "alice.test" });
  const protections = h.services.tasks.protections;
  const activated = Date.parse("2026-02-20T10:00:00Z");
  protections.recordOrdering(
    { domain: "bob.test", variant: "advanced", period: "monthly", mode: "cname", upstreamIps: [] },
    activated,
  );
  protections.update("bob.test", { state: "active", activatedAt: activated }, activated);
}

describe("the WEDOS credit page", () => {
  it("warns red below the queued orders, amber below them and the next renewals, and says so in plain words", async () => {
    somethingComing();
    const before = requestsAtWedos();
    balance(40_000);
    let html = (await page("/billing/credit")).stdout;
    expect(html).toContain('class="wedos-credit wedos-credit-red"');
    expect(html).toContain(
      "Top up now: the balance of CZK 400.00 does not cover the orders already waiting (CZK 490.00).",
    );
    expect(html).toMatch(
      /<th scope="row">alice\.test<\/th><td[^>]*>protection\/advanced\/monthly<\/td><td[^>]*>CZK 490\.00/,
    );
    expect(html).toMatch(/<th scope="row">bob\.test<\/th>.*<td[^>]*>2026-03-20<\/td>/);
    expect(html).toContain("read 10 Mar 2026, 07:00 (2 h ago)");

    balance(97_999);
    html = (await page("/billing/credit")).stdout;
    expect(html).toContain('class="wedos-credit wedos-credit-amber"');
    expect(html).toContain("not also the renewals of the next 30 days (together CZK 980.00)");

    balance(98_000);
    html = (await page("/billing/credit", { cs: true })).stdout;
    expect(html).toContain('class="wedos-credit wedos-credit-ok"');
    expect(html).toContain("Zůstatek 980,00 Kč pokryje čekající objednávky (490,00 Kč) i obnovy");
    expect((await page("/operations")).stdout).toMatch(
      /<p class="wedos-credit wedos-credit-ok"><span class="wedos-credit-level">enough credit<\/span> WEDOS credit: CZK 980\.00,/,
    );
    expect(requestsAtWedos()).toBe(before); // no page view asked WEDOS anything
  });

  it("says when the balance was never read or is old, and Read now queues one read (CSRF required)", async () => {
    const first = await page("/billing/credit");
    expect(first.stdout).toContain("The balance has not been read yet");
    expect((await page("/operations")).stdout).toContain("WEDOS credit: not read yet.");
    expect((await post("/billing/credit/read", { csrf: "" })).status).toBe(403);
    const answer = await post("/billing/credit/read", { csrf: csrfTokenIn(first.stdout) });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("The balance will be read from WEDOS in a moment (one request).");
    expect(credit().latestBalance()).toBeUndefined();
    await h.services.worker.runUntilIdle();
    expect(credit().latestBalance()).toMatchObject({ balance: czk(500_000), trigger: "admin" });
    h.clock.advance(13 * 3_600_000);
    expect((await page("/billing/credit")).stdout).toContain("This balance is old: it is read every 6 hours");
  });

  it("is the admin's only: resellers and customers do not have it", async () => {
    expect((await page("/billing/credit", { level: "reseller" })).stdout).not.toContain("WEDOS credit");
    expect((await page("/billing/reconciliation", { level: "user" })).stdout).not.toContain("Reconciliation");
  });
});

describe("the reconciliation page", () => {
  it("fetches the month when asked and lists each difference with its likely cause, in en and cs", async () => {
    const charge = { username: "carol", reseller: "res2", domain: "carol.test" };
    new UsageLedgerStore(h.services.db).append(ledgerCharge("2026-02-12", "2026000123", charge), h.clock.now());
    h.clock.set("2026-02-15T10:00:00Z");
    h.sim?.simulator.topUpCredit(200_000, "Platba 7");
    h.clock.set("2026-03-10T09:00:00Z");

    const empty = await page("/billing/reconciliation");
    expect(empty.stdout).toContain("The movements of 2026-02 have not been fetched from WEDOS yet.");
    const before = requestsAtWedos();
    const answer = await post("/billing/reconciliation/fetch", { month: "2026-02", csrf: csrfTokenIn(empty.stdout) });
    expect(answer.body).toContain("The movements of 2026-02 will be fetched from WEDOS in a moment");
    expect(answer.body).toContain("were asked for 10 Mar 2026, 09:00 by admin admin");
    expect(requestsAtWedos()).toBe(before);
    await h.services.worker.runUntilIdle();

    const html = (await page("/billing/reconciliation&month=2026-02")).stdout;
    expect(html).toContain("The movements of 2026-02 were fetched 10 Mar 2026, 09:00: 1 movement(s).");
    expect(html).toMatch(
      /<th scope="row">In the ledger, not charged at WEDOS<\/th><td[^>]*>2026-02-12<\/td><td[^>]*>carol\.test \(carol\)<\/td><td[^>]*>2026000123<\/td><td[^>]*>—<\/td><td[^>]*>CZK 99\.00<\/td><td[^>]*>The order failed or WEDOS refunded it/,
    );
    expect(html).toMatch(
      /<th scope="row">Top-up<\/th><td[^>]*>2026-02-15<\/td><td[^>]*>Platba 7<\/td>.*CZK -2,000\.00/,
    );
    const cs = (await page("/billing/reconciliation&month=2026-02", { cs: true })).stdout;
    expect(cs).toContain("V knize, u WEDOS nestrženo");
    expect(cs).toContain("99,00 Kč");
  });

  it("refuses a month that is not one with a clear message", async () => {
    const { stdout } = await page("/billing/reconciliation&month=2026-13");
    expect(stdout).toContain("That is not a month: choose one as YYYY-MM, e.g. 2026-11.");
  });
});
