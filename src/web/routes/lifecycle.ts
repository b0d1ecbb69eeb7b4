import { Router } from "express";
import { BillingEvents } from "../../provisioning/billing-events.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { cancelRemoval, removeNow } from "../../provisioning/removal.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { PriceBookStore } from "../../store/price-book-store.js";
import { UsageLedgerStore } from "../../store/usage-ledger-store.js";
import { renderPage } from "../render.js";
import { pageUrl } from "../urls.js";
import type { AdminSources } from "./admin.js";
import type { RecordSources } from "./domains.js";

type RemovalAction = "cancel" | "now";

function removalAction(value: unknown): RemovalAction {
  if (value === "cancel" || value === "now") return value;
  throw new WebError(400, "error.removalAction", `removal action ${JSON.stringify(value)} is neither cancel nor now`);
}

/**
 * The admin's answers to a deleted domain's removal from WEDOS, each confirmed on its own page first: Cancel
 * removal (the zone and services stay at WEDOS) and Remove now (what the plugin made there is removed at once,
 * in the interactive lane). Mounted under /admin; every domain is reached through the tenant scope.
 */
export function lifecycleRoutes(
  queue: JobQueue,
  records: RecordSources,
  admin: Pick<AdminSources, "clock" | "db" | "billing">,
): Router {
  const router = Router();
  // Cancelling bills the domain's services again: through the ledger's one writer, as the daemon's tasks do.
  const billing = new BillingEvents({
    db: admin.db,
    ledger: new UsageLedgerStore(admin.db),
    priceBook: new PriceBookStore(admin.db),
    inventory: records.inventory,
    timeZone: admin.billing.timeZone,
    terms: records.plans.terms,
  });
  const { inventory, zones, protections } = records;
  const deps = { inventory, zones, protections, queue, clock: admin.clock, billing };

  router.get("/domains/:domain/removal", async (req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(req.params.domain);
    const action = removalAction(page.request.query.get("do"));
    if (row.state !== "deleted") throw new WebError(409, "error.domainNotDeleted", `${row.domain} is ${row.state}`);
    const zone = records.zones.zone(row.domain);
    const protection = records.protections.get(row.domain);
    const { level, mode } = page.request;
    const model = {
      csrfToken: page.csrfToken,
      domain: row.domain,
      action,
      atWedos: [
        ...(zone?.createdByUs === true
          ? [page.t("removal.zone", { count: records.zones.managedRows(row.domain).length })]
          : []),
        ...(protection !== undefined && protection.state !== "removed"
          ? [page.t("removal.protection", { plan: protection.variant })]
          : []),
      ],
      formAction: pageUrl(level, mode, "/domains/removal"),
      backHref: pageUrl(level, mode, `/domains/${row.domain}`),
    };
    const title = page.t(action === "cancel" ? "removal.cancelTitle" : "removal.nowTitle", { domain: row.domain });
    await renderPage(res, page, "admin/removal", title, model);
  });

  // Fields: domain, do (cancel | now). The answer is the domain's page.
  router.post("/domains/removal", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    const action = removalAction(bodyField(page.request.body, "do"));
    if (action === "cancel") {
      if (!cancelRemoval(deps, row.domain, page.identity.username))
        throw new WebError(409, "error.removalNotQueued", `no removal of ${row.domain} is waiting to be cancelled`);
      const notice = page.t("removal.cancelled", { domain: row.domain });
      return answerAction(req, res, next, `/domains/${row.domain}`, { notice, domain: row.domain });
    }
    const job = removeNow(deps, row.domain);
    if (job === undefined)
      throw new WebError(409, "error.domainNotDeleted", `${row.domain} is not a deleted domain still at WEDOS`);
    const notice = page.t("removal.queued", { domain: row.domain });
    answerAction(req, res, next, `/domains/${row.domain}`, { notice, job, domain: row.domain });
  });

  return router;
}
