import { Router, type Response } from "express";
import { DEFAULT_OFFER_PACKAGE, percentText, type Offer, type OfferLine } from "../../billing/offer.js";
import { parseLineInput } from "../../billing/offer-input.js";
import { retailOf } from "../../billing/offer-pricing.js";
import { ALL_PRODUCTS } from "../../billing/product.js";
import { OfferNotFound, OfferStore } from "../../store/offer-store.js";
import { PriceBookStore } from "../../store/price-book-store.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { notFound } from "../errors.js";
import { percentFormatter } from "../i18n/money-format.js";
import { renderPage } from "../render.js";
import { billingAdminLinks, type BillingAdminSources } from "./billing-prices.js";
import { panelPackages } from "./policies.js";
import { billingActor, priceWithVat, productLabel, refusalText, vatNote } from "../view-models/offer-text.js";

type Shown = { notice?: string; problems?: string[]; status?: number };

/**
 * The offers (admin only): the list and a new draft, and one offer's page with its lifecycle — edit a draft's
 * products, publish, deactivate, clone — and its audit trail. Each change is one OfferStore call, written to the
 * billing audit log with the admin's name; a refused change shows why, in the admin's language.
 */
export function billingOfferRoutes(deps: BillingAdminSources): Router {
  const router = Router();
  const store = new OfferStore(deps.db);
  const change = (page: AuthenticatedContext) => ({ actor: billingActor(page), at: deps.clock.now() });

  router.get("/billing/offers", async (_req, res) => {
    await showOffers(res, deps, store);
  });

  router.post("/billing/offers/create", async (_req, res) => {
    const page = authenticatedPage(res);
    const input = {
      package: bodyField(page.request.body, "package") ?? "",
      name: bodyField(page.request.body, "name") ?? "",
    };
    const offered = await panelPackages(deps);
    if (input.package !== DEFAULT_OFFER_PACKAGE && !offered.packages.includes(input.package)) {
      const problem = page.t("offers.notPanelPackage", { package: input.package });
      await showOffers(res, deps, store, { problems: [problem], status: 400 });
      return;
    }
    try {
      const offer = store.create({ ...input, currency: deps.billing.currency }, change(page));
      await showOffer(res, deps, store, offer.id, { notice: page.t("offers.created", { id: offer.id }) });
    } catch (error) {
      const problem = refusalText(page, error, input);
      if (problem === undefined) throw error;
      await showOffers(res, deps, store, { problems: [problem], status: 400 });
    }
  });

  router.get("/billing/offers/:id", async (req, res) => {
    await showOffer(res, deps, store, offerIdOf(req.params["id"]));
  });

  /** Runs one change of an offer and answers with its page: the notice, or why the change was refused. */
  const action = (
    name: string,
    run: (page: AuthenticatedContext, id: number, input: Record<string, string>) => string,
  ) =>
    router.post(`/billing/offers/:id/${name}`, async (req, res) => {
      const page = authenticatedPage(res);
      const id = offerIdOf(req.params["id"]);
      const input = Object.fromEntries(
        ["product", "markup", "price", "billed", "renewal", "name"].map((key) => [
          key,
          bodyField(page.request.body, key) ?? "",
        ]),
      );
      let notice: string;
      try {
        notice = run(page, id, input);
      } catch (error) {
        if (error instanceof OfferNotFound) throw notFound();
        const problem = refusalText(page, error, input);
        if (problem === undefined) throw error;
        await showOffer(res, deps, store, id, { problems: [problem], status: 400 });
        return;
      }
      await showOffer(res, deps, store, id, { notice });
    });

  action("line", (page, id, input) => {
    const line = parseLineInput(
      {
        product: input["product"] ?? "",
        markup: input["markup"],
        price: input["price"],
        billedWhileSuspended: input["billed"] === "yes",
        renewal: input["renewal"],
      },
      store.require(id).currency,
    );
    store.setLine(id, line, change(page));
    return page.t("offers.lineSaved", { product: productLabel(page, line.product) });
  });
  action("remove-line", (page, id, input) => {
    const product = input["product"] ?? "";
    if (!ALL_PRODUCTS.includes(product) || !store.removeLine(id, product, change(page))) throw notFound();
    return page.t("offers.lineRemoved", { product: productLabel(page, product) });
  });
  action("publish", (page, id) => {
    const { replaced } = store.publish(id, change(page));
    return replaced === null ? page.t("offers.published", { id }) : page.t("offers.replaced", { id, replaced });
  });
  action("deactivate", (page, id) => {
    store.deactivate(id, change(page));
    return page.t("offers.deactivated", { id });
  });
  router.post("/billing/offers/:id/clone", async (req, res) => {
    const page = authenticatedPage(res);
    const from = offerIdOf(req.params["id"]);
    const name = bodyField(page.request.body, "name")?.trim();
    try {
      const clone = store.clone(from, change(page), name === "" ? undefined : name);
      await showOffer(res, deps, store, clone.id, { notice: page.t("offers.cloned", { id: clone.id, from }) });
    } catch (error) {
      if (error instanceof OfferNotFound) throw notFound();
      const problem = refusalText(page, error, {});
      if (problem === undefined) throw error;
      await showOffer(res, deps, store, from, { problems: [problem], status: 400 });
    }
  });
  return router;
}

