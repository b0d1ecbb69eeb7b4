import type { RequestHandler } from "express";
import { authenticatedPage } from "../context.js";
import { actorName } from "../identity/identity.js";
import { SAFE_METHODS } from "./require-csrf.js";

/**
 * Writes every state-changing page request that passed the CSRF check to the daemon's log: who acts — "admin as
 * bob" under login-as —, at which level, how they were proven (ADR 0012 says what each proof backs), and the page.
 */
export function auditActions(log: (line: string) => void): RequestHandler {
  return (req, res, next) => {
    if (!SAFE_METHODS.has(req.method)) {
      const { identity } = authenticatedPage(res);
      log(
        `page action: ${actorName(identity)} (${identity.level} level, proven by ${identity.provenBy}): ${req.method} ${req.path}`,
      );
    }
    next();
  };
}
