import type { PageContext } from "./context.js";
import { pageUrl } from "./urls.js";

/**
 * The page an action was started from, so that its answer is that page again (docs/decisions/0039): the domain page
 * stays the domain page, the list stays on its page and filter. Action URLs carry it as `back=<path>?<query>`.
 */
export interface Origin {
  /** A page inside the plugin, e.g. "/" or "/domains/example.com". */
  path: string;
  /** Its own query (list page, filter, search), without `job` and `back`. */
  query: URLSearchParams;
}

/** The action URL's parameter naming the page the action was started from. */
export const BACK_PARAMETER = "back";
/** The page parameter naming the job whose progress the page shows (middleware/job-progress.ts). */
export const JOB_PARAMETER = "job";

/** A plugin page path: plain segments only (no `//`, no `..`, no encoding), so `back` can only name our own pages. */
const PAGE_PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*)?$/;
/** Longer than any page's path and query; a longer `back` is not ours. */
const MAX_BACK_LENGTH = 1000;

/** The page being shown as an action started from it names it; undefined on the answer to a POST (not a page). */
export function currentOrigin(page: PageContext): Origin | undefined {
  const { method, path, query } = page.request;
  if (method !== "GET" || path === undefined) return undefined;
  return { path, query: withoutOwnParameters(query) };
}

/** `back` as the action URL carries it. */
export function formatOrigin(origin: Origin): string {
  const query = origin.query.toString();
  return query === "" ? origin.path : `${origin.path}?${query}`;
}

/** A `back` value read back; undefined unless it names a plugin page (anything else is ignored, never followed). */
export function parseOrigin(text: string | null | undefined): Origin | undefined {
  if (text === null || text === undefined || text.length > MAX_BACK_LENGTH) return undefined;
  const at = text.indexOf("?");
  const path = at < 0 ? text : text.slice(0, at);
  if (!PAGE_PATH.test(path)) return undefined;
  return { path, query: withoutOwnParameters(new URLSearchParams(at < 0 ? "" : text.slice(at + 1))) };
}

/**
 * The URL of the action at `path`, naming the page to come back to: the page being shown — or, on a step between
 * (a confirmation page opened with `back=`), the page that step was opened from.
 */
export function actionUrl(page: PageContext, path: string): string {
  const { level, mode } = page.request;
  const passedOn = page.request.method === "GET" ? parseOrigin(page.request.query.get(BACK_PARAMETER)) : undefined;
  const here = passedOn ?? currentOrigin(page);
  return pageUrl(level, mode, path, here === undefined ? {} : { [BACK_PARAMETER]: formatOrigin(here) });
}

/** The page an action answers with: the one its URL names, else `fallback` (the page the action belongs to). */
export function originOf(page: PageContext, fallback: string): Origin {
  return parseOrigin(page.request.query.get(BACK_PARAMETER)) ?? { path: fallback, query: new URLSearchParams() };
}

/** The URL of the page at `origin` with `extra` parameters, in the visitor's entry and mode. */
export function originUrl(page: PageContext, origin: Origin, extra: Readonly<Record<string, string>> = {}): string {
  const params = Object.fromEntries(origin.query);
  return pageUrl(page.request.level, page.request.mode, origin.path, { ...params, ...extra });
}

function withoutOwnParameters(query: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(query);
  rest.delete(BACK_PARAMETER);
  rest.delete(JOB_PARAMETER);
  return rest;
}
