import { chromium, type Browser } from "playwright-core";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startBrowserFront, type BrowserFront } from "../support/browser-front.js";
import { csrfTokenIn, form, startProvisionedHarness, type WebHarness } from "./support.js";

let h: WebHarness;
let front: BrowserFront;
let browser: Browser;
beforeEach(async () => {
  h = await startProvisionedHarness();
  front = await startBrowserFront(h, h.da.login("alice"));
  // Debian's Chromium (.ci/run installs it); the sandbox needs privileges a test runner may not have.
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});
afterEach(async () => {
  await browser.close();
  await front.close();
  await h.close();
});

it("a raw page's progress box follows the job in a real browser, under the page's CSP", async () => {
  const token = csrfTokenIn((await h.visit({ level: "user", session: h.da.login("alice") })).stdout);
  const queued = await h.visit({
    level: "user",
    file: "index.raw",
    session: h.da.login("alice"),
    method: "POST",
    query: "p=/sync",
    post: form({ domain: "alice.test", csrf: token }),
  });
  const id = Number(/job=(\d+)/.exec(queued.stdout)?.[1]);

  const context = await browser.newContext();
  await context.addCookies(front.cookies);
  const page = await context.newPage();
  front.watch(page);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(`${front.origin}/CMD_PLUGINS/wedos/index.raw?job=${id}`);
  const line = page.locator("[data-job-text]");
  expect(await line.textContent()).toBe("Sync of alice.test: waiting in the queue");
  expect(await line.getAttribute("aria-live")).toBe("polite");

  await h.services.worker.runUntilIdle();
  // The box's own script polls; the test waits for the text it writes, not for a fixed time.
  await line.filter({ hasText: /^Sync of alice\.test: done$/ }).waitFor({ timeout: 15_000 });
  expect(await line.getAttribute("class")).toBe("wedos-status wedos-status-active");
  expect(front.queries).toContain(`p=%2Fjobs%2F${id}`);
  expect(problems).toEqual([]);
});
