import { Router } from "express";
import type { CustomerActions } from "../../provisioning/customer-actions.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { offerAnswers } from "../action-notice.js";
import { LEVELS } from "../identity/identity.js";
import { auditActions } from "../middleware/audit-actions.js";
import { authenticate, type AuthenticateDeps } from "../middleware/authenticate.js";
import { pageNotFound } from "../middleware/errors.js";
import { jobProgress } from "../middleware/job-progress.js";
import { requireCsrf } from "../middleware/require-csrf.js";
import { sendingState } from "../middleware/sending-state.js";
import type { SendingEstimates } from "../../provisioning/estimate.js";
import type { LimitSources } from "../view-models/spend-limits.js";
import { adminRoutes, type AdminSources } from "./admin.js";
import { billingOfferRoutes } from "./billing-offers.js";
import { billingPriceRoutes, type BillingAdminSources } from "./billing-prices.js";
import { creditRoutes } from "./billing-credit.js";
import { limitRoutes } from "./billing-limits.js";
import { billingTokenRoutes } from "./billing-tokens.js";
import type { BillingSources } from "../view-models/billing-rated.js";
import { billingRoutes } from "./billing.js";
import { policyRoutes } from "./policies.js";
import { settingsRoutes, type SettingsSources } from "./settings.js";
import { domainRoutes, type RecordSources } from "./domains.js";
import { driftRoutes } from "./drift.js";
import { homeRoutes } from "./home.js";
import { jobAdminRoutes, jobRoutes } from "./jobs.js";
import { lifecycleRoutes } from "./lifecycle.js";
import { planRoutes } from "./billing-plan.js";
import { protectionRoutes } from "./protection.js";
import { resumeRoutes } from "./resume.js";
import { adoptionRoutes } from "./adoption.js";
import { unreadNotices } from "../middleware/unread-notices.js";
import { noticeRoutes } from "./notices.js";
import { supportRoutes, type SupportSources } from "./support.js";
import { sharingRoutes } from "./sharing.js";

/**
 * The plugin's pages, mounted per level (`/user`, `/reseller`, `/admin`: the URL acceptPage() rebuilt), the same for
 * every panel: only `deps.prover` differs. Nothing here runs before the visitor is proven and, for writes, the CSRF
 * token checked and the action written to the log.
 */
export function pageRoutes(
  deps: AuthenticateDeps & {
    queue: JobQueue;
    records: RecordSources;
    actions: CustomerActions;
    admin: AdminSources;
    settings: SettingsSources;
    billing: BillingAdminSources & BillingSources;
    estimates: SendingEstimates;
    limits: LimitSources;
    /** Support requests and the inbox of notices (docs/decisions/0056). */
    support: SupportSources;
    /** The admin's Resume (WebDeps.resumeSending). */
    resumeSending: () => boolean;
    log: (line: string) => void;
  },
): Router {
  const progress = { queue: deps.queue, clock: deps.admin.clock };
  const pages = Router();
  for (const level of LEVELS)
    pages.use(
      `/${level}`,
      homeRoutes(deps.queue, deps.limits),
      jobRoutes(deps.queue, deps.admin.clock),
      domainRoutes(deps.records, deps.actions),
      protectionRoutes(deps.queue, deps.records, deps.admin.clock, deps.limits.spending),
      limitRoutes(deps.limits),
      planRoutes(deps.queue, deps.records, deps.records.plans),
      billingRoutes(deps.billing, deps.log),
      adoptionRoutes(deps.records.adoption),
      supportRoutes(deps.support),
      noticeRoutes(deps.support),
    );
  for (const level of LEVELS) pages.use(`/${level}`, sharingRoutes(deps.records.sharing));
  pages.use(
    "/admin",
    adminRoutes(deps.admin),
    policyRoutes({ ...deps.admin, panel: deps.records.panel }),
    settingsRoutes(deps.settings),
    driftRoutes({ ...deps.admin, records: deps.records }),
    lifecycleRoutes(deps.queue, deps.records, deps.admin),
    jobAdminRoutes(deps.queue),
    resumeRoutes(deps.resumeSending),
    billingPriceRoutes(deps.billing),
    billingOfferRoutes(deps.billing),
    creditRoutes(deps.admin),
    billingTokenRoutes(deps.admin),
  );
  pages.use(pageNotFound);
  const router = Router();
  router.use(
    authenticate(deps),
    requireCsrf(deps.csrf),
    auditActions(deps.log),
    jobProgress(progress),
    sendingState(deps.estimates),
    unreadNotices(deps.support.notices),
    // An action answers with the page it was started from, rendered by these same routes (action-notice.ts).
    offerAnswers({ ...progress, pages }),
    pages,
  );
  return router;
}
