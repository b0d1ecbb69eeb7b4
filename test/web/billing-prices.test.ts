import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BillingAuditStore } from "../../src/store/billing-audit-store.js";
import { OfferStore } from "../../src/store/offer-store.js";
import { PriceBookStore } from "../../src/store/price-book-store.js";
import { csrfTokenIn, form, parseRaw, seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
  h.da.createPackage("admin", "gold");
});
afterEach(async () => {
  await h.close();
});

const START = "protection/start/monthly";
type Level = "admin" | "reseller" | "user";
const ACCOUNT: Record<Level, string> = { admin: "admin", reseller: "res1", user: "alice" };

const page = (path: string, level: Level = "admin", language = "en") =>
  h.visit({ level, session: h.da.login(ACCOUNT[level]), query: `p=${path}`, env: { LANGUAGE: language } });

/** Posts a form from the admin's page `from` (its CSRF token), as the raw entry returns it. */
async function post(path: string, fields: Record<string, string>, options: { level?: Level; language?: string } = {}) {
  const level = options.level ?? "admin";
  const token = csrfTokenIn((await h.visit({ level, session: h.da.login(ACCOUNT[level]) })).stdout);
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(ACCOUNT[level]),
    method: "POST",
    query: `p=${path}`,
    post: form({ csrf: token, ...fields }),
    env: { LANGUAGE: options.language ?? "en" },
  });
  return parseRaw(run.stdout);
}

const db = () => h.services.db;

describe("the admin's wholesale prices page", () => {
  it("lists every product, enters a price with the admin's name and keeps the history", async () => {
    const before = (await page("/billing/prices")).stdout;
    expect(before).toMatch(
      /<th scope="row">DNS zone \(per month\)<\/th>\s*<td[^>]*colspan="4"[^>]*>no price yet<\/td>/,
    );
    const saved = await post("/billing/prices/set", { product: START, amount: "99", currency: "CZK" });
    expect(saved.status).toBe(200);
    expect(saved.body).toContain("The price of Protection Start, monthly is now CZK 99.00.");
    await post("/billing/prices/set", { product: START, amount: "1 490,50", currency: "czk" });
    const after = (await page("/billing/prices")).stdout;
    expect(after).toMatch(
      /Protection Start, monthly<\/th>\s*<td[^>]*class="wedos-amount">CZK 1,490.50<\/td>\s*<td[^>]*>entered/,
    );
    expect(after).toContain("Earlier prices of Protection Start, monthly");
    expect(new PriceBookStore(db()).history(START).map((p) => [p.price.minor, p.enteredBy])).toEqual([
      [149_050, "admin admin"],
      [9900, "admin admin"],
    ]);
    expect(new BillingAuditStore(db()).list({ subject: START })[0]).toMatchObject({
      actor: "admin admin",
      action: "price.set",
    });
    const czech = (await page("/billing/prices", "admin", "cs")).stdout;
    expect(czech).toContain("1 490,50 Kč");
    expect(czech).toContain("Ochrana Start, měsíčně");
  });

  it("refuses a bad amount or currency with what to write, and records nothing", async () => {
    const amount = await post("/billing/prices/set", { product: START, amount: "9.999", currency: "CZK" });
    expect(amount.status).toBe(400);
    expect(amount.body).toContain("9.999 is not an amount: write digits with at most two decimals, e.g. 490.00.");
    const currency = await post(
      "/billing/prices/set",
      { product: START, amount: "9", currency: "koruna" },
      { language: "cs" },
    );
    expect(currency.status).toBe(400);
    expect(currency.body).toContain("koruna není měna: napište tři písmena jako CZK nebo EUR.");
    expect((await post("/billing/prices/set", { product: "hosting", amount: "1", currency: "CZK" })).body).toContain(
      "Choose a product from the list.",
    );
    expect(new PriceBookStore(db()).current().size).toBe(0);
  });
});

