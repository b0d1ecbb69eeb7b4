import { join } from "node:path";
import express, { type Express, type RequestHandler } from "express";
import type { PanelKind } from "../model/panel-kind.js";
import { PACKAGE_ROOT } from "../package-info.js";
import type { Services } from "../main.js";
import type { CsrfTokens } from "./csrf.js";
import type { VisitorProver } from "./identity/identity.js";
import { acceptCpanelPage, acceptPage } from "./middleware/accept-page.js";
import { pageErrors } from "./middleware/errors.js";
import type { ZoneRecordsCache } from "./records/zone-records.js";
import { pageRoutes } from "./routes/index.js";

/** What the pages use of the daemon's services: the inventory (through the tenant scope) and the queue. */
export type WebServices = Pick<Services, "queue" | "actions" | "panel" | "clock" | "config" | "db" | "delegations"> & { tasks: Pick<Services["tasks"], "inventory" | "zones" | "protections" | "conflicts" | "policies" | "drift">; wapi: Pick<Services["wapi"], "budget" | "circuit" | "calls" | "credentials" | "account" | "fuse"> };

export interface WebAppOptions {
  /** How the server's page entries prove their visitors (web/server.ts, visitorProver). */
  prover: VisitorProver;
  csrf: CsrfTokens;
  log: (line: string) => void;
  /** The domain pages' parsed zones (web/records/zone-records.ts). */
  zoneRecords: ZoneRecordsCache;
  /** The EJS templates (default: views/ of the package). */
  viewsDir?: string;
}

/** Largest envelope: DirectAdmin's environment holds at most ~128 KiB per value; stdin bodies may be larger. */
const MAX_ENVELOPE = "2mb";

/** Each panel's endpoint and the door that reads its envelope. */
const ENDPOINTS: Readonly<Record<PanelKind, { path: string; accept: RequestHandler; speaks: string }>> = {
  directadmin: { path: "/v1/page/:level/:mode", accept: acceptPage, speaks: "POST /v1/page/<level>/<mode>" },
  cpanel: { path: "/v1/cpanel/:level", accept: acceptCpanelPage, speaks: "POST /v1/cpanel/<level>" },
};

/**
 * The plugin's web application, as the daemon serves it to the panel's entry scripts (protocol.ts,
 * cpanel-protocol.ts, README.md). One endpoint, the server panel's: the envelope is decoded and turned back into the
 * panel's request (acceptPage, acceptCpanelPage), the visitor is proven and the routes run (pageRoutes: the same
 * pages for both panels), and every answer — errors included — is the exact output for the entry to print
 * (output.ts). The other panel's endpoint does not exist: a proof that is good on one panel proves nothing on the
 * other.
 */
export function createWebApp(services: WebServices, options: WebAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("views", options.viewsDir ?? join(PACKAGE_ROOT, "views"));
  app.set("view engine", "ejs");
  app.set("view cache", true);
  const pages = pageRoutes({ log: options.log, prover: options.prover, csrf: options.csrf, inventory: services.tasks.inventory, queue: services.queue, actions: services.actions, records: { panel: services.panel, zones: services.tasks.zones, protections: services.tasks.protections, policies: services.tasks.policies, inventory: services.tasks.inventory, delegations: services.delegations, nameServers: services.config.dns.delegationNameServers, zoneRecords: options.zoneRecords }, admin: { clock: services.clock, queue: services.queue, conflicts: services.tasks.conflicts, policies: services.tasks.policies, budget: services.wapi.budget, calls: services.wapi.calls, circuit: services.wapi.circuit, drift: services.tasks.drift, db: services.db }, settings: { config: services.config, db: services.db, wapi: services.wapi, circuit: services.wapi.circuit, credentials: services.wapi.credentials, clock: services.clock, log: options.log } });
  const endpoint = ENDPOINTS[services.panel.kind];
  app.post(endpoint.path, express.raw({ type: () => true, limit: MAX_ENVELOPE }), endpoint.accept, pages, pageErrors(options.log));
  app.use((_req, res) => {
    res.status(404).type("text/plain").send(`wedos-panel: unknown endpoint; the plugin's entry scripts speak ${endpoint.speaks}\n`);
  });
  app.use(pageErrors(options.log));
  return app;
}
