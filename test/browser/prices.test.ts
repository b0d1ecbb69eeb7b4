import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfferStore } from "../../src/store/offer-store.js";
import { logIn, screenshot, STACK_TIMEOUT_MS, startBrowserStack, type BrowserStack, rawPageUrl } from "./support.js";

/**
 * The admin's price book and offers in the browser, English and Czech: a wholesale price entered with the form, a
 * draft offer for the panel's package with a markup line and a fixed line, its prices with VAT, publishing it, and
 * the offer's page at 390 px without sideways scrolling. Screenshots as test-artifacts/screenshots/<lang>-prices-*.png.
 */
let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: {
    product: "Product",
    amount: "Amount",
    save: "Save the price",
    start: "Protection Start, monthly",
    expert: "Protection Expert, yearly",
    zone: "DNS zone (per month)",
    saved: "The price of Protection Start, monthly is now CZK 490.00.",
    name: "Name",
    package: "Package",
    create: "Create a draft",
    markup: "Markup in %",
    fixed: "Fixed price in CZK",
    saveLine: "Save the product",
    publish: "Publish",
    markupNow: "CZK 612.50 + 21 % VAT = CZK 741.13",
    fixedNow: "CZK 49.00 + 21 % VAT = CZK 59.29",
    published: "published",
  },
  cs: {
    product: "Produkt",
    amount: "Částka",
    save: "Uložit cenu",
    start: "Ochrana Start, měsíčně",
    expert: "Ochrana Expert, ročně",
    zone: "DNS zóna (za měsíc)",
    saved: "Cena produktu Ochrana Start, měsíčně je nyní 490,00 Kč.",
    name: "Název",
    package: "Balíček",
    create: "Vytvořit koncept",
    markup: "Přirážka v %",
    fixed: "Pevná cena v CZK",
    saveLine: "Uložit produkt",
    publish: "Zveřejnit",
    markupNow: "612,50 Kč + DPH 21 % = 741,13 Kč",
    fixedNow: "49,00 Kč + DPH 21 % = 59,29 Kč",
    published: "zveřejněná",
  },
} as const;

async function admin(language: "en" | "cs"): Promise<Page> {
  b.stack.da.setLanguage("admin", language);
  const page = await b.newPage();
  await logIn(page, b.url, "admin", b.password("admin"));
  return page;
}

const raw = (path: string) => rawPageUrl(b, "admin", path);
const scrollWidth = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth");

describe("the admin's prices and offers", { timeout: 60_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`enters a wholesale price, makes and publishes an offer with VAT shown (${language})`, async () => {
      const page = await admin(language);
      await page.goto(raw("/billing/prices"));
      // The demo's wholesale prices are the simulator's: protection Expert costs 14,900.00 CZK a year.
      expect(
        await page.locator("tbody tr").filter({ hasText: text.expert }).locator(".wedos-amount").textContent(),
      ).toBe(language === "en" ? "CZK 14,900.00" : "14 900,00 Kč");
      const priceForm = page.locator("form.wedos-policy");
      await priceForm.getByLabel(text.product).selectOption({ label: text.start });
      await priceForm.getByLabel(text.amount).fill("490");
      await priceForm.getByRole("button", { name: text.save }).click();
      await page.getByRole("status").filter({ hasText: text.saved }).waitFor();
      await screenshot(page, `${language}-prices-book`);

      await page.goto(raw("/billing/offers"));
      const newOffer = page.locator("form.wedos-policy");
      await newOffer.getByLabel(text.package).selectOption("default");
      await newOffer.getByLabel(text.name).fill(language === "en" ? "Default 2027" : "Výchozí 2027");
      await newOffer.getByRole("button", { name: text.create }).click();
      const lineForm = page.locator("form.wedos-policy").first();
      await lineForm.getByLabel(text.product).selectOption({ label: text.start });
      await lineForm.getByLabel(text.markup).fill("25");
      await lineForm.getByRole("button", { name: text.saveLine }).click();
      await page.locator("table.wedos-offer-lines").waitFor();
      const again = page.locator("form.wedos-policy").first();
      await again.getByLabel(text.product).selectOption({ label: text.zone });
      await again.getByLabel(text.fixed).fill("49");
      await again.getByRole("button", { name: text.saveLine }).click();
      await page.locator("table.wedos-offer-lines tbody tr").nth(1).waitFor();
      const rows = page.locator("table.wedos-offer-lines tbody tr");
      expect(await rows.filter({ hasText: text.start }).locator(".wedos-amount").textContent()).toBe(text.markupNow);
      expect(await rows.filter({ hasText: text.zone }).locator(".wedos-amount").textContent()).toBe(text.fixedNow);
      await screenshot(page, `${language}-prices-offer-draft`);
      await page.getByRole("button", { name: text.publish, exact: true }).click();
      await page.locator(".wedos-offer-published").first().waitFor();
      expect(await page.locator(".wedos-details .wedos-offer-status").textContent()).toBe(text.published);
      await screenshot(page, `${language}-prices-offer-published`);

      await page.goto(raw("/billing/offers"));
      await screenshot(page, `${language}-prices-offers`);
      const published = new OfferStore(b.stack.services.db).list().filter((offer) => offer.status === "published");
      // The demo's own default offer (src/demo/offers.ts) stays published beside the package's.
      expect(published.map((offer) => [offer.package, offer.name])).toEqual([
        ["default", language === "en" ? "Default 2027" : "Výchozí 2027"],
        ["*", "Standard"],
      ]);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(raw(`/billing/offers/${published[0]?.id ?? 0}`));
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, `${language}-prices-offer-390`);
      await page.goto(raw("/billing/prices"));
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await page.context().close();
    });
  }
});
