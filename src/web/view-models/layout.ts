import type { AuthenticatedContext, PageContext } from "../context.js";
import type { Level } from "../identity/identity.js";
import type { MessageKey } from "../i18n/index.js";
import { PAGE_TIME_ZONES } from "../i18n/format.js";
import { actionUrl } from "../origin.js";
import { assetUrl, pageUrl } from "../urls.js";
import { sendingBanner, type SendingBannerModel } from "./sending.js";

/** One entry of the page navigation; `current` marks the page being shown (aria-current). */
export interface NavItem {
  label: string;
  href: string;
  current: boolean;
}

/** The admin's pages, in menu order: the view that renders each, its path and its label. */
const ADMIN_NAV: ReadonlyArray<{ view: string; path: string; label: MessageKey }> = [
  { view: "admin/index", path: "/", label: "nav.domains" },
  { view: "admin/operations", path: "/operations", label: "page.operations.title" },
  { view: "admin/drift", path: "/drift", label: "page.drift.title" },
  { view: "admin/policies", path: "/policies", label: "page.policies.title" },
  { view: "admin/settings", path: "/settings", label: "page.settings.title" },
];

/** Every level's menu entry "Billing": the hub, current on every billing page (views/billing/, docs/decisions/0051). */
const BILLING_NAV = { view: "billing/", path: "/billing", label: "nav.billing" } as const;

/** Every level's menu entry "Notices": the inbox, with the count of unread notices (docs/decisions/0056). */
const NOTICES_NAV = { view: "notices/index", path: "/notices", label: "nav.notices" } as const;

/** The menu of a level: the admin's pages, or a reseller's and a customer's domain list; then Billing and Notices. */
function navOf(level: Level): ReadonlyArray<{ view: string; path: string; label: MessageKey }> {
  const home = level === "admin" ? ADMIN_NAV : [{ view: `${level}/index`, path: "/", label: "nav.domains" as const }];
  return [...home, BILLING_NAV, NOTICES_NAV];
}

/** The unread notices' badge: the count and the inbox's link, or undefined when there are none. */
function noticesBadge(page: PageContext): LayoutModel["notices"] {
  const count = page.unreadNotices?.() ?? 0;
  if (count === 0) return undefined;
  const { level, mode } = page.request;
  return { count, label: page.t("notices.unread", { count }), href: pageUrl(level, mode, NOTICES_NAV.path) };
}

/** Whether a menu entry is the page being shown: its view, or any view under it (an entry ending in `/`). */
const isCurrent = (entry: string, view: string) => (entry.endsWith("/") ? view.startsWith(entry) : entry === view);

/** What the layouts (views/layouts/*.ejs) show around every page. Plain data: templates only print it. */
export interface LayoutModel {
  lang: string;
  title: string;
  cssHref: string;
  /** images/progress.js, which raw pages load (with the nonce) to follow a queued action. */
  progressScriptHref: string;
  /** images/policy-form.js, which the package-policy page loads (with the nonce) to switch the protection fields. */
  policyScriptHref: string;
  homeHref: string;
  /** "Signed in as bob (user)", or undefined before the session verified (error pages) and under login-as. */
  signedIn: string | undefined;
  /** "admin is logged in as bob (user)" under login-as, instead of signedIn. */
  loginAs: string | undefined;
  /** The visitor's CSRF token, on the page's wrapper for scripts (forms carry it in a hidden field). */
  csrfToken: string | undefined;
  /** The navigation between the level's pages (empty before the visitor is proven: error pages). */
  nav: NavItem[];
  /** Why nothing (or less) is being sent to WEDOS now, on every page while it holds. */
  sending: SendingBannerModel | undefined;
  /** "Times are in UTC.": the one zone every time on the page is in, named once (i18n/format.ts). */
  timeZone: string;
  /** The visitor's unread notices (the home pages' badge), or undefined when there are none. */
  notices: { count: number; label: string; href: string } | undefined;
}

/**
 * The layout model of a page; `title` is already translated, `view` is the template being rendered (it decides
 * which navigation entry is the current page, whatever action led to it).
 */
export function layoutModel(page: PageContext, title: string, view: string): LayoutModel {
  const { level, mode } = page.request;
  const identity = page.identity;
  const notices = identity === undefined ? undefined : noticesBadge(page);
  const nav =
    identity === undefined
      ? []
      : navOf(level).map((item) => ({
          label:
            item === NOTICES_NAV && notices !== undefined
              ? page.t("nav.noticesUnread", { count: notices.count })
              : page.t(item.label),
          href: pageUrl(level, mode, item.path),
          current: isCurrent(item.view, view),
        }));
  const levelName = identity === undefined ? "" : page.t(`level.${identity.level}`);
  return {
    lang: page.language,
    title,
    cssHref: assetUrl(level, mode, "wedos.css"),
    progressScriptHref: assetUrl(level, mode, "progress.js"),
    policyScriptHref: assetUrl(level, mode, "policy-form.js"),
    homeHref: pageUrl(level, mode, "/"),
    // One line says who is here: under login-as the note names both accounts, so "Signed in as" is left out.
    signedIn:
      identity === undefined || identity.loginAsMaster !== undefined
        ? undefined
        : `${page.t("identity.signedIn", { user: identity.username })} (${levelName})`,
    loginAs:
      identity?.loginAsMaster === undefined
        ? undefined
        : `${page.t("identity.loginAs", { master: identity.loginAsMaster, user: identity.username })} (${levelName})`,
    csrfToken: page.csrfToken,
    nav,
    sending: sendingBanner(page),
    timeZone: page.t(PAGE_TIME_ZONES[page.language].note),
    notices,
  };
}

/** Links of the admin's operations page and its forms. */
export function adminLinks(page: AuthenticatedContext) {
  const { level, mode } = page.request;
  return {
    home: pageUrl(level, mode, "/"),
    operations: pageUrl(level, mode, "/operations"),
    // Actions come back to the page they were sent from (origin.ts).
    retry: actionUrl(page, "/jobs/retry"),
    dismiss: actionUrl(page, "/jobs/dismiss"),
    waiting: pageUrl(level, mode, "/jobs"),
    resolve: actionUrl(page, "/conflicts/resolve"),
    drift: pageUrl(level, mode, "/drift"),
    applyDrift: actionUrl(page, "/drift/apply"),
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
    // Actions come back to the page they were sent from (origin.ts).
    sync: actionUrl(page, "/sync"),
    purge: actionUrl(page, "/purge"),
    protection: actionUrl(page, "/protection"),
  };
}
