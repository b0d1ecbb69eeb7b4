import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { monthOf, dayOf } from "../../src/billing/calendar.js";
import { requestMonthFetch } from "../../src/provisioning/tasks/credit-tasks.js";
import { CreditStore } from "../../src/store/credit-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { UsageLedgerStore } from "../../src/store/usage-ledger-store.js";
import { pageUrl } from "../../src/web/urls.js";
import { ledgerCharge } from "../support/ledger-charge.js";
import {
  adminPage,
  screenshot,
  SETTLE_TIMEOUT_MS,
  STACK_TIMEOUT_MS,
  startBrowserStack,
  type BrowserStack,
} from "./support.js";

/**
 * The admin's WEDOS credit and reconciliation pages in the browser, on the demo's stack (whose first start topped the
 * credit up): an amber warning for a renewal the balance cannot also pay, and this month's movements fetched by the
 * daemon beside a ledger charge WEDOS never took. English and Czech; screenshots as <lang>-credit-*.png.
 */
let b: BrowserStack;
let month: string;

beforeAll(async () => {
  b = await startBrowserStack();
  const { db } = b.stack.services;
  const now = b.clock.now();
  const today = dayOf(now, "Europe/Prague");
  month = monthOf(today);
  new PriceBookStore(db).record({
    product: "protection/start/monthly",
    price: { minor: 9_900, currency: "CZK" },
    source: "admin",
    reference: null,
    seenAt: now,
    enteredBy: "admin",
  });
  const protections = b.stack.services.tasks.protections;
  const activated = now - 20 * 86_400_000; // renews in about ten days
  protections.recordOrdering(
    { domain: "shop.test", variant: "start", period: "monthly", mode: "cname", upstreamIps: [] },
    activated,
  );
  protections.update("shop.test", { state: "active", activatedAt: activated }, activated);
  const charge = { username: "shopper", domain: "shop.test", retail: { minor: 14_900, currency: "CZK" } };
  new UsageLedgerStore(db).append(ledgerCharge(today, "2026424242", charge), now);
  requestMonthFetch({ db, queue: b.stack.services.queue, now }, month, "admin admin");
  await vi.waitFor(() => expect(new CreditStore(db).fetchOf(month)?.fetchedAt).not.toBeNull(), {
    timeout: SETTLE_TIMEOUT_MS,
    interval: 200,
  });
  // A balance below the coming renewal: amber, as if read an hour ago.
  new CreditStore(db).recordBalance({
    at: now - 3_600_000,
    balance: { minor: 5_000, currency: "CZK" },
    trigger: "schedule",
  });
}, STACK_TIMEOUT_MS);
afterAll(async () => {
  await b?.close();
}, STACK_TIMEOUT_MS);

const TEXTS = {
  en: {
    level: "top up soon",
    balance: "CZK 50.00",
    renewal: "CZK 99.00",
    topUp: "Top-up",
    missing: "In the ledger, not charged at WEDOS",
  },
  cs: {
    level: "brzy dobijte",
    balance: "50,00 Kč",
    renewal: "99,00 Kč",
    topUp: "Dobití",
    missing: "V knize, u WEDOS nestrženo",
  },
} as const;

const admin = (language: "en" | "cs") => adminPage(b, language);
const raw = (path: string, query: Record<string, string> = {}) =>
  new URL(pageUrl("admin", "raw", path, query), b.url).href;

describe("the WEDOS credit pages", { timeout: 60_000 }, () => {
  for (const language of ["en", "cs"] as const) {
    const text = TEXTS[language];
    it(`warn amber with the balance and the renewal, and list the month's differences (${language})`, async () => {
      const page = await admin(language);
      await page.goto(raw("/billing/credit"));
      await expect(page.locator(".wedos-credit-amber .wedos-credit-level").textContent()).resolves.toBe(text.level);
      await expect(page.locator(".wedos-credit-balance strong").textContent()).resolves.toBe(text.balance);
      await expect(page.locator(".wedos-credit-renewals tbody").textContent()).resolves.toContain(text.renewal);
      await screenshot(page, `${language}-credit-balance`);

      await page.goto(raw("/billing/reconciliation", { month }));
      const rows = page.locator(".wedos-reconcile-differences tbody tr");
      await expect(rows.locator("th").allTextContents()).resolves.toEqual([text.missing, text.topUp]);
      await screenshot(page, `${language}-credit-reconciliation`);
      await page.close();
    });
  }
});