describe("the admin's offers pages", () => {
  it("takes an offer through its lifecycle and shows its audit trail", async () => {
    await post("/billing/prices/set", { product: START, amount: "100", currency: "CZK" });
    expect((await page("/billing/offers")).stdout).toContain("No offers yet");
    const created = await post("/billing/offers/create", { package: "gold", name: "Gold" });
    expect(created.body).toContain("Offer 1 is a draft: add its products, then publish it.");
    const noLines = await post("/billing/offers/1/publish", {});
    expect(noLines.status).toBe(400);
    expect(noLines.body).toContain("Offer 1 has no products: add at least one before publishing.");
    await post("/billing/offers/1/line", { product: "zone", price: "49", renewal: "renew" });
    const line = await post("/billing/offers/1/line", {
      product: START,
      markup: "20",
      billed: "yes",
      renewal: "lapse",
    });
    expect(line.body).toContain("Protection Start, monthly is saved in the draft.");
    expect(line.body).toMatch(/markup 20.00 %<\/td>\s*<td[^>]*>CZK 120.00 \+ 21 % VAT = CZK 145.20<\/td>/);
    expect(line.body).toMatch(
      /DNS zone \(per month\)<\/th>\s*<td[^>]*>fixed price<\/td>\s*<td[^>]*>CZK 49.00 \+ 21 % VAT = CZK 59.29<\/td>\s*<td[^>]*>not billed<\/td>/,
    );
    expect((await post("/billing/offers/1/publish", {})).body).toContain("Offer 1 is published.");
    const edit = await post("/billing/offers/1/line", { product: "zone", price: "50" });
    expect(edit.status).toBe(400);
    expect(edit.body).toContain("Offer 1 is published: only a draft can be edited. Clone it and edit the clone.");
    const published = (await page("/billing/offers/1")).stdout;
    expect(published).not.toContain("p=%2Fbilling%2Foffers%2F1%2Fline");
    expect(published).toContain("p=%2Fbilling%2Foffers%2F1%2Fdeactivate");
    const clone = await post("/billing/offers/1/clone", { name: "Gold 2027" });
    expect(clone.body).toContain("Offer 2 is a draft cloned from offer 1.");
    await post("/billing/offers/2/remove-line", { product: "zone" });
    expect((await post("/billing/offers/2/publish", {})).body).toContain(
      "Offer 2 is published and replaces offer 1, which is now deactivated.",
    );
    const trail = (await page("/billing/offers/1")).stdout;
    expect(trail).toMatch(/<td[^>]*>admin admin<\/td><td[^>]*>deactivated<\/td><td[^>]*>replacedBy: 2<\/td>/);
    expect(trail).toMatch(/<td[^>]*>admin admin<\/td><td[^>]*>created<\/td>/);
    expect(new OfferStore(db()).list().map((offer) => [offer.id, offer.status])).toEqual([
      [2, "published"],
      [1, "deactivated"],
    ]);
    const list = (await page("/billing/offers", "admin", "cs")).stdout;
    expect(list).toContain("zveřejněná");
    expect(list).toContain("Ceny jsou bez DPH; na vyúčtování se připočte DPH 21 %.");
  });

  it("refuses a markup across currencies, in the admin's language, and a package the panel does not have", async () => {
    await post("/billing/prices/set", { product: START, amount: "4", currency: "EUR" });
    await post("/billing/offers/create", { package: "*", name: "Default" });
    const refused = await post("/billing/offers/1/line", { product: START, markup: "25" }, { language: "cs" });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain(
      "Ochrana Start, měsíčně: WEDOS jej účtuje v EUR, ale nabídka prodává v CZK. Přirážka funguje jen v jedné měně: uveďte pevnou cenu v CZK.",
    );
    const both = await post("/billing/offers/1/line", { product: START, markup: "25", price: "10" });
    expect(both.body).toContain("fill in either a markup or a fixed price, not both.");
    const named = await post("/billing/offers/create", { package: "gold", name: '<img src=x onerror="alert(1)">' });
    expect(named.body).toContain("Offer 2: &lt;img src=x onerror=&#34;alert(1)&#34;&gt;");
    expect(named.body).not.toContain("<img src=x");
    const unknown = await post("/billing/offers/create", { package: "platinum", name: "x" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain("platinum is not a package of the panel: choose one from the list.");
    expect((await post("/billing/offers/9/publish", {})).status).toBe(404);
    expect(new OfferStore(db()).require(1).lines).toEqual([]);
  });

  for (const level of ["reseller", "user"] as const)
    it(`exists only for the admin: a ${level} gets no page and changes nothing`, async () => {
      for (const path of ["/billing/prices", "/billing/offers", "/billing/offers/1"]) {
        const run = await page(path, level);
        expect(run.stdout, path).toContain("This page does not exist.");
        expect(run.stdout).not.toContain("Wholesale prices");
      }
      new OfferStore(db()).create({ name: "x", package: "gold", currency: "CZK" }, { actor: "cli root", at: 1 });
      const price = await post("/billing/prices/set", { product: START, amount: "1", currency: "CZK" }, { level });
      expect(price.status).toBe(404);
      expect((await post("/billing/offers/1/publish", {}, { level })).status).toBe(404);
      expect(new PriceBookStore(db()).current().size).toBe(0);
      expect(new OfferStore(db()).require(1).status).toBe("draft");
    });

  it("refuses a change without the CSRF token", async () => {
    new OfferStore(db()).create({ name: "x", package: "gold", currency: "CZK" }, { actor: "cli root", at: 1 });
    const run = await h.visit({
      level: "admin",
      file: "index.raw",
      session: h.da.login("admin"),
      method: "POST",
      query: "p=/billing/offers/1/line",
      post: form({ product: "zone", price: "1" }),
    });
    expect(parseRaw(run.stdout).status).toBe(403);
    expect(new OfferStore(db()).require(1).lines).toEqual([]);
  });
});
