import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BillingTokenStore } from "../../src/store/billing-token-store.js";
import { logIn, screenshot, STACK_TIMEOUT_MS, startBrowserStack, type BrowserStack, rawPageUrl } from "./support.js";

/**
 * The admin's billing tokens page in the browser: a token made from the form is shown once in a field to copy, works
 * for the pull API, is listed by its first characters only and revoked with its button; the page fits a phone.
 * English and Czech, screenshots as test-artifacts/screenshots/<lang>-export-<state>.png.
 */
let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: { name: "Name", reseller: "Reseller", create: "Make token", revoke: "Revoke", revoked: "is revoked" },
  cs: { name: "Název", reseller: "Prodejce", create: "Vytvořit token", revoke: "Zneplatnit", revoked: "je zneplatněn" },
} as const;

async function admin(language: "en" | "cs"): Promise<Page> {
  b.stack.da.setLanguage("admin", language);
  const page = await b.newPage();
  await logIn(page, b.url, "admin", b.password("admin"));
  return page;
}

const raw = (path: string) => rawPageUrl(b, "admin", path);
const scrollWidth = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth");

describe("the billing tokens page", { timeout: 60_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`makes a token shown once, lists it and revokes it (${language})`, async () => {
      const page = await admin(language);
      await page.goto(raw("/billing/tokens"));
      await page.getByLabel(text.name, { exact: true }).fill(`${language} books`);
      await page.getByLabel(text.reseller, { exact: true }).fill("res1");
      await page.getByRole("button", { name: text.create }).click();
      const field = page.locator("#wedos-token-secret");
      await field.waitFor();
      const secret = await field.inputValue();
      expect(secret).toMatch(/^wpbill_[A-Za-z0-9_-]{43}$/);
      const tokens = new BillingTokenStore(b.stack.services.db);
      expect(tokens.authenticate(secret, b.clock.now())).toMatchObject({ name: `${language} books`, reseller: "res1" });
      await screenshot(page, `${language}-export-token-made`);

      await page.goto(raw("/billing/tokens"));
      expect(await page.locator("#wedos-token-secret").count()).toBe(0);
      expect(await page.content()).not.toContain(secret.slice(13));
      const row = page.locator("tbody tr").filter({ hasText: `${language} books` });
      await row.getByRole("button", { name: text.revoke }).click();
      await page.locator(".wedos-notice").filter({ hasText: text.revoked }).waitFor();
      expect(tokens.authenticate(secret, b.clock.now())).toBeUndefined();
      await screenshot(page, `${language}-export-token-revoked`);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(raw("/billing/tokens"));
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, `${language}-export-tokens-390`);
      await page.context().close();
    });
  }
});
