import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { policySchema } from "../../src/model/policy.js";
import type { StoredProtectionState } from "../../src/model/protection-state.js";
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
import { reason } from "../../src/model/reason.js";

/**
 * Every state of a domain's protection as its page shows it — one badge, one next step, only the buttons that state
 * allows — and the confirmation of each paid-service decision, rendered by the real daemon, opened in Chromium with
 * the plugin's stylesheet, photographed (en and cs) and read back from the browser.
 */
const CSS = fileURLToPath(new URL("../../images/wedos.css", import.meta.url));
const SHOTS = join(process.env.WEDOS_SCREENSHOTS ?? SCREENSHOT_DIR, "protection");
const DOMAIN = "alice.test";
let h: WebHarness;
let browser: Browser;
/** One tab for every view (a new tab per view costs seconds on a busy machine). */
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  process.stdout.write(`protection screenshots: ${SHOTS}\n`);
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
}, STACK_TIMEOUT_MS);
afterEach(async () => {
  await h?.close();
}, STACK_TIMEOUT_MS);

type Language = "en" | "cs";
type Level = "user" | "admin";

/** alice.test with a package that lets her choose, and its protection exactly as `setup` leaves it. */
function given(setup: () => void, protection: "advanced" | "off" = "advanced"): void {
  h.services.db.exec("DELETE FROM protections; DELETE FROM protection_choices");
  h.inventory.setDnsStatus(DOMAIN, "active", null, h.clock.now());
  new PolicyStore(h.services.db).save(
    "default",
    policySchema.parse({ protection, protectionPeriod: "yearly", protectionChoice: "opt-in" }),
    h.clock.now(),
  );
  setup();
  h.clock.advance(60_000);
}
const protections = () => h.services.tasks.protections;
const choose = (wanted: boolean) => protections().choose(DOMAIN, wanted, "alice", h.clock.now());
function stored(state: StoredProtectionState): void {
  protections().recordOrdering(
    { domain: DOMAIN, variant: "advanced", period: "yearly", mode: "ns", upstreamIps: ["192.0.2.10"] },
    h.clock.now(),
  );
  if (state === "ordering") return;
  protections().update(DOMAIN, { state: "active", amount: "3490.00", currency: "CZK" }, h.clock.now());
  if (state !== "active")
    protections().update(DOMAIN, { state, reason: "WAPI wgp-domain-create: code 2283 (credit)" }, h.clock.now());
}

