import type { FrameLocator, Page } from "playwright-core";
import { reason } from "../../src/model/reason.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageUrl } from "../../src/web/urls.js";
import {
  addCustomer,
  dnsSettled,
  domainRow,
  logIn,
  screenshot,
  showPluginPage,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type BrowserStack,
} from "./support.js";

/**
 * The domain list at size, in the browser: a reseller with 121 domains of one customer and a suspended customer's
 * pages through them, filters with the pills, searches (and finds nothing), sees what a suspended domain still
 * allows, and reads it all on a 390 px phone — in English and in Czech, with a screenshot of each state
 * (test-artifacts/screenshots/<lang>-list-<state>.png).
 */
let b: BrowserStack;
/** The reseller's browser page in each language (the panel tells the plugin the language of the login). */
const pages = new Map<"en" | "cs", Page>();

beforeAll(async () => {
  b = await startBrowserStack();
  await addCustomer(b, { username: "tom", domain: "tom.test", creator: "reseller" });
  await addCustomer(b, { username: "sue", domain: "sue.test", creator: "reseller" });
  await dnsSettled(b, "tom.test", "active");
  await dnsSettled(b, "sue.test", "active");
  // Tom's other domains, as the panel's import would record them; two of them refused by WEDOS.
  const { inventory } = b.stack.services.tasks;
  const now = b.clock.now();
  for (let n = 1; n <= 120; n++)
    inventory.upsertDomain({ domain: `tom-${String(n).padStart(3, "0")}.test`, username: "tom", kind: "domain" }, now);
  inventory.setDnsStatus("tom-007.test", "error", reason("wedos-refused", "WEDOS refused the zone"), now);
  inventory.setDnsStatus(
    "tom-042.test",
    "conflict",
    reason("zone-conflict", "a zone for tom-042.test already exists at WEDOS"),
    now,
  );
  await b.stack.da.suspendUser("sue");
  const deadline = Date.now() + 30_000;
  while (inventory.domain("sue.test")?.state !== "suspended" && Date.now() < deadline) await b.clock.sleep(100);
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

/** The texts each language shows, so one test body checks both. */
const TEXTS = {
  en: {
    pills: ["all 122", "problems 2", "waiting 118", "active 1", "suspended 1"],
    firstPage: "Domains 1–50 of 122",
    secondPage: "Domains 51–100 of 122",
    next: "Next page",
    search: "Domain or account contains",
    searchButton: "Search",
    problems: "problems 2",
    noMatch: "No domain or account contains “no-such-domain”.",
    clear: "Clear the search",
    suspended: "suspended 1",
    suspendedText: "The account is suspended in the panel; its package keeps the DNS at WEDOS",
    suspendedAction: "What you can do",
    problemAction: "See what is wrong",
    sync: "Sync now",
  },
  cs: {
    pills: ["vše 122", "problémy 2", "čekající 118", "aktivní 1", "pozastavené 1"],
    firstPage: "Domény 1–50 z 122",
    secondPage: "Domény 51–100 z 122",
    next: "Další stránka",
    search: "Doména nebo účet obsahuje",
    searchButton: "Hledat",
    problems: "problémy 2",
    noMatch: "Žádná doména ani účet neobsahuje „no-such-domain“.",
    clear: "Zrušit hledání",
    suspended: "pozastavené 1",
    suspendedText: "Účet je v panelu pozastaven; jeho balíček ponechává DNS u WEDOS",
    suspendedAction: "Co můžete dělat",
    problemAction: "Zobrazit problém",
    sync: "Synchronizovat",
  },
} as const;

const pills = (frame: FrameLocator) => frame.locator(".wedos-filters a");
const summary = (frame: FrameLocator) => frame.locator(".wedos-list-summary");
const rowDomains = (frame: FrameLocator) => frame.locator("tbody tr th a").allTextContents();

/** The reseller, logged in with `language` as their panel language. */
async function reseller(language: "en" | "cs"): Promise<Page> {
  const known = pages.get(language);
  if (known !== undefined) return known;
  b.stack.da.setLanguage("reseller", language);
  const page = await b.newPage();
  await logIn(page, b.url, "reseller", b.password("reseller"));
  pages.set(language, page);
  return page;
}

describe("the domain list at size", { timeout: 120_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`pages, filters and searches on the server, and shows suspended rows (${language})`, async () => {
      const page = await reseller(language);
      let frame = await showPluginPage(page, "reseller", "/");
      expect(await pills(frame).allTextContents()).toEqual(text.pills);
      expect(await summary(frame).textContent()).toBe(text.firstPage);
      const first = await rowDomains(frame);
      expect(first).toHaveLength(50);
      // Problems first, each row with its one action.
      expect(first.slice(0, 2)).toEqual(["tom-007.test", "tom-042.test"]);
      expect(await domainRow(frame, "tom-007.test").locator(".wedos-row-action").textContent()).toContain(
        text.problemAction,
      );
      expect(await domainRow(frame, "tom-001.test").locator(".wedos-row-action button").textContent()).toContain(
        text.sync,
      );
      await screenshot(page, `${language}-list-paged`);

      await frame.getByRole("link", { name: text.next }).click();
      await summary(frame).filter({ hasText: text.secondPage }).waitFor();
      expect(await rowDomains(frame)).toHaveLength(50);

      await frame.getByRole("link", { name: text.problems }).click();
      await frame.locator('.wedos-filters a[aria-current="page"]', { hasText: text.problems }).waitFor();
      expect(await rowDomains(frame)).toEqual(["tom-007.test", "tom-042.test"]);
      await screenshot(page, `${language}-list-filtered`);

      await frame.getByLabel(text.search).fill("no-such-domain");
      await frame.getByRole("button", { name: text.searchButton }).click();
      await frame.locator(".wedos-empty", { hasText: text.noMatch }).waitFor();
      // The search kept the filter; clearing it keeps the filter too.
      expect(await frame.locator('.wedos-filters a[aria-current="page"]').textContent()).toContain(
        text.problems.split(" ")[0],
      );
      await screenshot(page, `${language}-list-empty-search`);
      await frame.getByRole("link", { name: text.clear }).click();
      await frame.locator(".wedos-list-summary").waitFor();
      expect(await rowDomains(frame)).toEqual(["tom-007.test", "tom-042.test"]);

      frame = await showPluginPage(page, "reseller", "/", { status: "suspended" });
      expect(await rowDomains(frame)).toEqual(["sue.test"]);
      expect(await domainRow(frame, "sue.test").locator(".wedos-reason").textContent()).toContain(text.suspendedText);
      expect(await domainRow(frame, "sue.test").locator(".wedos-row-action").textContent()).toContain(
        text.suspendedAction,
      );
      expect(await domainRow(frame, "sue.test").locator("button").count()).toBe(0);
      await screenshot(page, `${language}-list-suspended`);
    });

    it(`reflows the list into cards on a 390 px screen (${language})`, async () => {
      // The plugin's own page (index.raw): the emulated panel's frame around it is not made for phones.
      const page = await reseller(language);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(new URL(pageUrl("reseller", "raw", "/"), b.url).href);
      await page.locator(".wedos-list-summary", { hasText: text.firstPage }).waitFor();
      await screenshot(page, `${language}-list-390`);
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      // Each row is a card: the domain, its state and its one action on screen, one above the other.
      const row = page
        .locator("tbody tr")
        .filter({ has: page.getByRole("link", { name: "tom-001.test", exact: true }) });
      const domain = await row.locator("th").boundingBox();
      const action = await row.locator(".wedos-row-action button").boundingBox();
      expect(action?.x ?? 999).toBeGreaterThanOrEqual(0);
      expect((action?.x ?? 999) + (action?.width ?? 0)).toBeLessThanOrEqual(390);
      expect(action?.y ?? 0).toBeGreaterThan((domain?.y ?? 0) + (domain?.height ?? 0) - 1);
      // Each cell says which column it is (the table's header row is hidden on a phone).
      expect(
        await page.evaluate<string>(
          "getComputedStyle(document.querySelector('tbody td[data-label]'), '::before').content",
        ),
      ).toContain(language === "en" ? "Account" : "Účet");
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  }
});
