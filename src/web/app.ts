import { join } from "node:path";
import express, { type Express } from "express";
import { PACKAGE_ROOT } from "../package-info.js";
import type { Services } from "../main.js";
import type { CsrfTokens } from "./csrf.js";
import type { SessionVerifier } from "./identity/session-verifier.js";
import { acceptPage } from "./middleware/accept-page.js";
import { pageErrors } from "./middleware/errors.js";
import { pageRoutes } from "./routes/index.js";

/** What the pages use of the daemon's services: the inventory (through the tenant scope) and the queue. */
export type WebServices = Pick<Services, "queue" | "panel" | "clock" | "config" | "db" | "delegations"> & { tasks: Pick<Services["tasks"], "inventory" | "zones" | "protections" | "conflicts" | "policies" | "drift">; wapi: Pick<Services["wapi"], "budget" | "circuit" | "calls" | "credentials"> };

export interface WebAppOptions {
  verifier: SessionVerifier;
  csrf: CsrfTokens;
  log: (line: string) => void;
  /** The EJS templates (default: views/ of the package). */
  viewsDir?: string;
}

/** Largest envelope: DirectAdmin's environment holds at most ~128 KiB per value; stdin bodies may be larger. */
const MAX_ENVELOPE = "2mb";

/**
 * The plugin's web application, as the daemon serves it to the entry scripts (protocol.ts, README.md). One
 * endpoint, `POST /v1/page/<level>/<mode>`: the envelope is decoded and turned back into DirectAdmin's request
 * (acceptPage), the session is proven and the routes run (pageRoutes), and every answer — errors included — is
 * the exact output for the entry script to print (output.ts).
 */
export function createWebApp(services: WebServices, options: WebAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("views", options.viewsDir ?? join(PACKAGE_ROOT, "views"));
  app.set("view engine", "ejs");
  app.set("view cache", true);
  const pages = pageRoutes({ verifier: options.verifier, csrf: options.csrf, inventory: services.tasks.inventory, queue: services.queue, records: { panel: services.panel, zones: services.tasks.zones, protections: services.tasks.protections, policies: services.tasks.policies, inventory: services.tasks.inventory, delegations: services.delegations, nameServers: services.config.dns.delegationNameServers }, admin: { clock: services.clock, queue: services.queue, conflicts: services.tasks.conflicts, policies: services.tasks.policies, budget: services.wapi.budget, calls: services.wapi.calls, circuit: services.wapi.circuit, drift: services.tasks.drift, db: services.db }, settings: { config: services.config, db: services.db, queue: services.queue, circuit: services.wapi.circuit, credentials: services.wapi.credentials, clock: services.clock, log: options.log } });
  app.post("/v1/page/:level/:mode", express.raw({ type: () => true, limit: MAX_ENVELOPE }), acceptPage, pages, pageErrors(options.log));
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("wedos-panel: unknown endpoint; the plugin's entry scripts speak POST /v1/page/<level>/<mode>\n");
  });
  app.use(pageErrors(options.log));
  return app;
}
