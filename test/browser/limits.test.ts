import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayOf } from "../../src/billing/calendar.js";
import { money } from "../../src/billing/money.js";
import { SpendLimitStore } from "../../src/store/spend-limit-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { chargeEntry } from "../support/ledger-entries.js";
import {
  addCustomer,
  type Account,
  screenshot,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type BrowserStack,
  visitorPage,
  rawPageUrl,
} from "./support.js";

/**
 * The spending limits in the browser: the admin's limits page (resellers and customers, one at 84 % and one over
 * its limit), a reseller setting a customer's limit above its own and being told why, and the customer's home page
 * warning at 84 %. English and Czech, screenshots as test-artifacts/screenshots/<lang>-limits-<page>.png.
 */
let b: BrowserStack;
let lena: Account;

beforeAll(async () => {
  b = await startBrowserStack();
  lena = await addCustomer(b, { username: "lena", domain: "lena.test", creator: "reseller" });
  await addCustomer(b, { username: "otto", domain: "otto.test", creator: "reseller" });
  b.stack.services.ingest();
  const { db } = b.stack.services;
  const limits = new SpendLimitStore(db);
  const CZK = (minor: number) => money(minor, "CZK");
  limits.set({ scope: "reseller", name: "reseller", amount: CZK(500_000) }, "admin admin", 0);
  limits.set({ scope: "customer", name: "lena", amount: CZK(100_000) }, "admin admin", 0);
  limits.set({ scope: "customer", name: "otto", amount: CZK(20_000) }, "reseller reseller", 0);
  const day = dayOf(b.clock.now(), b.stack.services.config.billing.timeZone);
  const ledger = new UsageLedgerStore(db);
  ledger.append(chargeEntry("lena", day, 84_000, { reseller: "reseller", domain: "lena.test" }), 0);
  ledger.append(chargeEntry("otto", day, 25_000, { reseller: "reseller", domain: "otto.test" }), 0);
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: { title: "Spending limits", warning: "80 % or more used", over: "over the limit", above: "cannot be higher" },
  cs: { title: "Limity útraty", warning: "vyčerpáno 80 % a více", over: "nad limitem", above: "nemůže být vyšší" },
} as const;

const visitor = (username: string, language: "en" | "cs", password?: string) =>
  visitorPage(b, username, language, password);

const raw = (level: "user" | "reseller" | "admin", path: string) => rawPageUrl(b, level, path);

describe("spending limits", { timeout: 60_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`shows each limit against the month, refuses a reseller above its own, warns the customer (${language})`, async () => {
      const admin = await visitor("admin", language);
      await admin.goto(raw("admin", "/billing/limits"));
      await expect.poll(() => admin.locator("h1").textContent()).toContain(text.title);
      expect(await admin.locator("tr.wedos-limit-warning").first().textContent()).toContain(text.warning);
      expect(await admin.locator("tr.wedos-limit-over").first().textContent()).toContain(text.over);
      await screenshot(admin, `${language}-limits-admin`);

      const reseller = await visitor("reseller", language);
      await reseller.goto(raw("reseller", "/billing/limits"));
      const otto = reseller.locator("tr", { has: reseller.locator("th", { hasText: "otto" }) });
      await otto.locator('.wedos-limit-form input[name="amount"]').fill("6000");
      await otto.locator(".wedos-limit-form button").click();
      await expect.poll(() => reseller.locator(".wedos-problems").textContent()).toContain(text.above);
      await screenshot(reseller, `${language}-limits-reseller`);

      const customer = await visitor(lena.username, language, lena.password);
      await customer.goto(raw("user", "/"));
      // 840.00 charged plus the zone the demo's offer bills to the month's end: past 80 %, not yet at the limit.
      await expect.poll(() => customer.locator(".wedos-spend-warning").textContent()).toMatch(/\b(8\d|9\d) %/);
      await screenshot(customer, `${language}-limits-customer`);
    });
  }
});
