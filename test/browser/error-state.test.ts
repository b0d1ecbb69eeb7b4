import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCustomer,
  clearFaults,
  dnsSettled,
  domainRow,
  injectFaults,
  jobsSettled,
  listStatus,
  logIn,
  openDomainPage,
  openPlugin,
  pageReason,
  pageStatus,
  screenshot,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  untilPageShows,
  type BrowserStack,
} from "./support.js";

/**
 * A real error state: WEDOS refuses to create the customer's zone (2322, the WEDOS account's zone limit, injected at
 * the simulator). The customer sees the domain among the problems with the reason in words that say what to do;
 * once the cause is gone (the fault cleared), "Sync now" on the domain's page brings the domain to active.
 */
let b: BrowserStack;
let page: Page;
// The customer's words for WEDOS's 2322 (the account's zone limit): no code, command or WEDOS's English.
const REASON =
  "WEDOS cannot take this domain's DNS yet: the WEDOS account has no room for more zones. Your provider has been told.";

beforeAll(async () => {
  b = await startBrowserStack();
  await injectFaults(b, { command: "dns-domain-add", kind: "wapi-code", code: 2322 });
  const bob = await addCustomer(b, { username: "bob", domain: "bob.test" });
  await dnsSettled(b, "bob.test", "error");
  // Every hook event of the new account has met the refusal: nothing retries by itself.
  await jobsSettled(b, "bob.test");
  page = b.page;
  await logIn(page, b.url, bob.username, bob.password);
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

describe("an error state in the browser", { timeout: 90_000 }, () => {
  it("shows the refused domain among the problems, with the reason on the list and on its page", async () => {
    const frame = await openPlugin(page);
    await frame.getByRole("navigation", { name: "Show domains" }).getByRole("link", { name: "problems" }).click();
    await frame.locator('.wedos-filters a[aria-current="page"]', { hasText: "problems" }).waitFor();
    expect(await listStatus(frame, "bob.test").textContent()).toBe("error");
    expect(await domainRow(frame, "bob.test").locator(".wedos-reason").textContent()).toContain(REASON);

    await openDomainPage(frame, "bob.test");
    expect(await pageStatus(frame).textContent()).toBe("error");
    const reason = (await pageReason(frame).textContent()) ?? "";
    expect(reason).toBe(REASON);
    expect(reason).not.toContain("2322");
    expect(await frame.locator(".wedos-table .wedos-status-in-sync").count()).toBe(0);
    await screenshot(page, "en-error-domain-page");
  });

  it("brings the domain to active with Sync now on its page once the cause is gone", async () => {
    let frame = await untilPageShows(page, "user", "/domains/bob.test", pageStatus, /^error$/);
    await clearFaults(b);
    await frame.getByRole("button", { name: "Sync now", exact: true }).click();
    await frame.locator(".wedos-notice", { hasText: "A sync of bob.test has been queued" }).waitFor();
    frame = await untilPageShows(page, "user", "/domains/bob.test", pageStatus, /^active$/);
    expect(await pageReason(frame).textContent()).not.toContain("refused");
    expect(
      await frame.locator(".wedos-table tr", { hasText: "mail" }).locator(".wedos-status").first().textContent(),
    ).toBe("in sync");
    expect(b.stack.sim.simulator.publishedZones().map((zone) => zone.name)).toContain("bob.test");
    await screenshot(page, "en-error-retried-domain-page");
  });
});
