import type { RequestHandler } from "express";
import type { CsrfTokens } from "../csrf.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";

/** The form field (or top-level JSON property) that carries the token. */
export const CSRF_FIELD = "csrf";

/** Methods that change nothing, so need no token. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request (anything but GET/HEAD/OPTIONS) must carry the visitor's CSRF token in the `csrf`
 * form field or JSON property, or in an `X-CSRF-Token` header — the header only reaches us if DirectAdmin passes
 * request headers to page scripts as HTTP_* variables, which is not documented, so pages should use the field.
 * Missing, stale (older than the previous window) or foreign tokens are refused with 403 and a text that says
 * to reload the page.
 */
export function requireCsrf(csrf: CsrfTokens): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const page = authenticatedPage(res);
    const verdict = csrf.check(
      bodyField(page.request.body, CSRF_FIELD) ?? page.request.csrfHeader,
      page.identity.level,
      page.identity.username,
    );
    if (verdict === "valid") {
      next();
      return;
    }
    const key =
      verdict === "missing" ? "error.csrfMissing" : verdict === "stale" ? "error.csrfStale" : "error.csrfInvalid";
    throw new WebError(403, key, `CSRF token ${verdict} for ${page.identity.username} (${page.identity.level})`);
  };
}
