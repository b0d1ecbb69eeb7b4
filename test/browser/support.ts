import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext, type FrameLocator, type Page } from "playwright-core";
import { systemClock } from "../../src/clock.js";
import { demoPaths } from "../../src/demo/paths.js";
import { startDemoStack, type DemoStack } from "../../src/demo/stack.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { tempDir } from "../support/temp-dir.js";

/** Debian's Chromium (CI installs it); playwright-core downloads no browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, no sandbox (containers), and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Where screenshots go (ignored by git; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = join(PACKAGE_ROOT, "test-artifacts", "screenshots");

/** How long a browser step may wait for its page condition. */
export const STEP_TIMEOUT_MS = 15_000;

export interface BrowserStack {
  /** The demo's stack: simulator, emulated DirectAdmin with its front, the daemon loop on the real clock. */
  stack: DemoStack;
  /** The emulated DirectAdmin's address. */
  url: string;
  context: BrowserContext;
  page: Page;
  /** The seeded admin's or reseller's password. */
  password(username: "admin" | "reseller"): string;
  close(): Promise<void>;
}

/**
 * What a browser test needs: the same stack `npm start` runs, on ephemeral ports in a temp directory, with the
 * daemon loop on the real clock (it sleeps on the clock it is given, so a manual clock cannot drive it), and a
 * fresh headless Chromium (its own profile directory) with one page open.
 */
export async function startBrowserStack(): Promise<BrowserStack> {
  const logs: string[] = [];
  const stack = await startDemoStack({ paths: demoPaths(tempDir("wedos-browser-")), clock: systemClock, ports: { front: 0, wapi: 0, dns: 0 }, runDaemon: true, log: (line) => logs.push(line) });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(tempDir("wedos-chromium-"), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await stack.close();
    throw error;
  }
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    stack,
    url: stack.front.url,
    context,
    page,
    password: (username) => stack.logins.find((login) => login.username === username)?.password ?? "",
    close: async () => {
      await context.close();
      await stack.close();
    },
  };
}

/** Logs in through the login form and waits until the panel shows the account in its top bar. */
export async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.locator(".topbar .who", { hasText: username }).waitFor();
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

/** Saves a full-page screenshot as test-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
