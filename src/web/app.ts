import { ProtectionPlanStore } from "../store/protection-plan-store.js";
import { join } from "node:path";
import express, { type Express, type RequestHandler } from "express";
import { systemClock, type Clock } from "../clock.js";
import type { PanelKind } from "../model/panel-kind.js";
import { PACKAGE_ROOT } from "../package-info.js";
import { hookSpool } from "../provisioning/spool.js";
import { CreatorLevelStore } from "../store/creator-level-store.js";
import { SpendLimitStore } from "../store/spend-limit-store.js";
import { DomainActivity } from "../store/domain-activity.js";
import { ServiceRequestStore } from "../store/service-request-store.js";
import { BILLING_API_PATH, billingApi } from "./api/billing-api.js";
import type { CsrfTokens } from "./csrf.js";
import type { WebDeps } from "./deps.js";
import type { VisitorProver } from "./identity/identity.js";
import { acceptCpanelPage, acceptPage } from "./middleware/accept-page.js";
import { pageErrors } from "./middleware/errors.js";
import type { ZoneRecordsCache } from "./records/zone-records.js";
import { pageRoutes } from "./routes/index.js";
import { offerTerms } from "../store/offer-store.js";
import { RatedMonthCache } from "./view-models/billing-cache.js";

export interface WebAppOptions {
  /** How the server's page entries prove their visitors (web/server.ts, visitorProver). */
  prover: VisitorProver;
  csrf: CsrfTokens;
  log: (line: string) => void;
  /** The domain pages' parsed zones (web/records/zone-records.ts). */
  zoneRecords: ZoneRecordsCache;
  /** The EJS templates (default: views/ of the package). */
  viewsDir?: string;
  /** The clock pages wait on for an answer sent outside the queue (Test connection); real time by default. */
  timeouts?: Clock;
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
export function createWebApp(deps: WebDeps, options: WebAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("views", options.viewsDir ?? join(PACKAGE_ROOT, "views"));
  app.set("view engine", "ejs");
  app.set("view cache", true);
  const { stores } = deps;
  const offers = offerTerms(deps.db);
  const requests = new ServiceRequestStore(deps.db);
  const { notices } = deps;
  const pages = pageRoutes({
    log: options.log,
    prover: options.prover,
    csrf: options.csrf,
    inventory: stores.inventory,
    policies: stores.policies,
    queue: deps.queue,
    actions: deps.actions,
    estimates: deps.estimates,
    limits: {
      spending: deps.spending,
      limits: new SpendLimitStore(deps.db),
      inventory: stores.inventory,
      creators: new CreatorLevelStore(deps.db),
      clock: deps.clock,
      billing: deps.config.billing,
    },
    resumeSending: () => deps.resumeSending("admin"),
    support: {
      requests,
      notices,
      inventory: stores.inventory,
      panel: deps.panel,
      diagnostics: {
        zones: stores.zones,
        protections: stores.protections,
        delegations: stores.delegations,
        activity: new DomainActivity(deps.db),
        wapi: deps.wapi.status,
      },
      clock: deps.clock,
    },
    records: {
      panel: deps.panel,
      zones: stores.zones,
      protections: stores.protections,
      policies: stores.policies,
      inventory: stores.inventory,
      delegations: stores.delegations,
      nameServers: deps.config.dns.delegationNameServers,
      zoneRecords: options.zoneRecords,
      lifecycle: { queue: deps.queue, conflicts: stores.conflicts, drift: stores.drift },
      adoption: { adoptions: deps.adoptions, queue: deps.queue, conflicts: stores.conflicts, drift: stores.drift },
      plans: {
        store: new ProtectionPlanStore(deps.db),
        // Read at each view (tests and tools may give their own); by default the published offers' terms.
        terms: (sale) => (deps.saleTerms ?? offers)(sale),
        timeZone: deps.config.billing.timeZone,
        clock: deps.clock,
      },
      sharing: {
        db: deps.db,
        requests,
        notices,
        inventory: stores.inventory,
        clock: deps.clock,
        zones: stores.zones,
        protections: stores.protections,
      },
    },
    admin: {
      clock: deps.clock,
      queue: deps.queue,
      conflicts: stores.conflicts,
      policies: stores.policies,
      drift: stores.drift,
      db: deps.db,
      wapi: deps.wapi.status,
      calls: deps.wapi.calls,
      writtenDirs: [deps.config.dataDir, hookSpool(deps.config.dataDir, deps.config.installation).events],
      billing: deps.config.billing,
    },
    billing: {
      db: deps.db,
      clock: deps.clock,
      billing: deps.config.billing,
      panel: deps.panel,
      cache: new RatedMonthCache(),
    },
    settings: {
      config: deps.config,
      db: deps.db,
      clock: deps.clock,
      wapi: deps.wapi.status,
      credentials: deps.wapi.credentials,
      testConnection: () => deps.testConnection(),
      timeouts: options.timeouts ?? systemClock,
      resumeAfterNewSettings: () => deps.resumeSending("new-settings"),
      log: options.log,
    },
  });
  const endpoint = ENDPOINTS[deps.panel.kind];
  app.post(
    endpoint.path,
    express.raw({ type: () => true, limit: MAX_ENVELOPE }),
    endpoint.accept,
    pages,
    pageErrors(options.log),
  );
  app.use(BILLING_API_PATH, billingApi(deps, options.log));
  app.use((_req, res) => {
    res
      .status(404)
      .type("text/plain")
      .send(`wedos-panel: unknown endpoint; the plugin's entry scripts speak ${endpoint.speaks}\n`);
  });
  app.use(pageErrors(options.log));
  return app;
}
