import type { AuthenticatedContext, PageContext } from "../context.js";
import { assetUrl, pageUrl } from "../urls.js";

/** What the layouts (views/layouts/*.ejs) show around every page. Plain data: templates only print it. */
export interface LayoutModel {
  lang: string;
  title: string;
  cssHref: string;
  homeHref: string;
  /** "Signed in as bob", or undefined before the session verified (error pages). */
  signedIn: string | undefined;
  /** "admin is logged in as bob" under login-as. */
  loginAs: string | undefined;
  /** The visitor's CSRF token, on the page's wrapper for scripts (forms carry it in a hidden field). */
  csrfToken: string | undefined;
}

/** The layout model of a page; `title` is already translated. */
export function layoutModel(page: PageContext, title: string): LayoutModel {
  const { level, mode } = page.request;
  const identity = page.identity;
  return {
    lang: page.language,
    title,
    cssHref: assetUrl(level, "wedos.css"),
    homeHref: pageUrl(level, mode, "/"),
    signedIn: identity === undefined ? undefined : `${page.t("identity.signedIn", { user: identity.username })} (${page.t(`level.${identity.level}`)})`,
    loginAs: identity?.loginAsMaster === undefined ? undefined : page.t("identity.loginAs", { master: identity.loginAsMaster, user: identity.username }),
    csrfToken: page.csrfToken,
  };
}

/** Links of the admin's operations page and its forms. */
export function adminLinks(page: AuthenticatedContext) {
  const { level, mode } = page.request;
  return {
    home: pageUrl(level, mode, "/"),
    operations: pageUrl(level, mode, "/operations"),
    retry: pageUrl(level, mode, "/jobs/retry"),
    resolve: pageUrl(level, mode, "/conflicts/resolve"),
    drift: pageUrl(level, mode, "/drift"),
    applyDrift: pageUrl(level, mode, "/drift/apply"),
    policies: pageUrl(level, mode, "/policies"),
    settings: pageUrl(level, mode, "/settings"),
    testConnection: pageUrl(level, mode, "/settings/test"),
    saveSettings: pageUrl(level, mode, "/settings/save"),
    savePolicy: pageUrl(level, mode, "/policies/save"),
    removePolicy: pageUrl(level, mode, "/policies/remove"),
  };
}

/** Links of an authenticated page. */
export function linksOf(page: AuthenticatedContext) {
  const { level, mode } = page.request;
  return {
    home: pageUrl(level, mode, "/"),
    domain: (domain: string) => pageUrl(level, mode, `/domains/${domain}`),
    sync: pageUrl(level, mode, "/sync"),
    purge: pageUrl(level, mode, "/purge"),
    protection: pageUrl(level, mode, "/protection"),
  };
}
