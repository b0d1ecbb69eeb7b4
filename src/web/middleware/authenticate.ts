import type { RequestHandler } from "express";
import type { CsrfTokens } from "../csrf.js";
import { pageOf } from "../context.js";
import { WebError } from "../errors.js";
import { chooseLanguage, translator } from "../i18n/index.js";
import { ACCOUNT_NAME, mayOpen, type Identity, type VisitorProver } from "../identity/identity.js";
import type { PolicyStore } from "../../store/policy-store.js";
import type { InventoryStore } from "../../store/inventory-store.js";
import { TenantScope } from "../tenant-scope.js";

export interface AuthenticateDeps {
  /** How this endpoint's panel proves its visitors. */
  prover: VisitorProver;
  csrf: CsrfTokens;
  inventory: InventoryStore;
  policies: PolicyStore;
}

/**
 * Proves who is asking before any page runs: the prover's verdict is the identity (the proof file's owner and the
 * panel's word on that account, and on DirectAdmin optionally the session replay; USERNAME from the environment is
 * never believed), and the page's level must not be above the account's (a user on the admin entry is refused).
 * Login-as is taken from DirectAdmin's environment of the proven page — see ADR 0012 for what backs it in each
 * mode. Then the language (the panel's LANGUAGE or the browser's, else the account's), the tenant scope and the
 * CSRF token are fixed — the same way for both panels.
 */
export function authenticate(deps: AuthenticateDeps): RequestHandler {
  return async (_req, res, next) => {
    const page = pageOf(res);
    const { request } = page;
    const verdict = await deps.prover.prove(request);
    if (!mayOpen(verdict.usertype, request.level)) {
      throw new WebError(
        403,
        "error.wrongLevel",
        `${verdict.username} (${verdict.usertype}) opened a page of the ${request.level} level`,
      );
    }
    const master = request.claimed.loginAsMaster;
    const identity: Identity = {
      username: verdict.username,
      usertype: verdict.usertype,
      level: request.level,
      loginAsMaster:
        request.claimed.isLoginAs && master !== undefined && ACCOUNT_NAME.test(master) && master !== verdict.username
          ? master
          : undefined,
      provenBy: verdict.provenBy,
    };
    page.identity = identity;
    page.language = chooseLanguage(request.claimed.language, verdict.language);
    page.t = translator(page.language, request.panel);
    page.scope = new TenantScope(deps.inventory, identity);
    page.onSuspendOf = (username) =>
      deps.policies.forPackage(username === null ? undefined : deps.inventory.account(username)?.package).onSuspend;
    page.csrfToken = deps.csrf.issue(identity.level, identity.username);
    next();
  };
}