function offerIdOf(text: string | undefined): number {
  const id = Number(text);
  if (!/^[1-9][0-9]{0,15}$/.test(text ?? "") || !Number.isSafeInteger(id)) throw notFound();
  return id;
}

function offerSummary(page: AuthenticatedContext, offer: Offer) {
  return {
    id: offer.id,
    name: offer.name,
    package: offer.package,
    status: offer.status,
    statusLabel: page.t(`offers.status.${offer.status}`),
    lineCount: offer.lines.length,
    since: page.t.time(offer.deactivatedAt ?? offer.publishedAt ?? offer.createdAt),
    href: billingAdminLinks(page).offer(offer.id),
  };
}

async function showOffers(res: Response, deps: BillingAdminSources, store: OfferStore, shown: Shown = {}) {
  const page = authenticatedPage(res);
  const offered = await panelPackages(deps);
  const problems = [...(shown.problems ?? [])];
  if (offered.problem !== undefined) problems.push(page.t("offers.packagesUnreadable", { reason: offered.problem }));
  const model = {
    notice: shown.notice,
    problems,
    csrfToken: page.csrfToken,
    links: billingAdminLinks(page),
    offers: store.list().map((offer) => offerSummary(page, offer)),
    packages: [DEFAULT_OFFER_PACKAGE, ...offered.packages],
    currency: deps.billing.currency,
    vatNote: vatNote(page, deps.billing),
  };
  await renderPage(res, page, "billing/offers", page.t("page.offers.title"), model, shown.status ?? 200);
}

function lineRow(page: AuthenticatedContext, deps: BillingAdminSources, offer: Offer, line: OfferLine) {
  const wholesale = new PriceBookStore(deps.db).latest(line.product)?.price;
  const retail = retailOf(line, offer.currency, wholesale);
  return {
    product: line.product,
    label: productLabel(page, line.product),
    pricing:
      line.pricing.kind === "markup"
        ? page.t("offers.markup", { percent: percentFormatter(page.language)(percentText(line.pricing.markupBp)) })
        : page.t("offers.fixed"),
    priceNow:
      retail === null
        ? page.t("offers.unpriced", { currency: offer.currency })
        : priceWithVat(page, retail, deps.billing),
    unpriced: retail === null,
    suspended: page.t(line.billedWhileSuspended ? "offers.billed" : "offers.free"),
    renewal: page.t(`offers.renewal.${line.renewal}`),
  };
}

async function showOffer(res: Response, deps: BillingAdminSources, store: OfferStore, id: number, shown: Shown = {}) {
  const page = authenticatedPage(res);
  const offer = store.get(id);
  if (offer === undefined) throw notFound();
  const model = {
    notice: shown.notice,
    problems: shown.problems ?? [],
    csrfToken: page.csrfToken,
    links: billingAdminLinks(page),
    offer: offerSummary(page, offer),
    currency: offer.currency,
    clonedFrom: offer.clonedFrom,
    vatNote: vatNote(page, deps.billing),
    lines: offer.lines.map((line) => lineRow(page, deps, offer, line)),
    products: ALL_PRODUCTS.map((key) => ({ key, label: productLabel(page, key) })),
    history: store.history(id).map((entry) => ({
      at: page.t.time(entry.at),
      actor: entry.actor,
      action: page.t(`offers.action.${entry.action}` as Parameters<typeof page.t>[0]),
      details: Object.entries(entry.details)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(", "),
    })),
  };
  await renderPage(
    res,
    page,
    "billing/offer",
    page.t("page.offer.title", { id, name: offer.name }),
    model,
    shown.status ?? 200,
  );
}
