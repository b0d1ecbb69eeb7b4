import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { bigZone, leaveAlone } from "../web/zone-support.js";
import { useHarnessPages } from "./harness-pages.js";

/**
 * The domain page in Chromium, en and cs: the summary of what WEDOS holds, the SOA and NS rows as
 * WEDOS serves them, the link to the panel's DNS editor, the name servers' copy buttons (the page's own script,
 * run), search and pages through a big zone, and a pointer shown as the alias of its domain. Each page is rendered
 * by the real daemon (raw mode), opened with the plugin's stylesheet and script, photographed and read back.
 */
type Language = "en" | "cs";

const pages = useHarnessPages("domain-page", async (h) => {
  await h.da.createPointer("alice", "alice.test", "alias.test");
  await h.services.worker.runUntilIdle();
  h.services.ingest();
  // bob.test grows to a big zone the plugin has not synced yet: 250 more records waiting.
  writeFileSync(h.da.layout.zoneFile("bob.test"), bigZone("bob.test", 250));
  leaveAlone(h.da.layout.zoneFile("bob.test"));
});
const open = pages.open;

async function shot(page: Page, name: string, language: Language): Promise<void> {
  await page.screenshot({ path: join(pages.shots, `${name}-${language}.png`), fullPage: true });
  await page.context().close();
}

const TEXTS = {
  en: {
    summary: /^\d+ of \d+ records at WEDOS$/,
    editor: "Edit the records of alice.test in DirectAdmin's DNS Management",
    copy: "Copy",
    copyAll: "Copy all",
    copied: "Copied",
    bigSummary: /^\d+ of 251 records at WEDOS; \d+ waiting for the next sync$/,
    matching: "Records 101–111 of the 111 that match (256 in the zone)",
    aliasOf: "Alias of",
    aliases: "Aliases (pointers)",
    search: "Name, type or value contains",
    show: "Show",
  },
  cs: {
    summary: /^Záznamy ve WEDOS: (\d+) z \1$/,
    editor: "Upravit záznamy domény alice.test ve Správě DNS v DirectAdminu",
    copy: "Kopírovat",
    copyAll: "Kopírovat vše",
    copied: "Zkopírováno",
    bigSummary: /^Záznamy ve WEDOS: \d+ z 251; na další synchronizaci čeká: \d+$/,
    matching: "Záznamy 101–111 z 111 vyhovujících (v zóně je jich 256)",
    aliasOf: "Alias domény",
    aliases: "Aliasy (ukazatele)",
    search: "Název, typ nebo hodnota obsahuje",
    show: "Zobrazit",
  },
} as const;

describe("the domain page", { timeout: 60_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];

    it(`${language}: a synced zone — all at WEDOS, WEDOS's SOA and NS, the DNS editor, copy buttons`, async () => {
      const page = await open("user", "/domains/alice.test", language);
      expect(await page.locator(".wedos-at-wedos").innerText()).toMatch(text.summary);
      expect(await page.locator(".wedos-at-wedos .wedos-status-active").count()).toBe(1);
      const editor = page.getByRole("link", { name: text.editor });
      expect(await editor.getAttribute("href")).toBe("/CMD_DNS_CONTROL?domain=alice.test");
      const served = page.locator("tr.wedos-record-by-wedos");
      expect(await served.locator("td:nth-child(2)").allInnerTexts()).toEqual(["SOA", "NS", "NS", "NS", "NS"]);
      expect(await served.locator(".wedos-value").first().innerText()).toBe(
        "ns.wedos.net. wedos.wedos.com. … 3600 1800 2592000 3600",
      );
      expect(await page.locator("tbody").innerText()).not.toContain("hostmaster.alice.test");

      // The script shows the buttons; a click copies and says so in the page's language.
      const copyOne = page.getByRole("button", { name: `${text.copy} ns.wedos.cz` });
      await copyOne.waitFor({ state: "visible" });
      expect(await page.getByRole("button", { name: text.copyAll, exact: true }).isVisible()).toBe(true);
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      await copyOne.click();
      await page.locator(".wedos-copy-status", { hasText: text.copied }).waitFor();
      expect(await page.evaluate("navigator.clipboard.readText()")).toBe("ns.wedos.cz");
      await shot(page, "synced-customer", language);
    });

    it(`${language}: a big zone — its summary, a search, and its second page`, async () => {
      // Seen by bob's reseller (the summary counts the panel's records, not WEDOS's own SOA and NS rows).
      const reseller = await open("reseller", "/domains/bob.test?q=h1&page=2", language);
      expect(await reseller.locator(".wedos-at-wedos").innerText()).toMatch(text.bigSummary);
      expect(await reseller.locator(".wedos-at-wedos .wedos-status-pending").count()).toBe(1);
      expect(await reseller.locator(".wedos-record-summary").innerText()).toBe(text.matching);
      expect(await reseller.getByLabel(text.search).inputValue()).toBe("h1");
      const names = await reseller.locator("tbody tr td:first-child").allInnerTexts();
      expect(names).toHaveLength(11);
      expect(names.every((name) => name.startsWith("h1"))).toBe(true);
      // A reseller edits a customer's zone only by logging in as the customer: no link, the way there in words.
      expect(await reseller.locator(".wedos-dns-editor a").count()).toBe(0);
      expect(await reseller.locator(".wedos-dns-editor").innerText()).toContain("bob");
      await shot(reseller, "big-zone-search-page-2", language);
    });

    it(`${language}: a pointer is the alias of its domain, and the domain lists it`, async () => {
      const pointer = await open("user", "/domains/alias.test", language);
      const details = pointer.locator("dl.wedos-details").first();
      expect(await details.locator("dt").allInnerTexts()).toContain(text.aliasOf);
      expect(await details.getByRole("link", { name: "alice.test" }).count()).toBe(1);
      await shot(pointer, "pointer", language);
      const domain = await open("admin", "/domains/alice.test", language);
      const aliases = domain.locator("dd.wedos-aliases");
      expect(await aliases.getByRole("link", { name: "alias.test" }).count()).toBe(1);
      expect(await domain.locator("dl.wedos-details dt").allInnerTexts()).toContain(text.aliases);
      expect(await domain.locator(".wedos-dns-editor a").getAttribute("href")).toBe("/CMD_DNS_ADMIN?domain=alice.test");
      await shot(domain, "admin-domain-with-alias", language);
    });
  }
});
