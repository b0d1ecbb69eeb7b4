import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { syncZone } from "../../src/provisioning/tasks/zone-tasks.js";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { csrfTokenIn, form, parseRaw, type WebHarness } from "../web/support.js";
import { useHarnessPages } from "./harness-pages.js";

/**
 * While sending to WEDOS is paused (a wrong WAPI password) or this hour's budget is spent, every list
 * and domain page says so — the admin with the cause, the fix and Resume where an admin fixes it, resellers and
 * customers in plain words with the time their changes are expected — and a domain whose changes are not yet at
 * WEDOS is never shown plainly active. Each page is rendered by the real daemon, opened in Chromium with the
 * plugin's stylesheet, photographed (en and cs) and read back from the browser.
 */
const HOUR_MS = 3_600_000;
const pages = useHarnessPages("sending-state");
let h: WebHarness;
beforeEach(() => {
  h = pages.harness();
});

/** WEDOS refuses the credentials (2050) to a sync of alice.test: sending pauses, the change waits. */
async function pausedForCredentials(): Promise<void> {
  h.sim?.simulator.addFault({ command: "dns-rows-list", kind: "wapi-code", code: 2050 });
  h.services.queue.enqueue(syncZone, { domain: "alice.test" });
  await h.services.worker.runUntilIdle();
  expect(h.services.wapi.status.pause()?.reason).toBe("credentials");
}

type Level = "admin" | "reseller" | "user";

/** The page as the visitor's browser shows it: its banner's and its DNS badges' text; a screenshot is kept. */
async function seen(level: Level, path: string, language: "en" | "cs", shot: string) {
  const page = await pages.open(level, path, language);
  try {
    await page.screenshot({ path: join(pages.shots, `${shot}-${language}.png`), fullPage: true });
    const banner = page.locator(".wedos-sending");
    return {
      banner: (await banner.count()) === 0 ? "" : (await banner.innerText()).replace(/\s+/g, " "),
      bannerVisible: (await banner.count()) > 0 && (await banner.isVisible()),
      resume: await page
        .getByRole("button", { name: language === "en" ? "Resume sending" : "Obnovit odesílání" })
        .count(),
      badges: await page.locator(".wedos-status").allInnerTexts(),
      text: (await page.locator(".wedos-panel").innerText()).replace(/\s+/g, " "),
    };
  } finally {
    await page.context().close();
  }
}

