import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, dayOf, monthOf } from "../../src/billing/calendar.js";
import { protectionCharged, zoneStarted } from "../support/billing-ledger.js";
import { englishOnlyFragments } from "../support/catalogue.js";
import {
  addCustomer,
  addReseller,
  logIn,
  openPlugin,
  pluginFrame,
  pluginText,
  screenshot,
  showPluginPage,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type BrowserStack,
} from "./support.js";

/**
 * The billing pages in the browser, in English and Czech, for a customer, their reseller and the admin: reached from
 * the plugin's menu, the month chosen with the picker's form, a reseller's customer opened from the list; a
 * screenshot of each. The ledger is written as its writers would (test/support/billing-ledger.ts), for the month
 * before the current one: a reseller `billres` with customers `anna` (a zone since three months before, protection
 * charged every month) and `bert` (a zone from the 15th).
 */
let b: BrowserStack;
let page: Page;
// The stack runs on real time: the month shown is the one before today's, in the provider's time zone.
const month = addMonths(monthOf(dayOf(Date.now(), "Europe/Prague")), -1);
const MONTH_EN = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
  new Date(`${month}-15T00:00:00Z`),
);

beforeAll(async () => {
  b = await startBrowserStack();
  addReseller(b, "billres");
  await addCustomer(b, { username: "anna", domain: "anna.test", creator: "billres" });
  await addCustomer(b, { username: "bert", domain: "bert.test", creator: "billres" });
  const db = b.stack.services.db;
  const anna = { username: "anna", reseller: "billres", domain: "anna.test" };
  zoneStarted(db, { ...anna, day: `${addMonths(month, -3)}-01`, monthly: "30.00" });
  for (const [index, each] of [addMonths(month, -2), addMonths(month, -1), month].entries())
    protectionCharged(db, {
      ...anna,
      day: `${each}-05`,
      coversTo: `${addMonths(each, 1)}-04`,
      retail: "490.00",
      wholesale: "390.00",
      order: `ORD-${index}`,
    });
  zoneStarted(db, { username: "bert", reseller: "billres", domain: "bert.test", day: `${month}-15`, monthly: "45.00" });
  page = b.page;
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

/** Fails with every English page text found on the plugin's page. */
async function expectCzechOnly(where: string): Promise<void> {
  const text = (await pluginText(page)).replace(/\s+/g, " ");
  expect(
    englishOnlyFragments().filter((fragment) => text.includes(fragment)),
    where,
  ).toEqual([]);
}

/** Logs in afresh (a test that failed half-way leaves no session behind for the next). */
async function logInAs(username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await logIn(page, b.url, username, password);
}

/** The totals list of a billing page: term → amount. */
async function totals(frame: FrameLocator): Promise<Record<string, string>> {
  const list = frame.locator("dl.wedos-billing-totals").first();
  const terms = await list.locator("dt").allTextContents();
  const values = await list.locator("dd").allTextContents();
  return Object.fromEntries(terms.map((term, index) => [term.trim(), (values[index] ?? "").trim()]));
}

/** Opens Billing from the plugin's menu and shows `month` with the picker's form (a GET form, as a person uses it). */
async function openBilling(label: string): Promise<FrameLocator> {
  const frame = await openPlugin(page);
  await frame.locator(".wedos-nav").getByRole("link", { name: label, exact: true }).click();
  await frame.locator(`.wedos-nav a[aria-current="page"]`, { hasText: label }).waitFor();
  await frame.locator("#wedos-billing-month").selectOption(month);
  await frame.locator(".wedos-billing-month-form button").click();
  await expect.poll(() => page.frame({ name: "plugin-frame" })?.url() ?? "").toContain(`month=${month}`);
  await pluginFrame(page).locator(".wedos-panel h1").waitFor();
  return pluginFrame(page);
}

describe("the billing pages in the browser", { timeout: 120_000 }, () => {
  it("shows the customer what they pay per domain with VAT and twelve months as a chart, in English", async () => {
    await logInAs("anna", "anna-Pass-123");
    const frame = await openBilling("Billing");
    expect(await frame.locator("h1").textContent()).toBe("Billing");
    expect(await frame.locator(".wedos-main h2").first().textContent()).toBe(MONTH_EN);
    expect(await totals(frame)).toEqual({ "Without VAT": "CZK 520.00", "VAT 21 %": "CZK 109.20", Total: "CZK 629.20" });
    expect(await frame.locator("svg.wedos-chart-svg[role=img] title").first().textContent()).toBe(
      "What you paid, the last 12 months",
    );
    expect(await frame.locator(".wedos-main").textContent()).not.toContain("390.00");
    await screenshot(page, "en-billing-user");
  });

  it("shows the reseller their customers' month and a customer's statement with wholesale and margin", async () => {
    await logInAs("billres", "billres-Pass-123");
    const frame = await openBilling("Billing");
    const rows = frame.locator("table.wedos-billing-customers tbody tr");
    expect(await rows.locator("th").allTextContents()).toEqual(["anna", "bert"]);
    // bert: 45.00 for the days from the 15th to the month's end.
    expect(await totals(frame)).toMatchObject({ "Charged by WEDOS": "CZK 390.00" });
    await screenshot(page, "en-billing-reseller");
    await frame.getByRole("link", { name: "anna", exact: true }).click();
    await frame.locator("h1", { hasText: "Statement of anna" }).waitFor();
    expect(await totals(frame)).toMatchObject({ "Without VAT": "CZK 520.00", Margin: "CZK 130.00" });
    await screenshot(page, "en-billing-statement");
  });

  it("shows the admin the month per reseller, and a reseller's customers from there", async () => {
    await logInAs("admin", b.password("admin"));
    const frame = await openBilling("Billing");
    const row = frame.locator("table.wedos-billing-resellers tbody tr").filter({ hasText: "billres" });
    expect(await row.locator("td").allTextContents()).toEqual(expect.arrayContaining(["2", "CZK 390.00"]));
    expect(await frame.locator("svg.wedos-chart-svg title").first().textContent()).toBe(
      "Revenue, WEDOS and margin, the last 12 months",
    );
    await screenshot(page, "en-billing-admin");
    await row.getByRole("link", { name: "billres" }).click();
    await frame.locator("h2", { hasText: `Customers of billres in ${MONTH_EN}` }).waitFor();
    expect(await frame.locator("table.wedos-billing-customers tbody th").allTextContents()).toEqual(["anna", "bert"]);
  });

  it("speaks Czech on every level, with Czech money and months", async () => {
    for (const username of ["anna", "billres", "admin"]) b.stack.da.setLanguage(username, "cs");
    await logInAs("anna", "anna-Pass-123");
    let frame = await openBilling("Vyúčtování");
    expect(await frame.locator("h1").textContent()).toBe("Vyúčtování");
    expect(await totals(frame)).toEqual({ "Bez DPH": "520,00 Kč", "DPH 21 %": "109,20 Kč", Celkem: "629,20 Kč" });
    await screenshot(page, "cs-billing-user");
    await expectCzechOnly("user");

    await logInAs("billres", "billres-Pass-123");
    frame = await openBilling("Vyúčtování");
    expect(await frame.locator("table.wedos-billing-customers thead th").first().textContent()).toBe("Zákazník");
    await screenshot(page, "cs-billing-reseller");
    await expectCzechOnly("reseller");
    await showPluginPage(page, "reseller", "/billing/statement", { customer: "anna", month });
    frame = pluginFrame(page);
    expect(await frame.locator("h1").textContent()).toBe("Vyúčtování účtu anna");
    expect(await totals(frame)).toMatchObject({ Marže: "130,00 Kč" });
    await screenshot(page, "cs-billing-statement");
    await expectCzechOnly("statement");

    await logInAs("admin", b.password("admin"));
    frame = await openBilling("Vyúčtování");
    expect(await frame.locator(".wedos-billing-links").textContent()).toContain("Ceník");
    await screenshot(page, "cs-billing-admin");
    await expectCzechOnly("admin");
  });
});
