import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { demoPaths } from "../../src/demo/paths.js";
import { startDemoStack, type DemoStack } from "../../src/demo/stack.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import type { DnsStatus } from "../../src/store/inventory-store.js";
import type { FaultSpecInput } from "../../src/simulator/index.js";
import type { Level } from "../../src/web/identity/identity.js";
import { pageUrl } from "../../src/web/urls.js";
import { SkippableClock } from "../support/skippable-clock.js";

/** Debian's Chromium (CI installs it); playwright-core downloads no browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, no sandbox (containers), and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where screenshots go (ignored by git; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = join(PACKAGE_ROOT, "test-artifacts", "screenshots");

/** How long a browser step may wait for its page condition. */
export const STEP_TIMEOUT_MS = 15_000;

/** How long the daemon may take to bring something about (WAPI round trips and hook scripts on a busy machine). */
export const SETTLE_TIMEOUT_MS = 45_000;

/** Time for setting up or closing a file's stack (vitest hook timeout). */
export const STACK_TIMEOUT_MS = 60_000;

/**
 * The reconciler's schedule in browser tests: once a year (1 January, 00:00). It runs on the wall clock, and at the
 * default minute 17 of every hour it would retry a domain a test holds in an error state.
 */
const RECONCILE_YEARLY = "0 0 1 1 *";

/** The server address the emulated DirectAdmin gives new accounts (the origin address protection is ordered for). */
const SERVER_IP = "192.0.2.1";

export interface BrowserStack {
  /** The demo's stack: simulator, emulated DirectAdmin with its front, the daemon loop. */
  stack: DemoStack;
  /** The emulated DirectAdmin's address. */
  url: string;
  /** What the stack logged (the front's actions, the daemon's lines): for a failing test's message. */
  logs: string[];
  /** The clock of the whole stack: real time, which `clock.skip()` moves on (a poll delay, a backoff). */
  clock: SkippableClock;
  browser: Browser;
  /** A page in the browser's first context. */
  page: Page;
  /** A page in a new browser context: no cookies, so a second visitor beside `page`. */
  newPage(): Promise<Page>;
  /** The seeded admin's or reseller's password, or one an account got from `addCustomer`/`addReseller`. */
  password(username: string): string;
  close(): Promise<void>;
}

/**
 * What a browser test file needs: the same stack `npm start` runs, on ephemeral ports in a temp directory, with the
 * daemon loop on a skippable real clock (it sleeps on the clock it is given, so a manual clock cannot drive it),
 * the reconciler off the hourly schedule, and one headless Chromium for the file. Its files live until `close()` (not tempDir's: that one is removed after
 * each test, and the stack serves every test of a file). Protection is activated by the simulator at once after an order; the
 * plugin still collects the outcome on its own schedule (skip the clock to bring it on).
 */
