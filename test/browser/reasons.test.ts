import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../support/temp-dir.js";
import { addRefusedCustomer, parseRaw, startProvisionedHarness, type WebHarness } from "../web/support.js";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, STACK_TIMEOUT_MS } from "./support.js";

/**
 * One failure, four readers: WEDOS refuses a new customer's zone (2322, the account's zone limit). The customer's
 * domain page says it in plain words, the admin's names the WAPI command, the code and WEDOS's own words — in
 * English and in Czech, each with its times in the language's convention and the page's zone named once. Each page
 * is rendered by the real daemon, opened in Chromium with the plugin's stylesheet, photographed and read back.
 */
const CSS = fileURLToPath(new URL("../../images/wedos.css", import.meta.url));
const SHOTS = join(process.env.WEDOS_SCREENSHOTS ?? SCREENSHOT_DIR, "reasons");
let h: WebHarness;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  process.stdout.write(`reasons screenshots: ${SHOTS}\n`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
}, STACK_TIMEOUT_MS);
// A harness per test: its files are in a temp directory removed after each test.
beforeEach(async () => {
  h = await startProvisionedHarness();
  await addRefusedCustomer(h, 2322);
}, STACK_TIMEOUT_MS);
afterEach(async () => {
  await h?.close();
}, STACK_TIMEOUT_MS);

/** A domain's page (dave.test's unless named) for `account` as Chromium shows it; kept as `<shot>-<language>.png`. */
async function domainPage(
  level: "user" | "admin",
  account: string,
  language: "en" | "cs",
  shot: string,
  domain = "dave.test",
) {
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(account),
    query: `p=/domains/${domain}`,
    env: { LANGUAGE: language },
  });
  const file = join(tempDir("wedos-reasons-"), "page.html");
  writeFileSync(file, parseRaw(run.stdout).body.replace(/href="[^"]*\/images\/wedos\.css"/, `href="file://${CSS}"`));
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await tab.goto(`file://${file}`);
    await tab.screenshot({ path: join(SHOTS, `${shot}-${language}.png`), fullPage: true });
    const reason = tab.locator("dd.wedos-reason");
    const details = reason.locator(".wedos-reason-details");
    return {
      reason: (await reason.innerText()).replace(/\s+/g, " ").trim(),
      details: (await details.count()) === 0 ? undefined : await details.innerText(),
      detailsVisible: (await details.count()) > 0 && (await details.isVisible()),
      zone: await tab.locator(".wedos-time-zone").allInnerTexts(),
      text: await tab.locator(".wedos-panel").innerText(),
    };
  } finally {
    await tab.close();
  }
}

describe("the same failure, read by a customer and by the admin", { timeout: 60_000 }, () => {
  it("English: plain words for the customer; the admin's words with WEDOS's details", async () => {
    const customer = await domainPage("user", "dave", "en", "customer-2322");
    expect(customer.reason).toBe(
      "WEDOS cannot take this domain's DNS yet: the WEDOS account has no room for more zones. Your provider has been told.",
    );
    expect(customer.details).toBeUndefined();
    for (const secret of ["2322", "dns-domain-add", "WAPI", "Maximum number"])
      expect(customer.text).not.toContain(secret);
    expect(customer.zone).toEqual(["Times are in UTC."]);

    const admin = await domainPage("admin", "admin", "en", "admin-2322");
    expect(admin.reason).toContain(
      "The WEDOS account has reached its limit of DNS zones: ask WEDOS support to raise it",
    );
    expect(admin.detailsVisible).toBe(true);
    expect(admin.details).toContain(
      'WAPI dns-domain-add: WEDOS refused the request (code 2322 "Maximum number of DNS domains exceeded")',
    );
  });

  it("Czech: the same in Czech, WEDOS's reason included, with Czech times in Prague time", async () => {
    const customer = await domainPage("user", "dave", "cs", "customer-2322");
    expect(customer.reason).toBe(
      "WEDOS zatím nemůže převzít DNS této domény: účet u WEDOS nemá místo pro další zóny. Váš poskytovatel o tom ví.",
    );
    for (const secret of ["2322", "WAPI", "Maximum number", "WEDOS cannot"])
      expect(customer.text).not.toContain(secret);
    expect(customer.zone).toEqual(["Časy jsou uvedeny v pražském čase."]);

    const admin = await domainPage("admin", "admin", "cs", "admin-2322");
    expect(admin.reason).toContain("Účet u WEDOS dosáhl limitu počtu DNS zón: požádejte podporu WEDOS o jeho navýšení");
    expect(admin.details).toContain("code 2322");
    // A synced domain's time in Czech writing, in Prague time (the harness's clock: 10 March 2026, 09:00 UTC).
    const synced = await domainPage("user", "alice", "cs", "customer-synced", "alice.test");
    expect(synced.text).toMatch(/Naposledy synchronizováno\s+10\. 3\. 2026 10:0\d/);
    expect(synced.reason).toBe("");
  });
});
