import { Router } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { LEVELS } from "../identity/identity.js";
import { authenticate, type AuthenticateDeps } from "../middleware/authenticate.js";
import { pageNotFound } from "../middleware/errors.js";
import { requireCsrf } from "../middleware/require-csrf.js";
import { adminRoutes, type AdminSources } from "./admin.js";
import { policyRoutes } from "./policies.js";
import { settingsRoutes, type SettingsSources } from "./settings.js";
import { domainRoutes, type RecordSources } from "./domains.js";
import { homeRoutes } from "./home.js";

/**
 * The plugin's pages, mounted per level (`/user`, `/reseller`, `/admin`: the URL acceptPage() rebuilt), the same for
 * every panel: only `deps.prover` differs. Nothing here runs before the visitor is proven and, for writes, the CSRF
 * token checked.
 */
export function pageRoutes(deps: AuthenticateDeps & { queue: JobQueue; records: RecordSources; admin: AdminSources; settings: SettingsSources }): Router {
  const router = Router();
  router.use(authenticate(deps), requireCsrf(deps.csrf));
  for (const level of LEVELS) router.use(`/${level}`, homeRoutes(deps.queue), domainRoutes(deps.queue, deps.records));
  router.use("/admin", adminRoutes(deps.admin), policyRoutes({ policies: deps.admin.policies, clock: deps.admin.clock }), settingsRoutes(deps.settings));
  router.use(pageNotFound);
  return router;
}
