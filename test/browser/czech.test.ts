import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PACKAGES } from "../../src/demo/seed.js";
import { englishOnlyFragments } from "../support/catalogue.js";
import {
  addCustomer,
  dnsSettled,
  listStatus,
  logIn,
  mainPageScreenshot,
  openAdminPage,
  openPlugin,
  pluginText,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  untilPageShows,
  type BrowserStack,
} from "./support.js";

/**
 * The plugin in Czech: a customer whose language is set to cs in the panel, and an admin and a reseller whose
 * accounts speak Czech, see every main page in Czech with no English page text; a screenshot of each.
 */
let b: BrowserStack;
const ENGLISH = englishOnlyFragments();

beforeAll(async () => {
  b = await startBrowserStack();
  await addCustomer(b, { username: "petr", domain: "petr.test", package: DEMO_PACKAGES.protected });
  await addCustomer(b, { username: "olga", domain: "olga.test", creator: "reseller" });
  await dnsSettled(b, "petr.test", "active");
  await dnsSettled(b, "olga.test", "active");
  // The emulated panel has no page for a staff account's own language: their user.conf says cs.
  b.stack.da.setLanguage("admin", "cs");
  b.stack.da.setLanguage("reseller", "cs");
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

/** Fails with every English page text found in the plugin's page. */
async function expectCzechOnly(page: Page, where: string): Promise<void> {
  const text = (await pluginText(page)).replace(/\s+/g, " ");
  expect(
    ENGLISH.filter((fragment) => text.includes(fragment)),
    where,
  ).toEqual([]);
}

describe("the plugin in Czech", { timeout: 90_000 }, () => {
  it("speaks Czech to the admin on all domains, operations, policies and WAPI settings", async () => {
    const page = b.page;
    await logIn(page, b.url, "admin", b.password("admin"));
    // The customer's language is set in the panel, as an admin or reseller does.
    await page.locator('tr[data-user="petr"]').getByLabel("Language of petr").selectOption("cs");
    await page.locator('tr[data-user="petr"]').getByRole("button", { name: "Set" }).click();
    await page.locator(".flash-ok", { hasText: "set the language of petr to cs" }).waitFor();

    const frame = await openPlugin(page);
    expect(await frame.locator("h1").textContent()).toBe("Všechny domény");
    expect(await listStatus(frame, "petr.test").textContent()).toBe("aktivní");
    await expectCzechOnly(page, "admin home");
    await mainPageScreenshot(page, "cs", "admin-home");
    const pages = [
      ["operations", "Provoz", "Požadavky na WEDOS v této hodině"],
      ["drift", "Konflikty a odchylky", "Existuje u WEDOS, ale nezaložil to plugin"],
      ["policies", "Zásady balíčků", "Uložit"],
      ["settings", "Nastavení WAPI", "Otestovat spojení"],
    ] as const;
    for (const [name, title, text] of pages) {
      await openAdminPage(frame, name);
      expect(await frame.locator("h1").textContent()).toBe(title);
      expect(await pluginText(page)).toContain(text);
      await expectCzechOnly(page, name);
      await mainPageScreenshot(page, "cs", `admin-${name}`);
    }
  });

  it("speaks Czech to the reseller on their customers' domains", async () => {
    const page = await b.newPage();
    await logIn(page, b.url, "reseller", b.password("reseller"));
    const frame = await openPlugin(page);
    expect(await frame.locator("h1").textContent()).toBe("Domény vašich zákazníků");
    expect(await frame.locator("tbody tr th a").allTextContents()).toEqual(["olga.test"]);
    await expectCzechOnly(page, "reseller home");
    await mainPageScreenshot(page, "cs", "reseller-list");
    await page.context().close();
  });

  it("speaks Czech to the customer whose language was set in the panel, on the list and the domain page", async () => {
    const page = await b.newPage();
    await logIn(page, b.url, "petr", "petr-Pass-123");
    let frame = await openPlugin(page);
    expect(await frame.locator("h1").textContent()).toBe("Moje domény");
    expect(await frame.getByRole("navigation", { name: "Zobrazit domény" }).locator("a").allTextContents()).toEqual([
      "vše 1",
      "problémy 0",
      "čekající 0",
      "aktivní 1",
      "pozastavené 0",
    ]);
    await expectCzechOnly(page, "user home");
    await mainPageScreenshot(page, "cs", "user-list");

    // Protection active (the plugin collects WEDOS's answer a minute after the order), so the page shows it all.
    b.clock.skip(61_000);
    frame = await untilPageShows(
      page,
      "user",
      "/domains/petr.test",
      (each) => each.locator("dl.wedos-details").nth(1).locator(".wedos-status"),
      /^aktivní$/,
    );
    expect(await frame.locator("h1").textContent()).toBe("Doména petr.test");
    const text = await pluginText(page);
    for (const czech of [
      "Jmenné servery",
      "synchronizováno",
      "zajišťuje WEDOS",
      "Za zónu odpovídají vlastní jmenné servery WEDOS",
      "Vyprázdnit mezipaměť",
      "Synchronizovat",
    ])
      expect(text).toContain(czech);
    expect(text).not.toContain("nesynchronizované záznamy");
    await expectCzechOnly(page, "domain page");
    await mainPageScreenshot(page, "cs", "domain-page");
    await page.context().close();
  });
});