export async function startBrowserStack(): Promise<BrowserStack> {
  const logs: string[] = [];
  const clock = new SkippableClock();
  const root = mkdtempSync(join(tmpdir(), "wedos-browser-"));
  const stack = await startDemoStack({
    paths: demoPaths(root),
    clock,
    ports: { front: 0, wapi: 0, dns: 0 },
    runDaemon: true,
    protectionDelaySeconds: 0,
    reconcileCron: RECONCILE_YEARLY,
    log: (line) => logs.push(line),
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await stack.close();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    return context.newPage();
  };
  const passwords = new Map(stack.logins.map((login) => [login.username, login.password]));
  return {
    stack,
    url: stack.front.url,
    logs,
    clock,
    browser,
    page: await newPage(),
    newPage,
    password: (username) => passwords.get(username) ?? "",
    close: async () => {
      await browser.close();
      await stack.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The seeded admin, logged in to the emulated panel with `language`, on a page of its own. */
export async function adminPage(b: BrowserStack, language: "en" | "cs"): Promise<Page> {
  b.stack.da.setLanguage("admin", language);
  const page = await b.newPage();
  await logIn(page, b.url, "admin", b.password("admin"));
  return page;
}

/** An account made for a test, with what logs it in. */
export interface Account {
  username: string;
  password: string;
}

/**
 * Creates a customer account with its first domain through the emulated DirectAdmin (its hooks run, so the plugin
 * learns of it as from the panel's own form) and gives it a login. `creator` is the admin or reseller it belongs to.
 */
export async function addCustomer(
  b: BrowserStack,
  input: { username: string; domain: string; package?: string; creator?: string },
): Promise<Account> {
  const password = `${input.username}-Pass-123`;
  await b.stack.da.createUser({
    username: input.username,
    domain: input.domain,
    package: input.package ?? "default",
    ip: SERVER_IP,
    email: `${input.username}@example.test`,
    creator: input.creator ?? "admin",
    password,
  });
  b.stack.passwords.set(input.username, password);
  return { username: input.username, password };
}

/** Creates another reseller (created by the admin) with a login. */
export function addReseller(b: BrowserStack, username: string): Account {
  const password = `${username}-Pass-123`;
  b.stack.da.createStaffAccount(username, "reseller", { creator: "admin" });
  b.stack.passwords.set(username, password);
  return { username, password };
}

/**
 * Waits until the daemon has brought the domain's DNS to `status`, within SETTLE_TIMEOUT_MS (for setting a scene,
 * also in beforeAll; what a person sees is checked in the browser).
 */
export async function dnsSettled(b: BrowserStack, domain: string, status: DnsStatus): Promise<void> {
  const inventory = b.stack.services.tasks.inventory;
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (inventory.domain(domain)?.dnsStatus !== status) {
    if (Date.now() > deadline)
      throw new Error(
        `${domain} did not reach ${status} within ${SETTLE_TIMEOUT_MS / 1000} s: ${JSON.stringify(inventory.domain(domain))}`,
      );
    await b.clock.sleep(100);
  }
}

/** Waits until no job for the domain is queued or running (every hook event of it has been worked off). */
export async function jobsSettled(b: BrowserStack, domain: string): Promise<void> {
  const open = () =>
    b.stack.services.queue
      .list({ states: ["queued", "running"], limit: 1000 })
      .filter((job) => job.jobKey?.endsWith(`:${domain}`));
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (open().length > 0) {
    if (Date.now() > deadline)
      throw new Error(
        `jobs for ${domain} still open after ${SETTLE_TIMEOUT_MS / 1000} s: ${open()
          .map((job) => `${job.jobKey} ${job.state}`)
          .join(", ")}`,
      );
    await b.clock.sleep(100);
  }
}

/** Adds faults at the simulator through its control API (`POST /_simulator/faults`), as a separate test process would. */
export async function injectFaults(b: BrowserStack, ...faults: FaultSpecInput[]): Promise<void> {
  await simulatorControl(b, "POST", JSON.stringify(faults));
}

/** Removes every fault at the simulator (`DELETE /_simulator/faults`). */
export async function clearFaults(b: BrowserStack): Promise<void> {
  await simulatorControl(b, "DELETE");
}

async function simulatorControl(b: BrowserStack, method: "POST" | "DELETE", body?: string): Promise<void> {
  const answer = await fetch(new URL("/_simulator/faults", b.stack.sim.url), {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
  if (answer.status !== 200)
    throw new Error(`the simulator refused ${method} /_simulator/faults: ${answer.status} ${await answer.text()}`);
}

/** Logs in through the login form and waits until the panel shows the account in its top bar. */
export async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.locator(".topbar .who", { hasText: username }).waitFor();
}

/** A new page logged in as `username`, with its panel language set first (the plugin follows the panel's). */
export async function visitorPage(
  b: BrowserStack,
  username: string,
  language: "en" | "cs",
  password = b.password(username),
): Promise<Page> {
  b.stack.da.setLanguage(username, language);
  const page = await b.newPage();
  await logIn(page, b.url, username, password);
  return page;
}

/** The absolute address of a plugin page in its raw mode (no skin), on the stack's front. */
export function rawPageUrl(b: BrowserStack, level: Level, path: string, params: Record<string, string> = {}): string {
  return new URL(pageUrl(level, "raw", path, params), b.url).href;
}

/** Creates an account through the panel's "Create user" form (as the logged-in admin or reseller) and waits for its outcome. */
export async function createUserInPanel(
  page: Page,
  input: { username: string; password: string; domain: string; package: string },
): Promise<void> {
  await page.locator(".menu").getByRole("link", { name: "Create user" }).click();
  await page.locator("#username").fill(input.username);
  await page.locator("#email").fill(`${input.username}@example.test`);
  await page.locator("#password").fill(input.password);
  await page.locator("#domain").fill(input.domain);
  await page.locator("#package").selectOption(input.package);
  await page.getByRole("button", { name: "Create" }).click();
  await page.locator(".flash-ok", { hasText: `created user ${input.username} with ${input.domain}` }).waitFor();
}

/** Logs out with the top bar's button and waits for the login form. */
export async function logOut(page: Page): Promise<void> {
  await page.locator(".topbar").getByRole("button", { name: "Log out" }).click();
  await page.locator("form.login").waitFor();
}

/** The plugin's page inside the Evolution wrapper's iframe. */
export function pluginFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[name="plugin-frame"]');
}

/** Opens the plugin from the panel's menu (Plugins → WEDOS DNS) and waits for its first page. */
export async function openPlugin(page: Page): Promise<FrameLocator> {
  await page.locator(".plugins").getByRole("link", { name: "WEDOS DNS" }).click();
  const frame = pluginFrame(page);
  await frame.locator(".wedos-panel h1").waitFor();
  return frame;
}

/**
 * Shows a plugin page in the plugin's frame (opened from the menu first if the panel shows another page) by its address (`path` as in src/web/routes, e.g. `/domains/x.test`),
 * as a link or a reload would, and waits for it. Also how a test follows the daemon's progress: show the page again.
 */
export async function showPluginPage(
  page: Page,
  level: Level,
  path: string,
  params: Readonly<Record<string, string>> = {},
): Promise<FrameLocator> {
  if (page.frame({ name: "plugin-frame" }) === null) await openPlugin(page);
  const frame = page.frame({ name: "plugin-frame" });
  if (frame === null) throw new Error(`the plugin did not open in its frame on ${page.url()}`);
  const url = new URL(pageUrl(level, "html", path, params), page.url()).href;
  await frame.goto(url);
  const locator = pluginFrame(page);
  try {
    await locator.locator(".wedos-panel h1").waitFor();
  } catch (error) {
    throw new Error(
      `the plugin page ${url} did not show (${(error as Error).message.split("\n")[0]}); the frame holds: ${(await frame.content()).slice(0, 2000)}`,
      { cause: error },
    );
  }
  return locator;
}

/**
 * Shows the page again and again until `read` finds `expected` on it (a substring or a pattern), within
 * `timeout` (SETTLE_TIMEOUT_MS): how a person waits for the daemon, with a bound instead of a fixed sleep.
 */
export async function untilPageShows(
  page: Page,
  level: Level,
  path: string,
  read: (frame: FrameLocator) => Locator,
  expected: string | RegExp,
  timeout = SETTLE_TIMEOUT_MS,
): Promise<FrameLocator> {
  await expect
    .poll(
      async () => {
        const frame = await showPluginPage(page, level, path);
        const target = read(frame);
        return (await target.count()) === 0 ? "" : ((await target.first().textContent()) ?? "");
      },
      { timeout, interval: 250 },
    )
    .toMatch(expected);
  return pluginFrame(page);
}

/** The text of the plugin's page in the frame. */
export async function pluginText(page: Page): Promise<string> {
  return (await pluginFrame(page).locator("body").textContent()) ?? "";
}

/** The row of a domain in a domain list. */
export function domainRow(frame: FrameLocator, domain: string): Locator {
  return frame.locator("tbody tr").filter({ has: frame.getByRole("link", { name: domain, exact: true }) });
}

/** The DNS state badge of a domain in a list. */
export function listStatus(frame: FrameLocator, domain: string): Locator {
  return domainRow(frame, domain).locator(".wedos-status");
}

/** The DNS state badge on a domain's page (the first details list). */
export function pageStatus(frame: FrameLocator): Locator {
  return frame.locator("dl.wedos-details").first().locator(".wedos-status");
}

/** The reason line on a domain's page. */
export function pageReason(frame: FrameLocator): Locator {
  return frame.locator("dl.wedos-details").first().locator("dd.wedos-reason");
}

/** Opens a domain's page from the list in the frame. */
export async function openDomainPage(frame: FrameLocator, domain: string): Promise<void> {
  await frame.getByRole("link", { name: domain, exact: true }).click();
  await frame.locator("h1", { hasText: domain }).waitFor();
}

/** The admin's pages in the plugin's navigation, by the path their link goes to. */
export const ADMIN_PAGES = {
  home: "/",
  operations: "/operations",
  drift: "/drift",
  policies: "/policies",
  settings: "/settings",
} as const;

/** Opens one of the admin's pages from the plugin's navigation and waits until it is the current page. */
export async function openAdminPage(frame: FrameLocator, name: keyof typeof ADMIN_PAGES): Promise<void> {
  const href = pageUrl("admin", "html", ADMIN_PAGES[name]);
  await frame.locator(`.wedos-nav a[href="${href}"]`).click();
  await frame.locator(`.wedos-nav a[href="${href}"][aria-current="page"]`).waitFor();
}

/** The main pages every language has a screenshot of: `<lang>-<name>.png`. */
export type MainPageShot =
  | "user-list"
  | "domain-page"
  | "reseller-list"
  | "admin-home"
  | "admin-operations"
  | "admin-drift"
  | "admin-policies"
  | "admin-settings";

/** Saves the screenshot of a main page in a language under its stable name. */
export function mainPageScreenshot(page: Page, language: "en" | "cs", name: MainPageShot): Promise<string> {
  return screenshot(page, `${language}-${name}`);
}

/**
 * Saves a full-page screenshot as test-artifacts/screenshots/<name>.png, with the plugin's frame (if any) as tall
 * as its page for the picture, so the whole plugin page is in it.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const frameHeight = (height: "content" | "reset") =>
    page.evaluate(`(() => {
      const frame = document.querySelector('iframe[name="plugin-frame"]');
      if (frame && frame.contentDocument) frame.style.height = ${height === "content" ? "frame.contentDocument.documentElement.scrollHeight + 'px'" : "''"};
    })()`);
  await frameHeight("content");
  await page.screenshot({ path, fullPage: true });
  await frameHeight("reset");
  return path;
}
