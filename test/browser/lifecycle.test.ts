import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { tempDir } from "../support/temp-dir.js";
import { accountWithForeignZone, startProvisionedHarness, visitMainPage, type WebHarness } from "../web/support.js";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, STACK_TIMEOUT_MS } from "./support.js";

/**
 * A domain's lifecycle and its comparison with WEDOS as each reader sees them in Chromium (en and cs): a deleted
 * domain's removal date (the admin with Cancel removal and Remove now, the customer without name-server
 * instructions), a suspended domain, the waiting jobs, the drift states and the adopt preview. Each page is
 * rendered by the real daemon, photographed, and read back from the browser.
 */
const CSS = fileURLToPath(new URL("../../images/wedos.css", import.meta.url));
const SHOTS = join(process.env.WEDOS_SCREENSHOTS ?? SCREENSHOT_DIR, "lifecycle");
let h: WebHarness;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
}, STACK_TIMEOUT_MS);
// A harness per test: its files are in a temp directory removed after each test.
afterEach(async () => {
  await h?.close();
}, STACK_TIMEOUT_MS);
beforeEach(async () => {
  h = await startProvisionedHarness();
}, STACK_TIMEOUT_MS);

type Level = "admin" | "reseller" | "user";

/** The page as Chromium shows it: its visible text, its state badges and its buttons; a screenshot is kept. */
async function seen(level: Level, path: string, language: "en" | "cs", shot: string, user?: string) {
  const html =
    user === undefined
      ? await visitMainPage(h, level, "raw", path, language)
      : await visitAs(level, user, path, language);
  const file = join(tempDir("wedos-lifecycle-"), "page.html");
  writeFileSync(file, html.replace(/href="[^"]*\/images\/wedos\.css"/, `href="file://${CSS}"`));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.goto(`file://${file}`);
    await page.screenshot({ path: join(SHOTS, `${shot}-${language}.png`), fullPage: true });
    return {
      text: (await page.locator(".wedos-panel").innerText()).replace(/\s+/g, " "),
      badges: await page.locator(".wedos-status").allInnerTexts(),
      controls: await page.locator(".wedos-panel button, .wedos-panel a").allInnerTexts(),
    };
  } finally {
    await page.close();
  }
}

async function visitAs(level: Level, user: string, path: string, language: string): Promise<string> {
  const [page = "/", query = ""] = path.split("?");
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(user),
    query: [`p=${page}`, query].filter(Boolean).join("&"),
    env: { LANGUAGE: language },
  });
  return run.stdout.slice(run.stdout.indexOf("\r\n\r\n") + 4);
}

