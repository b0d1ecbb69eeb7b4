import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";
import {
  addCustomer,
  screenshot,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type Account,
  type BrowserStack,
  visitorPage,
  rawPageUrl,
} from "./support.js";

/**
 * A support request in the browser: the customer opens it from the domain page, the reseller finds it in the inbox,
 * the admin reads the diagnostics and the summary for WEDOS support and answers, and the customer reads the answer.
 * English and Czech, screenshots as test-artifacts/screenshots/<lang>-support-<step>.png.
 */
let b: BrowserStack;
const customers: Partial<Record<"en" | "cs", Account>> = {};

beforeAll(async () => {
  b = await startBrowserStack();
  customers.en = await addCustomer(b, { username: "sara", domain: "sara.test", creator: "reseller" });
  customers.cs = await addCustomer(b, { username: "tomas", domain: "tomas.test", creator: "reseller" });
  b.stack.services.ingest();
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: {
    link: "Report a problem with this domain's WEDOS services",
    sent: "Your support request was sent.",
    waiting: "waiting for the provider",
    inbox: "A support request about {domain} was opened",
    summary: "Summary for WEDOS support",
    answered: "Your answer was sent.",
    told: "Your support request about {domain} has an answer",
  },
  cs: {
    link: "Nahlásit problém se službami WEDOS této domény",
    sent: "Váš požadavek na podporu byl odeslán.",
    waiting: "čeká na poskytovatele",
    inbox: "Byl otevřen požadavek na podporu k doméně {domain}",
    summary: "Shrnutí pro podporu WEDOS",
    answered: "Vaše odpověď byla odeslána.",
    told: "Na váš požadavek k doméně {domain} přišla odpověď",
  },
} as const;

const visitor = (username: string, language: "en" | "cs", password?: string) =>
  visitorPage(b, username, language, password);

const raw = (level: "user" | "reseller" | "admin", path: string) => rawPageUrl(b, level, path);

describe("a support request", { timeout: 90_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`goes from the customer's domain page to the provider and back with an answer (${language})`, async () => {
      const account = customers[language] as Account;
      const domain = `${account.username}.test`;
      const customer = await visitor(account.username, language, account.password);
      await customer.goto(raw("user", `/domains/${domain}`));
      await customer.getByRole("link", { name: text.link }).click();
      await customer.locator("#wedos-support-service").selectOption("protection");
      await customer.locator("#wedos-support-description").fill("Protection has not activated for two days.");
      await customer.locator(".wedos-support-form button").click();
      await expect.poll(() => customer.locator(".wedos-notice").textContent()).toContain(text.sent);
      expect(await customer.locator(".wedos-status").first().textContent()).toContain(text.waiting);
      await screenshot(customer, `${language}-support-customer`);
      const request = new ServiceRequestStore(b.stack.services.db).latest(domain, "support");
      expect(request?.state).toBe("open");

      const reseller = await visitor("reseller", language);
      await reseller.goto(raw("reseller", "/notices"));
      const inboxLine = text.inbox.replace("{domain}", domain);
      await expect.poll(() => reseller.locator("main").textContent()).toContain(inboxLine);
      await screenshot(reseller, `${language}-support-inbox`);

      const admin = await visitor("admin", language);
      await admin.goto(raw("admin", "/notices"));
      await admin.getByRole("link", { name: new RegExp(inboxLine) }).click();
      await expect.poll(() => admin.locator("h2").allTextContents()).toContain(text.summary);
      expect(await admin.locator("#wedos-support-summary").inputValue()).toContain(`for ${domain}`);
      await admin.locator("#wedos-support-note").fill("The origin address was wrong; it is fixed now.");
      await admin.locator('button[value="answer"]').click();
      await expect.poll(() => admin.locator(".wedos-notice").textContent()).toContain(text.answered);
      await screenshot(admin, `${language}-support-admin`);

      await customer.goto(raw("user", "/notices"));
      await customer.getByRole("link", { name: new RegExp(text.told.replace("{domain}", domain)) }).click();
      await expect.poll(() => customer.locator("main").textContent()).toContain("it is fixed now.");
      expect(await customer.locator(".wedos-nav").textContent()).not.toMatch(/\(\d/);
      await screenshot(customer, `${language}-support-answered`);
      expect(new ServiceRequestStore(b.stack.services.db).get(request?.id as number)?.state).toBe("answered");
    });
  }
});
