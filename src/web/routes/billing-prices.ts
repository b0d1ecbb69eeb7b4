import { Router, type Response } from "express";
import { currencyCode, parseMoney } from "../../billing/money.js";
import { ALL_PRODUCTS, parseProductKey } from "../../billing/product.js";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config/load.js";
import type { Panel } from "../../panel/panel.js";
import type { Database } from "../../store/database.js";
import { PriceBookStore, type WholesalePrice } from "../../store/price-book-store.js";
import { enterWholesalePrice } from "../../store/price-entry.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { moneyFormatter } from "../i18n/money-format.js";
import { renderPage } from "../render.js";
import { pageUrl } from "../urls.js";
import { billingActor, productLabel, refusalText } from "../view-models/offer-text.js";

/** What the admin's price book and offers pages read and change. */
export interface BillingAdminSources {
  db: Database;
  clock: Clock;
  billing: Config["billing"];
  /** The panel's own list of packages, which offers are made for. */
  panel: Pick<Panel, "packages">;
}

/** Links between the admin's billing pages (mounted under /admin). */
export function billingAdminLinks(page: AuthenticatedContext) {
  const { level, mode } = page.request;
  return {
    home: pageUrl(level, mode, "/"),
    prices: pageUrl(level, mode, "/billing/prices"),
    setPrice: pageUrl(level, mode, "/billing/prices/set"),
    offers: pageUrl(level, mode, "/billing/offers"),
    createOffer: pageUrl(level, mode, "/billing/offers/create"),
    offer: (id: number) => pageUrl(level, mode, `/billing/offers/${id}`),
    offerAction: (id: number, action: string) => pageUrl(level, mode, `/billing/offers/${id}/${action}`),
  };
}

/**
 * The wholesale price book (admin only): what WEDOS charges per product, with where and when each price was seen;
 * the admin enters the prices WEDOS has not reported (a zone, a plan nobody ordered yet).
 */
export function billingPriceRoutes(deps: BillingAdminSources): Router {
  const router = Router();
  router.get("/billing/prices", async (_req, res) => {
    await showPrices(res, deps);
  });

  router.post("/billing/prices/set", async (_req, res) => {
    const page = authenticatedPage(res);
    const input = {
      product: bodyField(page.request.body, "product") ?? "",
      amount: bodyField(page.request.body, "amount") ?? "",
      currency: bodyField(page.request.body, "currency") ?? "",
    };
    try {
      parseProductKey(input.product);
      const price = parseMoney(input.amount, currencyCode(input.currency));
      const entry = { product: input.product, price };
      enterWholesalePrice(deps.db, entry, { actor: billingActor(page), at: deps.clock.now() });
      const notice = page.t("prices.saved", {
        product: productLabel(page, input.product),
        price: moneyFormatter(page.language)(price),
      });
      await showPrices(res, deps, notice);
    } catch (error) {
      const problem = refusalText(page, error, input);
      if (problem === undefined) throw error;
      await showPrices(res, deps, undefined, [problem], 400);
    }
  });
  return router;
}

async function showPrices(
  res: Response,
  deps: BillingAdminSources,
  notice?: string,
  problems: string[] = [],
  status = 200,
): Promise<void> {
  const page = authenticatedPage(res);
  const book = new PriceBookStore(deps.db);
  const money = moneyFormatter(page.language);
  const row = (price: WholesalePrice) => ({
    price: money(price.price),
    source: page.t(`prices.source.${price.source}`),
    reference: price.reference,
    seen: page.t.time(price.seenAt),
    by: price.enteredBy ?? "",
  });
  const current = book.current();
  const products = ALL_PRODUCTS.map((key) => {
    const latest = current.get(key);
    return {
      key,
      label: productLabel(page, key),
      current: latest === undefined ? undefined : row(latest),
      history: book.history(key).slice(1).map(row),
    };
  });
  const lastCurrency = [...current.values()].sort((a, b) => b.seenAt - a.seenAt)[0]?.price.currency;
  const model = {
    notice,
    problems,
    csrfToken: page.csrfToken,
    links: billingAdminLinks(page),
    products,
    defaultCurrency: lastCurrency ?? deps.billing.currency,
  };
  await renderPage(res, page, "billing/prices", page.t("page.prices.title"), model, status);
}
