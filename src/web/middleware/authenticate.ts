import type { RequestHandler } from "express";
import type { CsrfTokens } from "../csrf.js";
import { pageOf } from "../context.js";
import { WebError } from "../errors.js";
import { chooseLanguage, translator } from "../i18n/index.js";
import { ACCOUNT_NAME, mayOpen, type Identity, type VisitorProver } from "../identity/identity.js";
import type { InventoryStore } from "../../store/inventory-store.js";
import { TenantScope } from "../tenant-scope.js";

export interface AuthenticateDeps {
  /** How this endpoint's panel proves its visitors. */
  prover: VisitorProver;
  csrf: CsrfTokens;
  inventory: InventoryStore;
}

/**
 * Proves who is asking before any page runs: the panel's verdict is the identity (DirectAdmin's on the session,
 * the proof file's owner on cPanel; USERNAME from the environment is never believed), the page's level must not be
 * above the account's usertype (a user's session on the admin entry is refused), and login-as is shown only because
 * the session beside it verified. Then the language (the panel's LANGUAGE or the browser's, else the account's),
 * the tenant scope and the CSRF token are fixed — the same way for both panels.
 */
export function authenticate(deps: AuthenticateDeps): RequestHandler {
  return async (_req, res, next) => {
    const page = pageOf(res);
    const { request } = page;
    const verdict = await deps.prover.prove(request);
    if (!mayOpen(verdict.usertype, request.level)) {
      throw new WebError(403, "error.wrongLevel", `${verdict.username} (${verdict.usertype}) opened a ${request.level}-level page`);
    }
    const master = request.claimed.loginAsMaster;
    const identity: Identity = {
      username: verdict.username,
      usertype: verdict.usertype,
      level: request.level,
      loginAsMaster: request.claimed.isLoginAs && master !== undefined && ACCOUNT_NAME.test(master) && master !== verdict.username ? master : undefined,
    };
    page.identity = identity;
    page.language = chooseLanguage(request.claimed.language, verdict.language);
    page.t = translator(page.language, request.panel);
    page.scope = new TenantScope(deps.inventory, identity);
    page.csrfToken = deps.csrf.issue(identity.level, identity.username);
    next();
  };
}
