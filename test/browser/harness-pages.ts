import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { tempDir } from "../support/temp-dir.js";
import { startProvisionedHarness, visitMainPage, type WebHarness } from "../web/support.js";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, STACK_TIMEOUT_MS } from "./support.js";

const IMAGES = fileURLToPath(new URL("../../images/", import.meta.url));

export interface HarnessPages {
  /** The current test's harness (the shared accounts, their zones made at the WEDOS simulator, then `scene`). */
  harness(): WebHarness;
  /**
   * A page as the visitor's browser gets it (raw mode, rendered by the real daemon), opened in Chromium with the
   * plugin's own files from images/ (style sheet and scripts), in a browser context of its own.
   */
  open(level: "user" | "reseller" | "admin", path: string, language: string): Promise<Page>;
  /** Where this file's screenshots go: test-artifacts/screenshots/<name>/. */
  shots: string;
}

/**
 * For a browser test file of pages rendered by a web harness rather than the whole demo: one Chromium for the file,
 * and a fresh provisioned harness per test (its files are in a temp directory removed after each test).
 */
export function useHarnessPages(name: string, scene: (h: WebHarness) => Promise<void> = async () => {}): HarnessPages {
  const shots = join(process.env.WEDOS_SCREENSHOTS ?? SCREENSHOT_DIR, name);
  let browser: Browser | undefined;
  let h: WebHarness | undefined;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    process.stdout.write(`${name} screenshots: ${shots}\n`);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, STACK_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  }, STACK_TIMEOUT_MS);
  beforeEach(async () => {
    h = await startProvisionedHarness();
    await scene(h);
  }, STACK_TIMEOUT_MS);
  afterEach(async () => {
    await h?.close();
    h = undefined;
  }, STACK_TIMEOUT_MS);
  const harness = () => {
    if (h === undefined) throw new Error("the harness exists only inside a test");
    return h;
  };
  return {
    harness,
    shots,
    open: async (level, path, language) => {
      if (browser === undefined) throw new Error("the browser runs only inside a test");
      const html = (await visitMainPage(harness(), level, "raw", path, language)).replace(
        /(href|src)="[^"]*\/images\/([a-z-]+\.(?:css|js))"/g,
        (_match, attribute: string, file: string) => `${attribute}="file://${IMAGES}${file}"`,
      );
      const file = join(tempDir(`wedos-${name}-`), "page.html");
      writeFileSync(file, html);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      return page;
    },
  };
}