describe("the lifecycle and drift, seen in a browser", { timeout: 120_000 }, () => {
  it("shows a deleted domain's removal to the customer and to the admin", async () => {
    // alice's second domain, deleted in the panel: removed from WEDOS after the grace period.
    await h.da.createDomain("alice", "old.test");
    h.services.ingest();
    await h.services.worker.runUntilIdle();
    await h.da.destroyDomain("alice", "old.test");
    h.services.ingest();
    await h.services.worker.runUntilIdle();
    const customer = await seen("user", "/domains/old.test", "en", "deleted-customer");
    expect(customer.badges).toContain("removal scheduled");
    expect(customer.text).toContain("keeps working until 17 Mar 2026, 09:00, when it is removed");
    expect(customer.text).not.toContain("Set these name servers");
    expect(customer.controls).not.toContain("Remove now");
    const customerCs = await seen("user", "/domains/old.test", "cs", "deleted-customer");
    expect(customerCs.badges).toContain("odstranění naplánováno");
    expect(customerCs.text).toContain("Její DNS u WEDOS funguje do 17. 3. 2026 10:00");

    const admin = await seen("admin", "/domains/old.test", "en", "deleted-admin");
    expect(admin.text).toContain("after the package's grace period of 7 days");
    expect(admin.controls).toEqual(expect.arrayContaining(["Cancel removal", "Remove now"]));
    const adminCs = await seen("admin", "/domains/old.test", "cs", "deleted-admin");
    expect(adminCs.controls).toEqual(expect.arrayContaining(["Zrušit odstranění", "Odstranit hned"]));

    const confirm = await seen("admin", "/domains/old.test/removal?do=now", "en", "remove-now-confirm");
    expect(confirm.text).toContain("Remove old.test from WEDOS now?");
    expect(confirm.controls).toEqual(expect.arrayContaining(["Yes, remove it now", "No, go back"]));
    const confirmCs = await seen("admin", "/domains/old.test/removal?do=now", "cs", "remove-now-confirm");
    expect(confirmCs.text).toContain("Odstranit old.test z WEDOS hned?");
  });

  it("says what suspension did, gives staff their own words about protection, and lists waiting jobs", async () => {
    await h.da.suspendUser("carol");
    h.services.ingest();
    const carol = await seen("user", "/domains/carol.test", "en", "suspended-customer", "carol");
    expect(carol.text).toContain("Your account is suspended; this domain's DNS at WEDOS keeps working");
    const carolCs = await seen("user", "/domains/carol.test", "cs", "suspended-customer", "carol");
    expect(carolCs.badges).toContain("pozastavená");
    expect(carolCs.text).toContain("Váš účet je pozastaven");
    const reseller = await seen("reseller", "/domains/bob.test", "en", "protection-none-reseller");
    expect(reseller.text).toContain("The package of this domain's account does not include protection");
    expect(reseller.text).not.toContain("Your hosting package");

    // The waiting jobs, with why each waits: a reseller sees their customers' only.
    h.services.queue.enqueue(syncZone, { domain: "bob.test" }, { delayMs: 600_000 });
    h.services.queue.enqueue(syncZone, { domain: "carol.test" }, { delayMs: 600_000 });
    const waiting = await seen("reseller", "/jobs", "en", "waiting-reseller");
    expect(waiting.text).toContain("Sync of bob.test");
    expect(waiting.text).toContain("scheduled for 10 Mar 2026, 09:10");
    expect(waiting.text).not.toContain("carol.test");
    const resellerCs = await seen("reseller", "/jobs", "cs", "waiting-reseller");
    expect(resellerCs.text).toContain("naplánováno na 10. 3. 2026 10:10");
  });

  it("shows one truthful drift state per domain and the adopt preview", async () => {
    // bob.test was provisioned before comparisons were kept; judy.test's zone was at WEDOS before the plugin.
    h.services.db.exec("DELETE FROM zone_drift WHERE domain = 'bob.test'");
    await accountWithForeignZone(h, "judy");

    const notChecked = await seen("admin", "/domains/bob.test", "en", "drift-not-checked");
    expect(notChecked.badges).toContain("not checked yet");
    expect(notChecked.badges).not.toContain("no differences");
    expect(notChecked.controls).toContain("Check now");
    const notCheckedCs = await seen("admin", "/domains/bob.test", "cs", "drift-not-checked");
    expect(notCheckedCs.badges).toContain("zatím nezkontrolováno");

    const conflict = await seen("admin", "/domains/judy.test", "en", "drift-conflict");
    expect(conflict.controls).toContain("See what adopting would do");
    expect(conflict.controls).not.toContain("Check now");
    // Finding the foreign zone already prepared its preview (one read-only listing), so the owner can be asked.
    const planned = await seen("admin", "/drift/adopt?domain=judy.test&kind=zone", "en", "adopt-preview");
    expect(planned.text).toContain("Records go one way, panel → WEDOS:");
    expect(planned.text).toContain("- delete old A 198.51.100.1 (TTL 300) deleted at WEDOS (not in the panel)");
    expect(planned.text).toContain("+ add www A 192.0.2.10 (TTL 3600) panel → WEDOS: added at WEDOS");
    expect(planned.controls).toContain("Adopt: apply this");
    expect(planned.text).toContain("Reason for taking it over without the owner's approval");
    const plannedCs = await seen("admin", "/drift/adopt?domain=judy.test&kind=zone", "cs", "adopt-preview");
    expect(plannedCs.text).toContain("Záznamy jdou jedním směrem, panel → WEDOS:");
    expect(plannedCs.controls).toContain("Převzít: provést toto");
  });
});