/** The page as the visitor's browser shows it; a screenshot of the protection section and around it is kept. */
async function seen(html: string, shot: string, language: Language) {
  const file = join(tempDir("wedos-protection-"), "page.html");
  writeFileSync(file, html.replace(/href="[^"]*\/images\/wedos\.css"/, `href="file://${CSS}"`));
  await page.goto(`file://${file}`);
  const section = page.locator(".wedos-protection, .wedos-confirm");
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${shot}-${language}.png`) });
  return {
    heading: await page.getByRole("heading", { level: 1 }).innerText(),
    badges: await section.locator(".wedos-status").allInnerTexts(),
    buttons: await section.getByRole("button").allInnerTexts(),
    text: (await section.innerText()).replace(/\s+/g, " "),
  };
}

const domainPage = async (level: Level, language: Language, shot: string) =>
  seen(await visitMainPage(h, level, "raw", `/domains/${DOMAIN}`, language), shot, language);

/** The confirmation the protection route answers before anything is recorded. */
async function confirmation(want: "on" | "off", language: Language, shot: string) {
  const session = h.da.login("alice");
  const csrf = csrfTokenIn((await h.visit({ level: "user", session })).stdout);
  const run = await h.visit({
    level: "user",
    file: "index.raw",
    session,
    method: "POST",
    query: "p=/protection",
    post: form({ csrf, domain: DOMAIN, want }),
    env: { LANGUAGE: language },
  });
  const answer = parseRaw(run.stdout);
  expect(answer.status).toBe(200);
  return seen(answer.body, shot, language);
}

interface Expected {
  badge: string;
  next: string;
  buttons: string[];
}

/** Each state: how it is reached, and what a customer's page says and offers, in English and in Czech. */
const STATES: ReadonlyArray<[string, () => void, Record<Language, Expected>]> = [
  [
    "off",
    () => undefined,
    {
      en: { badge: "off", next: "Switching it on orders it from WEDOS", buttons: ["Switch protection on"] },
      cs: { badge: "vypnutá", next: "Zapnutím se objedná u WEDOS", buttons: ["Zapnout ochranu"] },
    },
  ],
  [
    "ordered",
    () => choose(true),
    {
      en: { badge: "ordered", next: "The order is sent to WEDOS within minutes", buttons: ["Withdraw the order"] },
      cs: { badge: "objednaná", next: "Objednávka se odešle do WEDOS", buttons: ["Zrušit objednávku"] },
    },
  ],
  [
    "ordering",
    () => (choose(true), stored("ordering")),
    {
      en: { badge: "order being sent", next: "Nothing can be changed until WEDOS answers", buttons: [] },
      cs: { badge: "objednávka se odesílá", next: "Dokud WEDOS neodpoví, nelze nic měnit", buttons: [] },
    },
  ],
  [
    "activating",
    () => (choose(true), stored("pending")),
    {
      en: {
        badge: "being activated",
        next: "once the domain uses WEDOS's name servers",
        buttons: ["Switch protection off"],
      },
      cs: {
        badge: "aktivuje se",
        next: "jakmile doména začne používat jmenné servery WEDOS",
        buttons: ["Vypnout ochranu"],
      },
    },
  ],
  [
    "active",
    () => (choose(true), stored("active")),
    {
      en: {
        badge: "active",
        next: "WEDOS Global protects this domain.",
        buttons: ["Purge cache", "Switch protection off"],
      },
      cs: {
        badge: "aktivní",
        next: "Doménu chrání WEDOS Global.",
        buttons: ["Vyprázdnit mezipaměť", "Vypnout ochranu"],
      },
    },
  ],
  [
    "switching-off",
    () => (stored("active"), choose(false)),
    {
      en: { badge: "being switched off", next: "The service is being ended at WEDOS", buttons: [] },
      cs: { badge: "vypíná se", next: "Služba se u WEDOS ukončuje", buttons: [] },
    },
  ],
  [
    "order-failed",
    () => (choose(true), stored("error")),
    {
      en: {
        badge: "order failed",
        next: "Your provider has been told",
        buttons: ["Order again", "Withdraw the order"],
      },
      cs: {
        badge: "objednávka selhala",
        next: "Váš poskytovatel o tom ví",
        buttons: ["Objednat znovu", "Zrušit objednávku"],
      },
    },
  ],
  [
    "zone-failed",
    () => (
      choose(true),
      h.inventory.setDnsStatus(DOMAIN, "error", reason("wedos-refused", "WEDOS refused the zone"), h.clock.now())
    ),
    {
      en: {
        badge: "cannot be ordered yet",
        next: "the zone could not be created there",
        buttons: ["Withdraw the order"],
      },
      cs: { badge: "zatím ji nelze objednat", next: "tu se tam vytvořit nepodařilo", buttons: ["Zrušit objednávku"] },
    },
  ],
  [
    "cancel-failed",
    () => (stored("cancel-failed"), choose(false)),
    {
      en: { badge: "switching off failed", next: "the service still runs", buttons: ["Try switching off again"] },
      cs: { badge: "vypnutí selhalo", next: "služba proto dál běží", buttons: ["Zkusit znovu vypnout"] },
    },
  ],
  [
    "lapsed",
    () => (choose(true), stored("removed"), h.services.tasks.plans.markLapsed(DOMAIN, "2026-03-08", h.clock.now())),
    {
      en: { badge: "lapsed", next: "Ordering it again is a new, paid order.", buttons: ["Order again"] },
      cs: { badge: "vypršela", next: "Nová objednávka je znovu placená.", buttons: ["Objednat znovu"] },
    },
  ],
];

const ONE_STATE = "a domain's protection shows one state, its next step and only the actions it allows";
describe(ONE_STATE, { timeout: 60_000 }, () => {
  it(`to a customer, in each state: ${STATES.map(([name]) => name).join(", ")}`, async () => {
    for (const [name, setup, expected] of STATES)
      for (const language of ["en", "cs"] as const) {
        given(setup);
        const shown = await domainPage("user", language, `customer-${name}`);
        const what = `${name} (${language})`;
        expect(shown.badges, what).toEqual([expected[language].badge]);
        expect(shown.text, what).toContain(expected[language].next);
        expect(shown.buttons, what).toEqual(expected[language].buttons);
        const activeSince = shown.text.includes(language === "en" ? "Active since" : "Aktivní od");
        expect(activeSince, what).toBe(name === "active");
        expect(shown.text, what).not.toContain("2283");
      }
  });

  it("tells the admin what WEDOS said about a failed order, with Order again; says a package has none", async () => {
    for (const [language, next] of [
      ["en", "Fix the cause, for example the WEDOS credit, then order again."],
      ["cs", "Odstraňte příčinu, například nedostatek kreditu u WEDOS, a objednejte znovu."],
    ] as const) {
      given(() => (choose(true), stored("error")));
      const shown = await domainPage("admin", language, "admin-order-failed");
      expect(shown.text).toContain(next);
      expect(shown.text).toContain("WAPI wgp-domain-create: code 2283 (credit)");
      expect(shown.buttons[0]).toBe(language === "en" ? "Order again" : "Objednat znovu");
    }
    for (const [language, text] of [
      ["en", "does not include protection"],
      ["cs", "nezahrnuje ochranu"],
    ] as const) {
      given(() => undefined, "off");
      const shown = await domainPage("user", language, "customer-not-included");
      expect(shown.text).toContain(text);
      expect(shown.badges).toEqual([]);
      expect(shown.buttons).toEqual([]);
    }
  });
});

describe("paid-service decisions are confirmed with plan, period and price", { timeout: 60_000 }, () => {
  it("ordering, switching off an active service, withdrawing an order not sent yet", async () => {
    given(() => undefined);
    const en = await confirmation("on", "en", "confirm-order");
    expect(en.heading).toBe("Order protection for alice.test?");
    expect(en.text).toMatch(/Plan\s*Advanced\s*Billing period\s*yearly\s*Price\s*price unknown — WEDOS will charge/);
    expect(en.buttons).toEqual(["Confirm the order"]);
    const cs = await confirmation("on", "cs", "confirm-order");
    expect(cs.heading).toBe("Objednat ochranu domény alice.test?");
    expect(cs.text).toMatch(/Tarif\s*Advanced\s*Fakturační období\s*ročně\s*Cena\s*cena neznámá/);
    expect(cs.buttons).toEqual(["Potvrdit objednávku"]);
    expect(protections().choice(DOMAIN)).toBeUndefined();

    given(() => (choose(true), stored("active")));
    const cancelEn = await confirmation("off", "en", "confirm-cancel");
    expect(cancelEn.text).toContain("3490.00 CZK (what WEDOS charged for this service)");
    expect(cancelEn.buttons).toEqual(["Confirm switching off"]);
    const cancelCs = await confirmation("off", "cs", "confirm-cancel");
    expect(cancelCs.text).toContain("3490.00 CZK (kolik WEDOS za tuto službu účtoval)");
    expect(cancelCs.buttons).toEqual(["Potvrdit vypnutí"]);
    expect(protections().choice(DOMAIN)?.wanted).toBe(true);

    given(() => choose(true));
    const withdrawEn = await confirmation("off", "en", "confirm-withdraw");
    expect(withdrawEn.text).toContain("nothing is charged");
    expect(withdrawEn.buttons).toEqual(["Withdraw the order"]);
    const withdrawCs = await confirmation("off", "cs", "confirm-withdraw");
    expect(withdrawCs.text).toContain("nic se neúčtuje");
    expect(withdrawCs.buttons).toEqual(["Zrušit objednávku"]);
  });
});
