import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PACKAGES } from "../../src/demo/seed.js";
import {
  addCustomer,
  dnsSettled,
  logIn,
  openDomainPage,
  openPlugin,
  pageStatus,
  screenshot,
  SCREENSHOT_DIR,
  showPluginPage,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  untilPageShows,
  type Account,
  type BrowserStack,
} from "./support.js";

/**
 * The README's picture (docs/screenshot.png): a customer's domain page in the demo when everything has gone
 * through — the zone and its pointer at WEDOS, every record in sync, protection active — photographed inside the
 * emulated DirectAdmin, as test-artifacts/screenshots/readme.png. To renew the README's copy:
 * `cp test-artifacts/screenshots/readme.png docs/screenshot.png && optipng -o5 docs/screenshot.png` (lossless; the
 * README keeps a picture only while it is under 200 kB).
 */
let b: BrowserStack;
let alice: Account;

beforeAll(async () => {
  b = await startBrowserStack();
  alice = await addCustomer(b, { username: "alice", domain: "alice.test", package: DEMO_PACKAGES.protected });
  await b.stack.da.createPointer("alice", "alice.test", "alice-shop.test");
  await dnsSettled(b, "alice.test", "active");
  await dnsSettled(b, "alice-shop.test", "active");
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

describe("the README's screenshot", { timeout: 60_000 }, () => {
  it("shows a customer's domain page in a complete state", async () => {
    const page = b.page;
    await logIn(page, b.url, alice.username, alice.password);
    await openDomainPage(await openPlugin(page), "alice.test");
    // WEDOS activated protection at once (simulator); the plugin collects the outcome a minute after the order.
    b.clock.skip(61_000);
    const frame = await untilPageShows(
      page,
      "user",
      "/domains/alice.test",
      (each) => each.locator("dl.wedos-details").nth(1).locator(".wedos-status"),
      /^active$/,
    );
    // The daemon's delegation check (a run every minute, here one run now) asks the demo's DNS, which answers with
    // WEDOS's name servers.
    await b.stack.services.delegation.runDue();
    expect(b.stack.services.stores.delegations.get("alice.test")?.status).toBe("seen");
    await showPluginPage(page, "user", "/domains/alice.test");
    expect(await frame.locator(".wedos-delegation .wedos-status").textContent()).toMatch(/^seen \(checked /);
    expect(await pageStatus(frame).textContent()).toBe("active");
    expect(await frame.locator(".wedos-at-wedos").textContent()).toMatch(/^(\d+) of \1 records at WEDOS$/);
    expect(await frame.locator("dd.wedos-aliases").textContent()).toBe("alice-shop.test");
    const editor = frame.getByRole("link", { name: "Edit the records of alice.test in DirectAdmin's DNS Management" });
    expect(await editor.count()).toBe(1);
    expect(await screenshot(page, "readme")).toBe(join(SCREENSHOT_DIR, "readme.png"));
  });
});
