import type { Response } from "express";
import type { Reason } from "../model/reason.js";
import type { AuthenticatedContext } from "./context.js";
import { renderPage, sendJson } from "./render.js";
import { linksOf } from "./view-models/layout.js";
import { spendRefusalText } from "./view-models/spend-limits.js";

/**
 * Answers an order a spending limit refuses (409): a page saying why in the visitor's words (a customer never reads
 * its reseller's amounts), with the way back to the domain; a fetch() gets `{refused}` with the same words.
 */
export async function refuseOrder(
  res: Response,
  page: AuthenticatedContext,
  domain: string,
  refusal: Reason,
): Promise<void> {
  const text = spendRefusalText(page, refusal);
  if (page.request.body.kind === "json") return sendJson(res, page, 409, { refused: text });
  await renderPage(
    res,
    page,
    "billing/limit-refused",
    page.t("limits.refusedOrder.title"),
    { text, backHref: linksOf(page).domain(domain) },
    409,
  );
}
