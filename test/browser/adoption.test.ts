import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCustomer,
  dnsSettled,
  logIn,
  openDomainPage,
  openPlugin,
  screenshot,
  SETTLE_TIMEOUT_MS,
  STACK_TIMEOUT_MS,
  showPluginPage,
  startBrowserStack,
  type BrowserStack,
} from "./support.js";

/**
 * A customer approves taking over a zone that already existed at WEDOS (docs/decisions/0054), in English and in
 * Czech: the domain page says it waits for them, the adoption page shows which records go which way, and Approve
 * takes it over. Screenshots: <lang>-adoption-approve.png (the decision) and <lang>-adoption-done.png.
 */
let b: BrowserStack;

beforeAll(async () => {
  b = await startBrowserStack();
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

/** A zone made at WEDOS before the account (as a former provider would), then the account; waits for the request. */
async function foreignZoneFor(username: string, language: "en" | "cs"): Promise<{ page: Page; domain: string }> {
  const domain = `${username}.test`;
  const { dns } = b.stack.services.wapi;
  await dns.domainAdd({ name: domain });
  await dns.rowAdd({ domain, name: "old", ttl: 300, type: "A", rdata: "198.51.100.7" });
  await dns.domainCommit(domain);
  const account = await addCustomer(b, { username, domain });
  b.stack.da.setLanguage(username, language);
  await dnsSettled(b, domain, "conflict");
  // The preview of what would change is planned once when the zone is found (one listing), before anyone decides.
  const planned = () => b.stack.services.stores.drift.adoptPreview(domain, "zone") !== undefined;
  await expect.poll(planned, { timeout: SETTLE_TIMEOUT_MS }).toBe(true);
  const page = await b.newPage();
  await logIn(page, b.url, account.username, account.password);
  return { page, domain };
}

const TEXTS = {
  en: {
    section: "Found at WEDOS",
    waiting: "waiting for the owner",
    review: "See what would change and decide",
    deleted: "deleted at WEDOS (not in the panel)",
    approve: "Approve: take it over",
    done: "taken over",
  },
  cs: {
    section: "Nalezeno u WEDOS",
    waiting: "čeká na majitele",
    review: "Zobrazit, co by se změnilo, a rozhodnout",
    deleted: "smaže se u WEDOS (v panelu není)",
    approve: "Schválit: převzít",
    done: "převzato",
  },
} as const;

describe("a customer approves taking over a zone found at WEDOS", { timeout: 120_000 }, () => {
  for (const [language, username] of [
    ["en", "nina"],
    ["cs", "olga"],
  ] as const) {
    it(`in ${language === "en" ? "English" : "Czech"}`, async () => {
      const text = TEXTS[language];
      const { page, domain } = await foreignZoneFor(username, language);
      const sentBefore = b.stack.sim.simulator.dump().requestLog.length;

      let frame = await openPlugin(page);
      await openDomainPage(frame, domain);
      const section = frame.locator("section.wedos-domain-adoption");
      expect(await section.locator("h2").textContent()).toBe(text.section);
      expect(await section.locator(".wedos-status").textContent()).toBe(text.waiting);
      await section.getByRole("link", { name: text.review }).click();
      await frame.getByRole("button", { name: text.approve }).waitFor();
      const steps = frame.locator("section.wedos-adopt tbody tr");
      expect(await steps.filter({ hasText: "old A 198.51.100.7" }).locator("td").last().textContent()).toBe(
        text.deleted,
      );
      expect(await frame.locator("code.wedos-proof-token").textContent()).toMatch(/^[0-9a-f]{32}$/);
      await screenshot(page, `${language}-adoption-approve`);
      // Looking and deciding sent nothing to WEDOS.
      expect(b.stack.sim.simulator.dump().requestLog.length).toBe(sentBefore);

      await frame.getByRole("button", { name: text.approve }).click();
      // As the customer follows it: the page shown again until the take-over is done.
      await expect
        .poll(
          async () => {
            frame = await showPluginPage(page, "user", "/adoption", { domain });
            return frame.locator("section.wedos-adoption > p .wedos-status").first().textContent();
          },
          { timeout: SETTLE_TIMEOUT_MS, interval: 250 },
        )
        .toBe(text.done);
      await screenshot(page, `${language}-adoption-done`);
      const rows = b.stack.sim.simulator.publishedZones().find((zone) => zone.name === domain)?.rows ?? [];
      expect(rows.some((row) => row.name === "old")).toBe(false);
      expect(b.stack.services.adoptions.latest(domain)?.state).toBe("done");
      await page.context().close();
    });
  }
});
