import type { NextFunction, Request, Response } from "express";
import type { HookRun } from "../hooks.js";
import type { DirectAdminSession, SessionBook } from "../sessions.js";
import type { TreeFiles } from "../tree.js";
import type { FormTokens } from "./form-tokens.js";
import { isUsertype, reaches, type Usertype } from "./levels.js";

/** Who is looking at the emulated panel: a live session and the account it belongs to (the impersonated one under login-as). */
export interface Visitor {
  session: DirectAdminSession;
  username: string;
  usertype: Usertype;
  /** The admin or reseller behind a login-as. */
  loginAs: string | undefined;
  conf: Map<string, string>;
  /** The token every form of the front carries (see {@link checkCsrf}). */
  csrf: string;
}

/** The line shown once after an action: what happened and which hooks ran. */
export interface Flash {
  kind: "ok" | "error";
  text: string;
  runs?: readonly HookRun[];
}

/** The front's state shared by its routes. */
export interface Visits {
  sessions: SessionBook;
  files: TreeFiles;
  csrf: FormTokens;
  /** One pending flash per session id. */
  flashes: Map<string, Flash>;
  /** The operator's own session behind each login-as session, to return to at logout. */
  masters: Map<string, DirectAdminSession>;
}

/** An account's level from its user.conf `usertype`. */
export function levelOf(usertype: string | undefined): Usertype {
  return isUsertype(usertype) ? usertype : "user";
}

/** The cookies of a request (`name=value; …`). */
export function cookiesOf(req: Request): Map<string, string> {
  return new Map(
    (req.headers.cookie ?? "").split(";").map((part) => {
      const [name = "", ...value] = part.trim().split("=");
      return [name, value.join("=")] as const;
    }),
  );
}

/**
 * DirectAdmin's login cookies: `session` and `key`, which the browser sends back as `Cookie: session=<id>; key=<key>`
 * — exactly what the plugin's entry scripts receive as SESSION_ID/SESSION_KEY and the daemon replays to the API.
 */
export function setSessionCookies(res: Response, session: DirectAdminSession | undefined): void {
  const attributes = "Path=/; HttpOnly; SameSite=Lax";
  const expire = session === undefined ? "; Max-Age=0" : "";
  res.append("Set-Cookie", `session=${session?.SESSION_ID ?? ""}; ${attributes}${expire}`);
  res.append("Set-Cookie", `key=${session?.SESSION_KEY ?? ""}; ${attributes}${expire}`);
}

/** The request's live session and its account, or undefined (no cookie, unknown, logged out, idle too long). */
export function visitorOf(req: Request, visits: Visits): Visitor | undefined {
  const cookies = cookiesOf(req);
  const session = { SESSION_ID: cookies.get("session") ?? "", SESSION_KEY: cookies.get("key") ?? "" };
  if (session.SESSION_ID === "" || session.SESSION_KEY === "") return undefined;
  const owner = visits.sessions.use(session.SESSION_ID, session.SESSION_KEY);
  const conf = owner === undefined ? undefined : visits.files.userConf(owner.username);
  if (owner === undefined || conf === undefined) return undefined;
  const usertype = levelOf(conf.get("usertype"));
  return {
    session,
    username: owner.username,
    usertype,
    loginAs: owner.loginAs,
    conf,
    csrf: visits.csrf.issue(session.SESSION_ID),
  };
}

/**
 * Middleware: the visitor must be logged in (else the login page, then back here) and have at least `level`
 * (else 403, as DirectAdmin refuses a level above the account's). Puts the visitor in `res.locals.visitor`.
 */
export function requireVisitor(visits: Visits, level: Usertype = "user") {
  return (req: Request, res: Response, next: NextFunction): void => {
    const visitor = visitorOf(req, visits);
    if (visitor === undefined) {
      const back = req.method === "GET" ? `?referer=${encodeURIComponent(req.originalUrl)}` : "";
      res.redirect(303, `/${back}`);
      return;
    }
    if (!reaches(visitor.usertype, level)) {
      res
        .status(403)
        .type("text/plain")
        .send(`You do not have access to the ${level} level: ${visitor.username} is a ${visitor.usertype}.\n`);
      return;
    }
    res.locals.visitor = visitor;
    next();
  };
}

/** The visitor `requireVisitor` found. */
export function visitorIn(res: Response): Visitor {
  return res.locals.visitor as Visitor;
}

/** Middleware for the front's own forms: the `csrf` field must be the visitor's token (403 otherwise). */
export function checkCsrf(visits: Visits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const visitor = visitorIn(res);
    const token = (req.body as Record<string, unknown> | undefined)?.csrf;
    if (!visits.csrf.matches(typeof token === "string" ? token : undefined, visitor.session.SESSION_ID)) {
      res
        .status(403)
        .type("text/plain")
        .send("The form's security token is missing or out of date; go back, reload the page and try again.\n");
      return;
    }
    next();
  };
}

/** Keeps a flash for the visitor's next page and sends them there (post, redirect, get). */
export function flashAndGo(res: Response, visits: Visits, flash: Flash, to: string): void {
  visits.flashes.set(visitorIn(res).session.SESSION_ID, flash);
  res.redirect(303, to);
}

/** The visitor's pending flash, removed. */
export function takeFlash(visits: Visits, visitor: Visitor): Flash | undefined {
  const flash = visits.flashes.get(visitor.session.SESSION_ID);
  visits.flashes.delete(visitor.session.SESSION_ID);
  return flash;
}
