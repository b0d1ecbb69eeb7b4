import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";
import { notFound } from "../errors.js";
import { chooseLanguage, translator } from "../i18n/index.js";
import { isLevel } from "../identity/identity.js";
import { innerUrl, parseEnvelope, readPageRequest, type PageRequest } from "../protocol.js";

/**
 * The door of the page protocol (`POST /v1/page/<level>/<mode>`, see protocol.ts): decodes the envelope into the
 * page context, then rewrites the request into the page request DirectAdmin received — method and
 * `/<level><path>?<query>` — so the page routes read like any express routes. Until authenticate() runs the
 * language is DirectAdmin's `LANGUAGE` if it came, else English (for error pages before the session is known).
 */
export const acceptPage: RequestHandler = (req, res, next) => {
  const { level, mode } = req.params as { level?: string; mode?: string };
  if (!isLevel(level) || (mode !== "html" && mode !== "raw")) {
    res.status(404).type("text/plain").send("no such page endpoint\n");
    return;
  }
  const nonce = randomBytes(16).toString("base64");
  let request: PageRequest;
  try {
    request = readPageRequest(level, mode, parseEnvelope(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)));
  } catch (error) {
    // A malformed envelope still gets a page in the right mode, so the visitor sees a message, not a blank frame.
    request = readPageRequest(level, mode, new Map());
    const language = chooseLanguage();
    res.locals.page = { request, nonce, language, t: translator(language) };
    next(error);
    return;
  }
  const language = chooseLanguage(request.claimed.language);
  res.locals.page = { request, nonce, language, t: translator(language) };
  if (request.path === undefined) {
    next(notFound());
    return;
  }
  req.method = request.method;
  req.url = innerUrl(request);
  next();
};
