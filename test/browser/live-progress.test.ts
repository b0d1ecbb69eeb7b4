import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBrowserFront, type BrowserFront } from "../support/browser-front.js";
import { startProvisionedHarness, type WebHarness } from "../web/support.js";
import { CHROMIUM, CHROMIUM_ARGS, screenshot, STACK_TIMEOUT_MS, STEP_TIMEOUT_MS } from "./support.js";

/**
 * Live progress in a real browser, through the emulated DirectAdmin's front and the real entry scripts: Sync now on
 * a domain's page answers with that page, and its progress reaches "done" without anyone reloading — embedded
 * (`index.html`, whose skin here lets no script run: the page refreshes itself) and raw (`index.raw`: the page's
 * own script polls). Once done, the "Refresh" link is gone. English and Czech, each with screenshots.
 */
const TEXTS = {
  en: { sync: "Sync now", waiting: "Sync of alice.test: waiting in the queue", done: "Sync of alice.test: done" },
  cs: {
    sync: "Synchronizovat",
    waiting: "Synchronizace domény alice.test: čeká ve frontě",
    done: "Synchronizace domény alice.test: hotovo",
  },
} as const;

/** A flow: two page loads, a click, the worker, the page's own refreshes, four screenshots, on a busy machine. */
const TEST_TIMEOUT_MS = 50_000;

let h: WebHarness;
let front: BrowserFront;
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
}, STACK_TIMEOUT_MS);
// A harness per test: its files are in a temp directory removed after each test.
beforeEach(async () => {
  h = await startProvisionedHarness();
  front = await startBrowserFront(h, h.da.login("alice"));
}, STACK_TIMEOUT_MS);
afterEach(async () => {
  await front?.close();
  await h?.close();
}, STACK_TIMEOUT_MS);

/** A full-page screenshot; an embedded page that reloads itself meanwhile is photographed again once loaded. */
async function shot(page: Page, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForLoadState("load");
      await screenshot(page, name);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function alicesBrowser(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.addCookies(front.cookies);
  const page = await context.newPage();
  front.watch(page);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  return { page, problems };
}

describe.each(["en", "cs"] as const)("Sync now on a domain's page (%s)", (language) => {
  const texts = TEXTS[language];

  it.each(["html", "raw"] as const)(
    "index.%s stays on the page and follows the sync to done",
    async (mode) => {
      h.da.setLanguage("alice", language);
      const { page, problems } = await alicesBrowser();
      try {
        await page.goto(`${front.origin}/CMD_PLUGINS/wedos/index.${mode}?p=/domains/alice.test`);
        const title = await page.locator(".wedos-panel h1").textContent();
        expect(title).toContain("alice.test");

        await page.getByRole("button", { name: texts.sync, exact: true }).click();
        const line = page.locator("[data-job-text]");
        await line.filter({ hasText: texts.waiting }).waitFor();
        // The answer is the domain's page again, not the list.
        expect(await page.locator(".wedos-panel h1").textContent()).toBe(title);
        expect(await line.getAttribute("aria-live")).toBe("polite");
        const id = /job=(\d+)/.exec((await page.locator("[data-job-refresh] a").getAttribute("href")) ?? "")?.[1];
        expect(id).toMatch(/^\d+$/);
        await shot(page, `live-progress-${mode}-waiting-${language}`);

        await h.services.worker.runUntilIdle();
        // Nobody reloads: the page's own script (raw) or its self-refresh (embedded) brings the news.
        await line.filter({ hasText: new RegExp(`^${texts.done}$`) }).waitFor();
        expect(await line.getAttribute("class")).toBe("wedos-status wedos-status-active");
        expect(await page.locator("[data-job-refresh]").count()).toBe(0);
        expect(await page.locator(".wedos-panel h1").textContent()).toBe(title);
        // Raw: the script polled the job's status, then showed the page again, as the embedded page's refresh does:
        // what the sync changed is on the page too.
        if (mode === "raw") expect(front.queries).toContain(`p=%2Fjobs%2F${id}`);
        expect(page.url()).toMatch(new RegExp(`index\\.${mode}\\?p=%2Fdomains%2Falice\\.test&job=${id}$`));
        expect(await page.locator("dl.wedos-details .wedos-status").first().getAttribute("class")).toBe(
          "wedos-status wedos-status-active",
        );
        await shot(page, `live-progress-${mode}-done-${language}`);
        expect(problems).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
