import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PACKAGES } from "../../src/demo/seed.js";
import {
  addCustomer,
  dnsSettled,
  domainRow,
  injectFaults,
  listStatus,
  logIn,
  mainPageScreenshot,
  openDomainPage,
  openPlugin,
  pageReason,
  pluginText,
  pageStatus,
  SETTLE_TIMEOUT_MS,
  showPluginPage,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  untilPageShows,
  type Account,
  type BrowserStack,
} from "./support.js";

/**
 * A customer's main paths in the browser: their domain list (only theirs, problems first, filters), a domain's
 * page (records and why WEDOS does not take some, the name servers to set), a record added in the panel's DNS
 * editor and synced with "Sync now", and protection from order to active with a cache purge.
 */
let b: BrowserStack;
let alice: Account;
let page: Page;

beforeAll(async () => {
  b = await startBrowserStack();
  // alice's package orders protection; carol is another customer whose domain alice must never see.
  alice = await addCustomer(b, { username: "alice", domain: "alice.test", package: DEMO_PACKAGES.protected });
  await addCustomer(b, { username: "carol", domain: "carol.test" });
  await dnsSettled(b, "alice.test", "active");
  await dnsSettled(b, "carol.test", "active");
  // A second domain of alice's that WEDOS refuses (2322: the account's zone limit), so her list has a problem. The
  // refusal stays: the domain's other hook events (and the reconciler) try again and must meet it too.
  await injectFaults(b, { command: "dns-domain-add", kind: "wapi-code", code: 2322 });
  await b.stack.da.createDomain("alice", "alice-shop.test");
  await dnsSettled(b, "alice-shop.test", "error");
  page = b.page;
  await logIn(page, b.url, alice.username, alice.password);
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const domainsIn = async (frame: FrameLocator) => frame.locator("tbody tr th a").allTextContents();

/** A record's row on a domain's page, by name and type. */
const recordRow = (frame: FrameLocator, name: string, type: string) =>
  frame
    .locator("tbody tr")
    .filter({ has: frame.locator("td:nth-child(1)", { hasText: new RegExp(`^${name.replace(/\./g, "\\.")}$`) }) })
    .filter({ has: frame.locator("td:nth-child(2)", { hasText: new RegExp(`^${type}$`) }) });

describe("a customer in the browser", { timeout: 90_000 }, () => {
  it("opens Plugins → WEDOS DNS and sees their own domains, problems first, and filters them", async () => {
    const frame = await openPlugin(page);
    await frame.locator(".wedos-identity", { hasText: "Signed in as alice" }).waitFor();
    expect(await frame.locator("h1").textContent()).toBe("My domains");
    expect(await domainsIn(frame)).toEqual(["alice-shop.test", "alice.test"]);
    expect(await listStatus(frame, "alice-shop.test").textContent()).toBe("error");
    expect(await domainRow(frame, "alice-shop.test").locator(".wedos-reason").textContent()).toContain(
      "WEDOS cannot take this domain's DNS yet: the WEDOS account has no room for more zones.",
    );
    expect(await listStatus(frame, "alice.test").textContent()).toBe("active");
    await mainPageScreenshot(page, "en", "user-list");

    const filters = frame.getByRole("navigation", { name: "Show domains" });
    await filters.getByRole("link", { name: "problems" }).click();
    await filters.locator('a[aria-current="page"]', { hasText: "problems" }).waitFor();
    expect(await domainsIn(frame)).toEqual(["alice-shop.test"]);
    await filters.getByRole("link", { name: "active" }).click();
    await filters.locator('a[aria-current="page"]', { hasText: "active" }).waitFor();
    expect(await domainsIn(frame)).toEqual(["alice.test"]);
    await filters.getByRole("link", { name: "waiting" }).click();
    await frame.locator(".wedos-empty", { hasText: "No domains in this group." }).waitFor();

    // Another customer's domain is not there, and its page answers as for a domain that does not exist.
    await showPluginPage(page, "user", "/domains/carol.test");
    expect(await pluginText(page)).toContain("There is no such domain among the domains you may manage.");
    expect(await pluginText(page)).not.toContain("carol");
  });

  it("reads a domain's page: its state, each record's state at WEDOS with the reason it is not taken, the name servers", async () => {
    const frame = await showPluginPage(page, "user", "/");
    await openDomainPage(frame, "alice.test");
    expect(await pageStatus(frame).textContent()).toBe("active");
    // SOA and apex NS are WEDOS's business, not records that failed: the domain's details do not count them.
    expect(await pluginText(page)).not.toContain("not synced");
    expect(await recordRow(frame, "mail", "A").locator(".wedos-status").textContent()).toBe("in sync");
    // The template's apex NS records and its SOA stay in the panel: the page shows WEDOS's own, which it serves.
    const apexNs = recordRow(frame, "@", "NS");
    expect(await apexNs.locator(".wedos-value").allTextContents()).toEqual([
      "ns.wedos.net.",
      "ns.wedos.cz.",
      "ns.wedos.eu.",
      "ns.wedos.com.",
    ]);
    expect(await apexNs.first().locator(".wedos-status").textContent()).toBe("served by WEDOS");
    expect(await apexNs.first().locator("small").textContent()).toBe(
      "WEDOS answers for the zone from its own name servers; the panel's NS records for the zone itself are not used at WEDOS",
    );
    expect(await recordRow(frame, "@", "SOA").locator(".wedos-value").textContent()).toBe(
      "ns.wedos.net. wedos.wedos.com. … 3600 1800 2592000 3600",
    );
    expect(await frame.locator(".wedos-nameservers li code").allTextContents()).toEqual([
      "ns.wedos.net",
      "ns.wedos.cz",
      "ns.wedos.eu",
      "ns.wedos.com",
    ]);

    // The domain WEDOS refused says why, in words a customer can act on.
    await showPluginPage(page, "user", "/domains/alice-shop.test");
    expect(await pageStatus(frame).textContent()).toBe("error");
    expect(await pageReason(frame).textContent()).toContain("Your provider has been told.");
  });

  it("adds a record in the panel's DNS editor; when its sync has to wait for a retry, Sync now brings it in sync at once", async () => {
    // WEDOS fails once where the new record is added: the hook's sync waits for its retry (30 s away).
    await injectFaults(b, { command: "dns-row-add", kind: "code-4000", count: 1 });
    await page.getByRole("link", { name: "Domains", exact: true }).click();
    await page.locator('section[data-domain="alice.test"]').getByRole("link", { name: "DNS management" }).click();
    await page.getByLabel("Name", { exact: true }).fill("shop");
    await page.getByLabel("Type").selectOption("A");
    await page.getByLabel("Value", { exact: true }).fill("192.0.2.55");
    await page.getByRole("button", { name: "Add record" }).click();
    await page.locator(".flash-ok", { hasText: "added the record" }).waitFor();
    expect(await page.locator(".flash-ok summary").textContent()).toContain("dns_write_post ✓");

    await openPlugin(page);
    let frame = await untilPageShows(
      page,
      "user",
      "/domains/alice.test",
      (each) => pageReason(each),
      /WEDOS is having trouble right now; the change is sent again by itself\./,
    );
    // Its change is not at WEDOS yet: the page says so, and by when it is expected there.
    expect(await pageStatus(frame).textContent()).toBe("changes waiting");
    expect(await pageReason(frame).textContent()).toMatch(
      /Changes not yet at WEDOS; expected there by \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d\./,
    );
    expect(await recordRow(frame, "shop", "A").locator(".wedos-status").textContent()).toBe(
      "waiting for the next sync",
    );

    await frame.getByRole("button", { name: "Sync now", exact: true }).click();
    await frame.locator(".wedos-notice", { hasText: "A sync of alice.test has been queued" }).waitFor();
    // Well before the retry would have run by itself.
    frame = await untilPageShows(
      page,
      "user",
      "/domains/alice.test",
      (each) => recordRow(each, "shop", "A").locator(".wedos-status"),
      /^in sync$/,
      20_000,
    );
    expect(await pageStatus(frame).textContent()).toBe("active");
    const published = b.stack.sim.simulator.publishedZones().find((zone) => zone.name === "alice.test");
    expect(published?.rows.some((row) => row.name === "shop" && row.type === "A" && row.rdata === "192.0.2.55")).toBe(
      true,
    );
  });

  it("follows protection from the order to active, then purges its cache", async () => {
    let frame = await untilPageShows(page, "user", "/domains/alice.test", protectionStatus, /^being activated$/);
    expect(await frame.locator("dl.wedos-details").nth(1).textContent()).toContain("Start, monthly");
    // WEDOS activated it at once (simulator); the plugin collects the outcome a minute after the order.
    b.clock.skip(61_000);
    frame = await untilPageShows(page, "user", "/domains/alice.test", protectionStatus, /^active$/);
    await mainPageScreenshot(page, "en", "domain-page");

    await frame.getByRole("button", { name: "Purge cache" }).click();
    await frame
      .locator(".wedos-notice", { hasText: "The protection cache of alice.test will be purged within a minute." })
      .waitFor();
    await expect
      .poll(
        () =>
          b.stack.sim.simulator
            .dump()
            .requestLog.filter((entry) => entry.command === "wgp-domain-cache-purge" && entry.code === 1000).length,
        { timeout: SETTLE_TIMEOUT_MS },
      )
      .toBe(1);
  });
});

/** Protection's status badge on a domain's page (its one state). */
function protectionStatus(frame: FrameLocator) {
  return frame.locator(".wedos-protection .wedos-status");
}
