import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCustomer,
  addReseller,
  clearFaults,
  createUserInPanel,
  dnsSettled,
  domainRow,
  injectFaults,
  jobsSettled,
  listStatus,
  logIn,
  mainPageScreenshot,
  openDomainPage,
  openPlugin,
  pageReason,
  pageStatus,
  pluginText,
  showPluginPage,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  untilPageShows,
  type BrowserStack,
} from "./support.js";

/**
 * A reseller in the browser: their customers' domains only (problems first), acting on one of them, and no way to
 * another reseller's or the admin's customer by changing the address or a form (the page answers as for a domain
 * that does not exist).
 */
let b: BrowserStack;
let page: Page;
const NOT_FOUND = "There is no such domain among the domains you may manage.";

beforeAll(async () => {
  b = await startBrowserStack();
  // One of the reseller's customers is refused by WEDOS (2322) until the cause is gone.
  await injectFaults(b, { command: "dns-domain-add", kind: "wapi-code", code: 2322 });
  await addCustomer(b, { username: "jane", domain: "jane.test", creator: "reseller" });
  await dnsSettled(b, "jane.test", "error");
  await jobsSettled(b, "jane.test");
  await clearFaults(b);
  // Customers of another reseller and of the admin.
  addReseller(b, "other");
  await addCustomer(b, { username: "kate", domain: "kate.test", creator: "other" });
  await addCustomer(b, { username: "liam", domain: "liam.test", creator: "admin" });
  page = b.page;
  await logIn(page, b.url, "reseller", b.password("reseller"));
  await createUserInPanel(page, {
    username: "ivan",
    password: "Ivan-pass-123",
    domain: "ivan.test",
    package: "default",
  });
  for (const domain of ["ivan.test", "kate.test", "liam.test"]) await dnsSettled(b, domain, "active");
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

describe("a reseller in the browser", { timeout: 90_000 }, () => {
  it("sees only their customers' domains with their states, problems first", async () => {
    const frame = await openPlugin(page);
    expect(await frame.locator("h1").textContent()).toBe("Your customers' domains");
    expect(await frame.locator("tbody tr th a").allTextContents()).toEqual(["jane.test", "ivan.test"]);
    expect(await listStatus(frame, "jane.test").textContent()).toBe("error");
    expect(await domainRow(frame, "jane.test").locator("td").first().textContent()).toBe("jane");
    expect(await listStatus(frame, "ivan.test").textContent()).toBe("active");
    expect(await domainRow(frame, "ivan.test").locator("td").first().textContent()).toBe("ivan");
    await mainPageScreenshot(page, "en", "reseller-list");
  });

  it("acts on a customer's domain: Sync now brings the refused one to active", async () => {
    let frame = await showPluginPage(page, "reseller", "/");
    await openDomainPage(frame, "jane.test");
    expect(await pageStatus(frame).textContent()).toBe("error");
    expect(await pageReason(frame).textContent()).toContain("The server's administrator has been told.");
    await frame.getByRole("button", { name: "Sync now", exact: true }).click();
    await frame.locator(".wedos-notice", { hasText: "A sync of jane.test has been queued" }).waitFor();
    frame = await untilPageShows(page, "reseller", "/domains/jane.test", pageStatus, /^active$/);
    expect(await frame.locator("dl.wedos-details").first().textContent()).toContain("jane");
  });

  it("cannot reach another reseller's or the admin's customer by changing the address or a form", async () => {
    for (const domain of ["kate.test", "liam.test", "nobody.test"]) {
      await showPluginPage(page, "reseller", `/domains/${domain}`);
      const text = await pluginText(page);
      expect(text, domain).toContain(NOT_FOUND);
      expect(text, domain).not.toContain("kate");
      expect(text, domain).not.toContain("liam");
    }

    // The list's Sync now form, sent for someone else's domain.
    const frame = await showPluginPage(page, "reseller", "/");
    const plugin = page.frame({ name: "plugin-frame" });
    await plugin?.evaluate(
      `document.querySelector('form input[name="domain"][value="ivan.test"]').value = "kate.test"`,
    );
    await domainRow(frame, "ivan.test")
      .getByRole("button", { name: /^Sync now/ })
      .click();
    await frame.locator(".wedos-error", { hasText: NOT_FOUND }).waitFor();
    expect(
      b.stack.services.queue
        .list({ limit: 1000 })
        .filter((job) => job.jobKey === "sync-zone:kate.test" && job.lane === "interactive"),
    ).toEqual([]);

    // The admin's own level is refused to a reseller by the panel itself.
    const admin = await page.request.get(`${b.url}/CMD_PLUGINS_ADMIN/wedos/index.html`);
    expect(admin.status()).toBe(403);
  });
});
