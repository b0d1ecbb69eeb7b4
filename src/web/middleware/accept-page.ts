import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import { readCpanelPageRequest } from "../cpanel-protocol.js";
import { notFound } from "../errors.js";
import { chooseLanguage, translator } from "../i18n/index.js";
import { isLevel } from "../identity/identity.js";
import { innerUrl, parseEnvelope, readPageRequest, type PageRequest } from "../protocol.js";

/** How one endpoint reads its panel's envelope. */
interface PageDoor {
  /** The page request the envelope describes; throws on a malformed envelope. */
  read(params: Record<string, string | undefined>, envelope: Buffer): PageRequest;
  /** The request with no variables, for the error page of a malformed envelope; undefined if the endpoint does not exist. */
  blank(params: Record<string, string | undefined>): PageRequest | undefined;
}

/**
 * The door of a page protocol: decodes the envelope into the page context, then rewrites the request into the page
 * request the panel received — method and `/<level><path>?<query>` — so the page routes read like any express
 * routes, whichever panel sent it. Until authenticate() runs the language is the one the request names (DirectAdmin's
 * `LANGUAGE`, the browser's Accept-Language on cPanel), else English (for error pages before the visitor is known).
 */
function acceptWith(door: PageDoor): RequestHandler {
  return (req, res, next) => {
    const params = req.params as Record<string, string | undefined>;
    const blank = door.blank(params);
    if (blank === undefined) {
      res.status(404).type("text/plain").send("no such page endpoint\n");
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    let request: PageRequest;
    try {
      request = door.read(params, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
    } catch (error) {
      // A malformed envelope still gets a page in the right mode, so the visitor sees a message, not a blank frame.
      const language = chooseLanguage();
      res.locals.page = { request: blank, nonce, language, t: translator(language, blank.panel) };
      next(error);
      return;
    }
    const language = chooseLanguage(request.claimed.language);
    res.locals.page = { request, nonce, language, t: translator(language, request.panel) };
    if (request.path === undefined) {
      next(notFound());
      return;
    }
    req.method = request.method;
    req.url = innerUrl(request);
    next();
  };
}

/** DirectAdmin's entry scripts: `POST /v1/page/<level>/<mode>` (protocol.ts). */
export const acceptPage = acceptWith({
  read: ({ level, mode }, envelope) =>
    readPageRequest(level as PageRequest["level"], mode as "html" | "raw", parseEnvelope(envelope)),
  blank: ({ level, mode }) =>
    isLevel(level) && (mode === "html" || mode === "raw") ? readPageRequest(level, mode, new Map()) : undefined,
});

/** cPanel's and WHM's entry (`index.live.pl`, `index.cgi`): `POST /v1/cpanel/<level>` (cpanel-protocol.ts). */
export const acceptCpanelPage = acceptWith({
  read: ({ level }, envelope) => readCpanelPageRequest(level ?? "", envelope),
  blank: ({ level }) =>
    level === "user" || level === "admin" ? readCpanelPageRequest(level, Buffer.alloc(0)) : undefined,
});
