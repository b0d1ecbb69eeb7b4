import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import {
  addCustomer,
  adminPage,
  dnsSettled,
  screenshot,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type BrowserStack,
  rawPageUrl,
} from "./support.js";

/**
 * The operations and policies pages and every list on a phone, in the browser: the budget
 * gauge amber at 85 % with the requests chart, the package policies from the panel's own packages with the
 * protection settings switched by the plan, and — at 390 px — the domain list, a domain's records, the operations
 * page, the policies and the emulated panel itself without sideways scrolling, statuses and buttons on screen.
 * English and Czech, screenshots as test-artifacts/screenshots/<lang>-ops-<state>.png.
 */
let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
  await addCustomer(b, { username: "tom", domain: "tom.test" });
  await dnsSettled(b, "tom.test", "active");
  const budget = new WapiBudgetStore(b.stack.services.db);
  const hourStart = Math.floor(b.clock.now() / 3_600_000) * 3_600_000;
  for (let taken = budget.tryTake(hourStart, 1000) ?? 850; taken < 850; taken = budget.tryTake(hourStart, 1000) ?? 850);
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: {
    level: "80 % or more used: background work slows down",
    chart: "Requests per hour, last 24 hours",
    newPackage: "Package of the panel",
    protection: "Protection",
    plan: "Start",
    status: "active",
    sync: "Sync now",
  },
  cs: {
    level: "využito 80 % a více: práce na pozadí se zpomaluje",
    chart: "Požadavky za hodinu, posledních 24 hodin",
    newPackage: "Balíček panelu",
    protection: "Ochrana",
    plan: "Start",
    status: "aktivní",
    sync: "Synchronizovat",
  },
} as const;

const admin = (language: "en" | "cs") => adminPage(b, language);

const raw = (path: string) => rawPageUrl(b, "admin", path);
const scrollWidth = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth");

/** Whether the element is wholly inside the 390 px viewport, left to right. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= 390;
}

describe("operations, policies and small screens", { timeout: 60_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`shows the gauge, the chart and the policies, and no page scrolls sideways at 390 px (${language})`, async () => {
      const page = await admin(language);
      await page.goto(raw("/operations"));
      const gauge = page.locator(".wedos-gauge");
      expect(await gauge.getAttribute("class")).toBe("wedos-gauge wedos-gauge-warn");
      expect(await gauge.locator(".wedos-status").textContent()).toContain(text.level);
      const chart = page.getByRole("img", { name: text.chart });
      expect(await chart.locator("g.wedos-chart-bar").count()).toBe(24);
      // The amber fill is drawn, not only named: the current hour's bar and the gauge share it.
      const fill = await page.evaluate<string>("getComputedStyle(document.querySelector('.wedos-gauge-fill')).fill");
      expect(fill).toBe(
        await page.evaluate<string>("getComputedStyle(document.querySelector('.wedos-chart-warn rect')).fill"),
      );
      await screenshot(page, `${language}-ops-operations`);

      await page.goto(raw("/policies"));
      const fresh = page.locator("form.wedos-policy").last();
      expect(await fresh.getByLabel(text.newPackage).locator("option").allTextContents()).toEqual(["default"]);
      // The period (in the protection settings) is disabled with them while the plan is "none".
      const period = fresh.locator('select[name="protectionPeriod"]');
      expect(await period.isDisabled()).toBe(true);
      await fresh.getByLabel(text.protection, { exact: true }).selectOption({ label: text.plan });
      expect(await period.isDisabled()).toBe(false);
      await screenshot(page, `${language}-ops-policies`);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(raw("/"));
      const row = page.locator("tbody tr").filter({ hasText: "tom.test" });
      await row.waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      expect(await row.locator(".wedos-status").textContent()).toContain(text.status);
      expect(await onScreen(page, "tbody tr .wedos-status")).toBe(true);
      expect(await onScreen(page, "tbody tr .wedos-row-action button, tbody tr .wedos-row-action a")).toBe(true);
      await screenshot(page, `${language}-ops-list-390`);

      await page.goto(raw("/domains/tom.test"));
      await page.locator("table.wedos-cards tbody tr").first().waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      expect(await onScreen(page, "table.wedos-cards tbody tr .wedos-status")).toBe(true);
      await screenshot(page, `${language}-ops-records-390`);

      for (const path of ["/operations", "/policies"]) {
        await page.goto(raw(path));
        expect(await scrollWidth(page), path).toBeLessThanOrEqual(390);
      }
      await screenshot(page, `${language}-ops-policies-390`);

      // The emulated panel around the plugin: its own list and the wrapper with the plugin's frame.
      await page.goto(`${b.url}/CMD_USER_LIST`);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      expect(await onScreen(page, 'tr[data-user="tom"] button')).toBe(true);
      await page.locator(".plugins a").first().click();
      await page.frameLocator('iframe[name="plugin-frame"]').locator(".wedos-panel h1").waitFor();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, `${language}-ops-panel-390`);
      await page.context().close();
    });
  }
});
