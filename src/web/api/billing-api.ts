import express, { type Request, type Response, type Router } from "express";
import { CalendarError, parseMonth } from "../../billing/calendar.js";
import { exportCsv } from "../../billing/export-csv.js";
import type { ExportScope } from "../../billing/export-document.js";
import { exportStatements } from "../../store/billing-export.js";
import { BillingTokenStore, type BillingToken } from "../../store/billing-token-store.js";
import type { WebDeps } from "../deps.js";
import { bearerToken, isRefusal } from "./bearer-token.js";

/** Where the daemon's web listener serves the statements pull API (docs/billing-export.md). */
export const BILLING_API_PATH = "/api/billing/v1";

const PARAMETERS = new Set(["month", "reseller", "customer", "format"]);
const REDACTED = new Set(["token", "access_token", "bearer"]);

class BadRequest extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** The request as the log keeps it: path and query, any token-like parameter's value blanked. */
function loggedRequest(req: Request): string {
  const url = new URL(req.originalUrl, "http://api");
  for (const name of REDACTED) if (url.searchParams.has(name)) url.searchParams.set(name, "(removed)");
  return `${req.method} ${url.pathname}${url.search}`.slice(0, 300);
}

function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    throw new BadRequest(400, `give ${name} once, with a value (e.g. ${name}=${name === "month" ? "2026-11" : "bob"})`);
  }
  return value.trim();
}

/** The scope asked for, within what the token may read. */
function scopeOf(req: Request, token: BillingToken): { scope: ExportScope; withinReseller?: string } {
  const unknown = Object.keys(req.query).filter((name) => !PARAMETERS.has(name));
  if (unknown.length > 0) {
    const known = [...PARAMETERS].join(", ");
    throw new BadRequest(400, `unknown parameter ${unknown.join(", ")}: this endpoint takes ${known}`);
  }
  const reseller = single(req, "reseller");
  const customer = single(req, "customer");
  if (reseller !== undefined && customer !== undefined) {
    throw new BadRequest(400, "ask for one reseller or one customer, not both");
  }
  if (token.reseller !== null && reseller !== undefined && reseller !== token.reseller) {
    throw new BadRequest(403, `this token reads the statements of reseller ${token.reseller} only`);
  }
  if (customer !== undefined) {
    return { scope: { kind: "customer", customer }, withinReseller: token.reseller ?? undefined };
  }
  const scoped = reseller ?? token.reseller;
  return { scope: scoped === null ? { kind: "all" } : { kind: "reseller", reseller: scoped } };
}

/**
 * GET /api/billing/v1/statements?month=YYYY-MM[&reseller=R | &customer=C][&format=json|csv]: a month's statements
 * as the export document (JSON, or the same as CSV), for a billing system to pull with a bearer token (ADR 0047).
 * It does not go through the panel pages' authentication: the token is the only proof, checked against its SHA-256,
 * and its scope (every reseller or one) bounds what it reads. Every request is logged, refused ones too, without
 * the token. Reads the database only: no WAPI call.
 */
export function billingApi(deps: Pick<WebDeps, "db" | "config" | "clock">, log: (line: string) => void): Router {
  const router = express.Router();
  const tokens = new BillingTokenStore(deps.db);

  const answer = (req: Request, res: Response, token: BillingToken | null, status: number, outcome: string) => {
    const use = {
      at: deps.clock.now(),
      tokenId: token?.id ?? null,
      remote: req.socket.remoteAddress ?? "local socket",
      request: loggedRequest(req),
      status,
      outcome,
    };
    tokens.logUse(use);
    const who = token === null ? "no valid token" : `token ${token.id} (${token.hint}…)`;
    log(`billing api: ${who} from ${use.remote}: ${use.request} → ${status} ${outcome}`);
    res.status(status).set("Cache-Control", "no-store");
  };
  const refuse = (req: Request, res: Response, token: BillingToken | null, status: number, message: string) => {
    answer(req, res, token, status, message);
    res.json({ error: message });
  };

  router.get("/statements", (req, res) => {
    const token = bearerToken(req, tokens, deps.clock.now());
    if (isRefusal(token)) {
      if (token.challenge !== undefined) res.set("WWW-Authenticate", token.challenge);
      refuse(req, res, null, token.status, token.message);
      return;
    }
    try {
      const asked = single(req, "month");
      if (asked === undefined) throw new BadRequest(400, "give the month of the statements, e.g. month=2026-11");
      const month = parseMonth(asked);
      const format = single(req, "format") ?? "json";
      if (format !== "json" && format !== "csv") throw new BadRequest(400, "format is json (the default) or csv");
      const document = exportStatements(deps.db, deps.config.billing, {
        month,
        generatedAt: deps.clock.now(),
        ...scopeOf(req, token),
      });
      const customers = document.resellers.reduce((count, reseller) => count + reseller.customers.length, 0);
      answer(req, res, token, 200, `${customers} customer statement(s)`);
      if (format === "csv") res.type("text/csv; charset=utf-8").send(exportCsv(document));
      else res.json(document);
    } catch (error) {
      if (error instanceof BadRequest) refuse(req, res, token, error.status, error.message);
      else if (error instanceof CalendarError) refuse(req, res, token, 400, `month: ${error.message}`);
      else {
        log(`billing api: the statements could not be made: ${(error as Error).stack ?? String(error)}`);
        const message = "the statements could not be made; the provider's admin finds why in the daemon log";
        refuse(req, res, token, 500, message);
      }
    }
  });

  router.use((req, res) => {
    refuse(req, res, null, 404, "no such endpoint: GET /api/billing/v1/statements?month=YYYY-MM is the one there is");
  });
  return router;
}
