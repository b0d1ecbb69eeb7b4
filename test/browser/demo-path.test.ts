import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createUserInPanel,
  logIn,
  logOut,
  pluginFrame,
  screenshot,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  STEP_TIMEOUT_MS,
  type BrowserStack,
} from "./support.js";

let b: BrowserStack;
beforeAll(async () => {
  b = await startBrowserStack();
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

describe("the demo in a browser", () => {
  it(
    "admin creates a user with a domain; the user opens the plugin and sees the zone active",
    { timeout: 120_000 },
    async () => {
      const { page } = b;
      await logIn(page, b.url, "admin", b.password("admin"));
      await createUserInPanel(page, {
        username: "bob",
        password: "Bob-pass-123",
        domain: "bob.test",
        package: "business",
      });
      expect(await page.locator(".flash-ok summary").textContent()).toContain("user_create_post ✓");
      await expect.poll(() => page.locator('tr[data-user="bob"]').textContent()).toContain("business");
      await screenshot(page, "demo-1-admin-created-user");

      await logOut(page);
      await logIn(page, b.url, "bob", "Bob-pass-123");
      await screenshot(page, "demo-2-user-domains");
      await page.locator(".plugins").getByRole("link", { name: "WEDOS DNS" }).click();
      const frame = pluginFrame(page);
      await frame.locator(".wedos-identity", { hasText: "Signed in as bob" }).waitFor();

      // The daemon works on its own clock: reload the plugin until the zone shows active (bounded, never a fixed wait).
      const state = frame.locator("tr", { has: page.locator('a:text-is("bob.test")') }).locator(".wedos-status");
      await expect
        .poll(
          async () => {
            await page.reload();
            await frame.locator(".wedos-panel").waitFor();
            return state.textContent();
          },
          { timeout: 30_000, interval: 250 },
        )
        .toBe("active");
      await screenshot(page, "demo-3-plugin-zone-active");

      await frame.getByRole("link", { name: "bob.test" }).click();
      await frame.locator("h1", { hasText: "bob.test" }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await screenshot(page, "demo-4-plugin-domain-page");
      expect([...b.stack.sim.simulator.publishedZones()].map((zone) => zone.name)).toEqual(["bob.test"]);
    },
  );
});