describe("blocking conditions on every page", { timeout: 120_000 }, () => {
  it("says the hour's budget is spent, and when changes waiting for WEDOS are expected", async () => {
    const budget = new WapiBudgetStore(h.services.db);
    const hourStart = Math.floor(h.clock.now() / HOUR_MS) * HOUR_MS;
    while (budget.tryTake(hourStart, 800) !== undefined);
    h.services.queue.enqueue(syncZone, { domain: "bob.test" });

    const admin = await seen("admin", "/", "en", "budget-admin-list");
    expect(admin.bannerVisible).toBe(true);
    expect(admin.banner).toContain("This hour's WEDOS requests for changes are used up");
    expect(admin.banner).toContain("800 requests were sent this hour; changes and background work may use 800");
    expect(admin.banner).toContain("sending resumes by itself at 10 Mar 2026, 10:00");
    expect(admin.resume).toBe(0);
    const reseller = await seen("reseller", "/domains/bob.test", "en", "budget-reseller-domain");
    expect(reseller.banner).toContain("Changes are waiting for WEDOS");
    expect(reseller.banner).toMatch(/changes made now are expected at WEDOS by 10 Mar 2026, 10:0\d/);
    expect(reseller.badges).toContain("changes waiting");
    expect(reseller.badges).not.toContain("active");
    expect(reseller.text).toMatch(/Changes not yet at WEDOS; expected there by 10 Mar 2026, 10:0\d\./);
    const customer = await seen("user", "/", "en", "budget-customer-list");
    expect(customer.banner).toContain("This server is holding back changes to WEDOS for a while");
    expect(customer.badges).toEqual(["active"]);

    const adminCs = await seen("admin", "/", "cs", "budget-admin-list");
    expect(adminCs.banner).toContain("Požadavky na WEDOS pro změny jsou v této hodině vyčerpány");
    expect(adminCs.banner).toContain("odesílání se samo obnoví v 10. 3. 2026 11:00");
    const resellerCs = await seen("reseller", "/domains/bob.test", "cs", "budget-reseller-domain");
    expect(resellerCs.banner).toContain("Změny čekají na odeslání do WEDOS");
    expect(resellerCs.badges).toContain("změny čekají");
    expect(resellerCs.badges).not.toContain("aktivní");

    // The next hour: the budget renews, the waiting sync goes out, and the banner is gone.
    h.clock.set(hourStart + HOUR_MS);
    await h.services.worker.runUntilIdle();
    const after = await seen("reseller", "/", "en", "budget-renewed-reseller-list");
    expect(after.bannerVisible).toBe(false);
    expect(after.badges).toEqual(["active", "active"]);
  });

  it("names a wrong password's cause and fix with Resume to the admin, and only plain words to customers", async () => {
    await pausedForCredentials();
    const admin = await seen("admin", "/", "en", "paused-admin-list");
    expect(admin.banner).toContain("Nothing is being sent to WEDOS");
    expect(admin.banner).toContain("WEDOS refused the WAPI login or password");
    expect(admin.banner).toContain("Enter the right WAPI password on the WAPI settings page");
    expect(admin.banner).toContain("Changes wait, none lost, until the cause is fixed.");
    expect(admin.banner).toContain("Recorded:");
    expect(admin.resume).toBe(1);
    const adminDomain = await seen("admin", "/domains/alice.test", "en", "paused-admin-domain");
    expect(adminDomain.resume).toBe(1);
    expect(adminDomain.badges).toContain("changes waiting");

    // alice.test waits for the fix; bob.test, with nothing waiting, is as active as it is.
    for (const [level, path, shot, badges] of [
      ["user", "/domains/alice.test", "paused-customer-domain", ["changes waiting"]],
      ["user", "/", "paused-customer-list", ["changes waiting"]],
      ["reseller", "/", "paused-reseller-list", ["changes waiting", "active"]],
    ] as const) {
      const page = await seen(level, path, "en", shot);
      expect(page.banner).toContain("This server cannot send changes to WEDOS at the moment");
      expect(page.resume).toBe(0);
      expect(page.text).not.toMatch(/2050|WAPI|password/);
      expect(page.badges.filter((badge) => badge === "changes waiting" || badge === "active")).toEqual(badges);
      expect(page.text).toContain("they are sent once the administrator has fixed the connection to WEDOS");
    }

    const adminCs = await seen("admin", "/", "cs", "paused-admin-list");
    expect(adminCs.banner).toContain("Do WEDOS se nic neposílá");
    expect(adminCs.banner).toContain("Zadejte správné heslo k WAPI");
    expect(adminCs.resume).toBe(1);
    const customerCs = await seen("user", "/domains/alice.test", "cs", "paused-customer-domain");
    expect(customerCs.banner).toContain("Tento server teď nemůže posílat změny do WEDOS");
    expect(customerCs.badges).toContain("změny čekají");
    expect(customerCs.text).not.toMatch(/2050|WAPI/);
  });

  it("resumes once the admin fixed the cause and pressed Resume", async () => {
    await pausedForCredentials();
    h.sim?.simulator.clearFaults();
    const session = h.da.login("admin");
    const list = await h.visit({ level: "admin", file: "index.raw", session });
    const answer = await h.visit({
      level: "admin",
      file: "index.raw",
      session,
      method: "POST",
      query: "p=/wapi/resume",
      post: form({ csrf: csrfTokenIn(parseRaw(list.stdout).body) }),
    });
    const body = parseRaw(answer.stdout).body;
    expect(body).toContain("Sending to WEDOS has resumed");
    expect(body).not.toContain("wedos-sending");
    await h.services.worker.runUntilIdle();
    const customer = await seen("user", "/domains/alice.test", "en", "resumed-customer-domain");
    expect(customer.bannerVisible).toBe(false);
    expect(customer.badges).toContain("active");
  });
});
