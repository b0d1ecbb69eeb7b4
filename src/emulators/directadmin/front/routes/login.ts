import { Router, type Request, type Response } from "express";
import { AppError } from "../../../../errors.js";
import type { Usertype } from "../levels.js";
import { field, type FrontDeps } from "../deps.js";
import { html } from "../html.js";
import { document, sendPage } from "../skin.js";
import { checkCsrf, flashAndGo, levelOf, requireVisitor, setSessionCookies, visitorIn, visitorOf } from "../visitor.js";

/** Each level's first page after login. */
export const HOME: Readonly<Record<Usertype, string>> = {
  admin: "/CMD_USER_LIST",
  reseller: "/CMD_USER_LIST",
  user: "/CMD_ADDITIONAL_DOMAINS",
};

/** A page of this panel to return to after login (never another site: `//host` and `/\host` are refused). */
function safeReferer(value: string): string | undefined {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : undefined;
}

function loginPage(res: Response, deps: FrontDeps, referer: string, error: string | undefined, status = 200): void {
  sendPage(
    res,
    document(
      "Log in",
      html`<form class="login" method="post" action="/CMD_LOGIN">
  <h1>DirectAdmin <small class="muted">emulated</small></h1>
  ${error !== undefined && html`<p class="flash flash-error" role="alert">${error}</p>`}
  <label for="username">Username</label><input id="username" name="username" autocomplete="username" required autofocus>
  <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
  <input type="hidden" name="referer" value="${referer}">
  <button type="submit">Log in</button>
  ${deps.loginNote !== undefined && html`<p class="muted login-note">${deps.loginNote}</p>`}
</form>`,
    ),
    { status },
  );
}

/**
 * Login, logout and login-as. A login is a new session of the emulator's SessionBook, handed to the browser as
 * DirectAdmin's `session`/`key` cookies. Login-as opens a session for the customer with the operator recorded
 * (IS_LOGIN_AS/LOGIN_AS_MASTER reach the plugin's pages); its logout returns to the operator's own session.
 */
export function loginRoutes(deps: FrontDeps): Router {
  const router = Router();
  router.get("/", (req: Request, res: Response) => {
    const visitor = visitorOf(req, deps);
    if (visitor !== undefined) res.redirect(303, HOME[visitor.usertype]);
    else loginPage(res, deps, safeReferer(String(req.query.referer ?? "")) ?? "", undefined);
  });

  router.post("/CMD_LOGIN", (req: Request, res: Response) => {
    const username = field(req.body, "username");
    const referer = safeReferer(field(req.body, "referer"));
    const conf = /^[a-z0-9_.-]{1,64}$/i.test(username) ? deps.files.userConf(username) : undefined;
    // The same answer for an unknown account and a wrong password.
    if (conf === undefined || !deps.passwords.verify(username, field(req.body, "password", { trim: false }))) {
      loginPage(res, deps, referer ?? "", "Invalid username or password.", 401);
      return;
    }
    if (conf.get("suspended") === "yes") {
      loginPage(res, deps, referer ?? "", "This account is suspended; ask your provider.", 403);
      return;
    }
    setSessionCookies(res, deps.sessions.login(username));
    deps.log(`${username}: logged in`);
    res.redirect(303, referer ?? HOME[levelOf(conf.get("usertype"))]);
  });

  router.post("/CMD_LOGOUT", requireVisitor(deps), checkCsrf(deps), (_req: Request, res: Response) => {
    const visitor = visitorIn(res);
    deps.sessions.logout(visitor.session);
    deps.flashes.delete(visitor.session.SESSION_ID);
    const master = deps.masters.get(visitor.session.SESSION_ID);
    deps.masters.delete(visitor.session.SESSION_ID);
    const back = master === undefined ? undefined : deps.sessions.use(master.SESSION_ID, master.SESSION_KEY);
    setSessionCookies(res, back === undefined ? undefined : master);
    res.redirect(303, back === undefined ? "/" : HOME.reseller);
  });

  router.post("/CMD_LOGIN_AS", requireVisitor(deps, "reseller"), checkCsrf(deps), (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const target = field(req.body, "username");
    let session;
    try {
      session = deps.sessions.login(target, { loginAs: visitor.username });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      flashAndGo(res, deps, { kind: "error", text: error.message }, HOME.reseller);
      return;
    }
    deps.masters.set(session.SESSION_ID, visitor.session);
    setSessionCookies(res, session);
    deps.log(`${visitor.username}: logged in as ${target}`);
    res.redirect(303, HOME[levelOf(deps.files.userConf(target)?.get("usertype"))]);
  });
  return router;
}
