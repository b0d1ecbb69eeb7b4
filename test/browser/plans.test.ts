import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/billing/money.js";
import { parseProductKey } from "../../src/billing/product.js";
import { NO_OFFER } from "../../src/billing/terms.js";
import { policySchema } from "../../src/model/policy.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { tempDir } from "../support/temp-dir.js";
import {
  csrfTokenIn,
  form,
  parseRaw,
  seedTenants,
  startWebHarness,
  visitMainPage,
  type WebHarness,
} from "../web/support.js";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOT_DIR, STACK_TIMEOUT_MS } from "./support.js";

/**
 * The plan section of a domain's page, the confirmation of a plan change and the package policy's plan settings, as
 * the real daemon renders them, opened in Chromium with the plugin's stylesheet, photographed (en and cs) and read
 * back from the browser.
 */
const CSS = fileURLToPath(new URL("../../images/wedos.css", import.meta.url));
const SHOTS = join(process.env.WEDOS_SCREENSHOTS ?? SCREENSHOT_DIR, "plans");
const DOMAIN = "alice.test";
let h: WebHarness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await browser?.close();
}, STACK_TIMEOUT_MS);
// A harness per test: its files are in a temp directory removed after each test.
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection: "advanced", planChoice: "customer", protectionTemplate: "" }),
    h.clock.now(),
  );
  const protections = h.services.tasks.protections;
  protections.recordOrdering(
    { domain: DOMAIN, variant: "advanced", period: "monthly", mode: "ns", upstreamIps: ["192.0.2.10"] },
    h.clock.now(),
  );
  protections.update(DOMAIN, { state: "active", activatedAt: h.clock.now() }, h.clock.now());
  h.services.tasks.plans.setPaidUntil(DOMAIN, "2026-04-10", h.clock.now());
  h.services.tasks.plans.replaceTemplates([{ templateId: "4711", domain: "template.example" }], h.clock.now());
  h.services.saleTerms = ({ product }) => {
    const parsed = parseProductKey(product);
    if (parsed.service !== "protection") return NO_OFFER;
    const monthly = { start: 149_00, advanced: 590_00, expert: 1_790_00 }[parsed.plan];
    return { ...NO_OFFER, offerId: 1, retail: money(parsed.period === "yearly" ? monthly * 10 : monthly, "CZK") };
  };
}, STACK_TIMEOUT_MS);
afterEach(async () => {
  await h?.close();
}, STACK_TIMEOUT_MS);

type Language = "en" | "cs";

async function seen(html: string, selector: string, shot: string, language: Language) {
  const file = join(tempDir("wedos-plans-"), "page.html");
  writeFileSync(file, html.replace(/href="[^"]*\/images\/wedos\.css"/, `href="file://${CSS}"`));
  await page.goto(`file://${file}`);
  const section = page.locator(selector).first();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${shot}-${language}.png`) });
  return {
    text: (await section.innerText()).replace(/\s+/g, " "),
    options: await section.locator("option").allInnerTexts(),
    buttons: await section.getByRole("button").allInnerTexts(),
  };
}

const EXPECTED = {
  en: {
    current: "Advanced, monthly: CZK 590.00",
    paid: "10 Apr 2026",
    expertYearly: "Expert, yearly: CZK 17,900.00",
    button: "Change the plan",
    template: "template.example (4711)",
  },
  cs: {
    current: "Advanced, měsíčně: 590,00 Kč",
    paid: "10. 4. 2026",
    expertYearly: "Expert, ročně: 17 900,00 Kč",
    button: "Změnit tarif",
    template: "template.example (4711)",
  },
} as const;

describe.each(["en", "cs"] as const)("plans as products in %s", (language) => {
  const expected = EXPECTED[language];
  const plain = (text: string) => text.replace(/\s/g, " ");

  it("the domain's page shows the plan, its paid-until day and each plan with its price", async () => {
    const html = await visitMainPage(h, "user", "raw", `/domains/${DOMAIN}`, language);
    const view = await seen(html, ".wedos-plan", "domain-plan", language);
    expect(plain(view.text)).toContain(expected.current);
    expect(view.text).toContain(expected.paid);
    expect(view.options.map(plain)).toHaveLength(6);
    expect(view.options.map(plain)).toContain(expected.expertYearly);
    expect(view.buttons).toEqual([expected.button]);
  });

  it("a change is confirmed with its price first", async () => {
    const session = h.da.login("alice");
    const csrf = csrfTokenIn((await h.visit({ level: "user", session })).stdout);
    const run = await h.visit({
      level: "user",
      file: "index.raw",
      session,
      method: "POST",
      query: "p=/billing/plan/change",
      post: form({ csrf, domain: DOMAIN, plan: "expert/yearly" }),
      env: { LANGUAGE: language },
    });
    const answer = parseRaw(run.stdout);
    expect(answer.status).toBe(200);
    const view = await seen(answer.body, ".wedos-plan-confirm", "plan-confirm", language);
    expect(plain(view.text)).toContain(expected.expertYearly);
    expect(view.buttons).toEqual([expected.button]);
  });

  it("the package policy offers the plan choice and the account's templates", async () => {
    const html = await visitMainPage(h, "admin", "raw", "/policies", language);
    const view = await seen(html, "form.wedos-policy", "policy-plan", language);
    expect(view.options).toContain(expected.template);
  });
});
