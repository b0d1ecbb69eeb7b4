import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";
import { pageUrl } from "../../src/web/urls.js";
import {
  addCustomer,
  screenshot,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type Account,
  type BrowserStack,
  visitorPage,
} from "./support.js";

/**
 * Sharing a domain with the customer's own WEDOS account, in the browser: the admin makes an invitation link, the
 * customer opens it and gives their WEDOS customer ID and e-mail, the admin marks each step of the zone's checklist
 * done, and the customer's page then says the zone is "managed here and shared with your WEDOS account". English and Czech, screenshots as
 * test-artifacts/screenshots/<lang>-sharing-<state>.png.
 */
let b: BrowserStack;
const customers = new Map<string, Account>();

beforeAll(async () => {
  b = await startBrowserStack();
  for (const language of ["en", "cs"]) {
    const username = `jana${language}`;
    const account = await addCustomer(b, { username, domain: `jana-${language}.test`, creator: "reseller" });
    customers.set(username, account);
  }
  b.stack.services.ingest();
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: {
    zone: "DNS zone",
    invite: "Make an invitation link",
    invited: "Your provider invites you to manage the DNS zone in your own WEDOS account.",
    customerId: "WEDOS customer ID",
    email: "E-mail of that WEDOS account",
    ask: "Ask to share",
    recorded: "is recorded",
    markDone: "Mark done",
    linked: "is now linked",
    shared: "shared with your WEDOS account",
  },
  cs: {
    zone: "DNS zóna",
    invite: "Vytvořit odkaz s pozvánkou",
    invited: "Poskytovatel vás zve ke správě služby DNS zóna ve vašem vlastním účtu u WEDOS.",
    customerId: "Zákaznické číslo u WEDOS",
    email: "E-mail toho účtu u WEDOS",
    ask: "Požádat o sdílení",
    recorded: "je zaznamenána",
    markDone: "Označit jako hotové",
    linked: "je teď ve stavu propojeno",
    shared: "sdíleno s vaším účtem u WEDOS",
  },
} as const;

const visitor = (username: string, language: "en" | "cs") =>
  visitorPage(b, username, language, customers.get(username)?.password ?? b.password(username));

const raw = (level: "user" | "admin", domain: string, extra: Record<string, string> = {}) =>
  new URL(pageUrl(level, "raw", "/sharing", { domain, ...extra }), b.url).href;

describe("sharing a domain with the customer's WEDOS account", { timeout: 90_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    const domain = `jana-${language}.test`;
    it(`goes from an invitation through the checklist to linked (${language})`, async () => {
      const admin = await visitor("admin", language);
      await admin.goto(raw("admin", domain));
      await admin.locator("#wedos-sharing-invite-service").selectOption({ label: text.zone });
      await admin.getByRole("button", { name: text.invite }).click();
      const link = await admin.locator("#wedos-invitation-link").inputValue();
      const token = new URLSearchParams(link.split("?")[1]).get("invite") as string;
      expect(token).toMatch(/^wpinv_/);
      await screenshot(admin, `${language}-sharing-invitation`);

      const customer = await visitor(`jana${language}`, language);
      await customer.goto(raw("user", domain, { invite: token }));
      await customer.getByText(text.invited).waitFor();
      await customer.getByLabel(text.customerId, { exact: true }).fill("123456");
      await customer.getByLabel(text.email, { exact: true }).fill(`jana.${language}@example.cz`);
      await customer.getByRole("button", { name: text.ask }).click();
      await customer.locator(".wedos-notice").filter({ hasText: text.recorded }).waitFor();
      await screenshot(customer, `${language}-sharing-requested`);

      await admin.goto(raw("admin", domain));
      await admin.locator(".wedos-sharing-steps").waitFor();
      await screenshot(admin, `${language}-sharing-checklist`);
      // The zone's two steps: the authorized user, then the domain assigned to them.
      for (let step = 0; step < 2; step += 1) {
        await admin.getByRole("button", { name: text.markDone }).first().click();
        await admin.locator(".wedos-notice").waitFor();
      }
      await admin.locator(".wedos-notice").filter({ hasText: text.linked }).waitFor();
      const request = new ServiceRequestStore(b.stack.services.db).latest(domain, "link");
      expect(request?.state).toBe("linked");
      await screenshot(admin, `${language}-sharing-linked-admin`);

      await customer.goto(raw("user", domain));
      const where = await customer.locator(".wedos-sharing-where td").allTextContents();
      expect(where[0]).toContain(text.shared);
      await screenshot(customer, `${language}-sharing-linked`);
      await admin.context().close();
      await customer.context().close();
    });
  }
});
