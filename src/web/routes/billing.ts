import { Router } from "express";
import { authenticatedPage } from "../context.js";
import { badRequest, notFound } from "../errors.js";
import { renderPage } from "../render.js";
import {
  adminBillingModel,
  BILLING_PATH,
  customerBillingModel,
  customersBillingModel,
  OWN_CUSTOMERS,
  STATEMENT_PATH,
  statementPageModel,
} from "../view-models/billing-pages.js";
import type { BillingSources } from "../view-models/billing-rated.js";

/** The longest account name looked up (DirectAdmin's and cPanel's are far shorter). */
const MAX_USERNAME = 64;

/**
 * The billing hub of every level (docs/decisions/0051), rated from the usage ledger on each view (no WAPI request):
 * a customer reads what they pay; a reseller their customers' month (and each customer's statement); the admin the
 * month's totals per reseller, twelve months as a chart, a reseller's customers and any customer's statement. What
 * a visitor may see is bounded by the ledger's scope: a customer's own entries, a reseller's customers', all.
 */
export function billingRoutes(sources: BillingSources, log: (line: string) => void): Router {
  const router = Router();

  router.get(BILLING_PATH, async (_req, res) => {
    const page = authenticatedPage(res);
    const { level, query } = page.request;
    const title = page.t("billing.title");
    if (level === "user") {
      await renderPage(res, page, "billing/index-user", title, customerBillingModel(page, sources, query, log));
      return;
    }
    const reseller = query.get("reseller");
    if (level === "admin" && reseller === null) {
      await renderPage(res, page, "billing/index-admin", title, adminBillingModel(page, sources, query, log));
      return;
    }
    // A reseller sees their own customers only; the admin any reseller's, or (`-`) the customers no reseller made.
    const scope =
      level === "reseller" ? page.identity.username : reseller === OWN_CUSTOMERS ? null : accountName(reseller);
    const model = customersBillingModel(page, sources, query, log, scope);
    await renderPage(res, page, "billing/index-reseller", title, model);
  });

  router.get(STATEMENT_PATH, async (_req, res) => {
    const page = authenticatedPage(res);
    const { level, query } = page.request;
    // A customer's own statement is their hub; this page is their reseller's and the admin's.
    if (level === "user") throw notFound();
    const customer = accountName(query.get("customer"));
    const model = statementPageModel(page, sources, query, log, customer);
    const title = page.t("billing.statement.title", { customer });
    await renderPage(res, page, "billing/statement", title, model, model.empty === undefined ? 200 : 404);
  });

  return router;
}

/** An account name from the query, trimmed and in lower case; none, or an impossible one, is a clear 400. */
function accountName(value: string | null): string {
  const name = (value ?? "").trim().toLowerCase();
  if (name === "" || name.length > MAX_USERNAME || !/^[a-z0-9._-]+$/.test(name))
    throw badRequest(
      `"${(value ?? "").slice(0, MAX_USERNAME)}" is not an account name: name one, e.g. ?customer=alice`,
    );
  return name;
}
