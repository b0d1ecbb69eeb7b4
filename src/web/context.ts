import type { Response } from "express";
import type { Language, Translate } from "./i18n/index.js";
import type { Identity } from "./identity/identity.js";
import type { Policy } from "../model/policy.js";
import type { Blocking, Estimate } from "../provisioning/estimate.js";
import type { ProgressView } from "./progress.js";
import type { PageRequest } from "./protocol.js";
import type { TenantScope } from "./tenant-scope.js";

/**
 * Everything one page request carries through the middleware: the decoded DirectAdmin request, the CSP nonce,
 * the language, and — once authenticate() ran — the proven identity, its tenant scope and its CSRF token.
 */
export interface PageContext {
  request: PageRequest;
  /** A fresh random value per response, for `<script nonce>` (CSP forbids every other inline script). */
  nonce: string;
  language: Language;
  t: Translate;
  identity?: Identity;
  scope?: TenantScope;
  csrfToken?: string;
  /** The line an action answers with ("A sync of example.com has been queued"), above its progress. */
  notice?: string | undefined;
  /** The progress of the job an action queued (or the `job` a refreshed page names), shown above the page. */
  progress?: ProgressView | undefined;
  /** What holds back sending to WEDOS, and when waiting changes are expected there (every authenticated page). */
  sending?: SendingState;
  /** How many notices the visitor has not read (middleware/unread-notices.ts), for the badge. */
  unreadNotices?: () => number;
  /** What suspending an account does to its zone, per its package's policy (set with the identity). */
  onSuspendOf?: (username: string | null) => Policy["onSuspend"];
}

/** Sending to WEDOS as the pages tell it (middleware/sending-state.ts). */
export interface SendingState {
  /** A pause or a spent budget, if one holds now (read when the page is rendered, after its action). */
  blocking(): Blocking | undefined;
  /** When the changes made in the panel now (the records lane and what goes before it) are expected at WEDOS. */
  changesExpected(): Estimate;
  /** Of `domains`, those with changes waiting, each with when they are expected at WEDOS. */
  waiting(domains: readonly string[]): ReadonlyMap<string, Estimate>;
}

/** A page context after authentication. */
export type AuthenticatedContext = PageContext & Required<Pick<PageContext, "identity" | "scope" | "csrfToken">>;

declare global {
  namespace Express {
    interface Locals {
      page?: PageContext;
    }
  }
}

/** The page context of a request that came through acceptPage(); a programming error otherwise. */
export function pageOf(res: Response): PageContext {
  const page = res.locals.page;
  if (page === undefined) throw new Error("no page context: the route is not behind acceptPage()");
  return page;
}

/** The page context of an authenticated request; a programming error if authenticate() did not run. */
export function authenticatedPage(res: Response): AuthenticatedContext {
  const page = pageOf(res);
  if (page.identity === undefined || page.scope === undefined || page.csrfToken === undefined)
    throw new Error("the route is not behind authenticate()");
  return page as AuthenticatedContext;
}
