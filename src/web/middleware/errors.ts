import type { ErrorRequestHandler, RequestHandler } from "express";
import { toError } from "../../errors.js";
import { notFound, WebError } from "../errors.js";
import { sendOutput } from "../output.js";
import { renderPage, sendJson } from "../render.js";

/** Ends the page routes: whatever matched nothing is a 404 page (never express's own HTML). */
export const pageNotFound: RequestHandler = () => {
  throw notFound();
};

/**
 * Answers every error as a page in the visitor's language: the status and catalogue text of a WebError, or 500
 * with a generic text for anything else — the details of failures and refusals (never a stack, never session values:
 * errors do not carry them) go only to the daemon's log. A JSON request gets `{"error": text}`.
 */
export function pageErrors(log: (line: string) => void): ErrorRequestHandler {
  return async (thrown: unknown, _req, res, _next) => {
    const page = res.locals.page;
    const error = toError(thrown);
    const known = error instanceof WebError ? error : bodyParserError(error);
    // Refusals of who is asking (401, 403) are logged too: they tell the admin why pages turn visitors away.
    if (known === undefined || known.status >= 500 || known.status === 401 || known.status === 403)
      log(`web: ${known?.status ?? 500} ${error.message}`);
    if (page === undefined) {
      res
        .status(known?.status ?? 500)
        .type("text/plain")
        .send("the page request could not be read\n");
      return;
    }
    const status = known?.status ?? 500;
    const text = page.t(known?.messageKey ?? "error.internal");
    try {
      if (page.request.body.kind === "json") sendJson(res, page, status, { error: text });
      else await renderPage(res, page, "error", page.t("error.title"), { message: text }, status);
    } catch (renderError) {
      log(`web: the error page failed: ${toError(renderError).message}`);
      sendOutput(res, page, status, "text/plain; charset=utf-8", text);
    }
  };
}

/** express's body reader reports an oversized or unreadable envelope with a status of its own. */
function bodyParserError(error: Error): WebError | undefined {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  return new WebError(400, "error.badRequest", `the page request could not be read: ${error.message}`);
}
