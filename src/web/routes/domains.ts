import { Router } from "express";
import type { JobQueue } from "../../provisioning/queue.js";
import { jobKey, TASK } from "../../provisioning/task-names.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage, sendJson } from "../render.js";
import { domainView } from "../view-models/domain-list.js";
import { linksOf } from "../view-models/layout.js";
import { showHome } from "./home.js";
import { readZoneFile } from "../../dns/index.js";
import type { Panel } from "../../panel/panel.js";
import type { DnsZoneStore } from "../../store/dns-zone-store.js";
import type { ProtectionStore } from "../../store/protection-store.js";
import { protectionView } from "../view-models/protection.js";
import { recordNote } from "../view-models/record-note.js";
import { auditRecords } from "../../sync/audit.js";
import { WEDOS_NAMESERVERS } from "../../sync/capabilities.js";
import { recordStates, type RecordState } from "../../sync/record-states.js";
import type { AuthenticatedContext } from "../context.js";

/**
 * The domain routes every level shares; the tenant scope decides which domains they reach. The minimal set that
 * proves the plumbing (the next issue designs the real pages): a domain's detail, and "Sync now" — the one
 * state-changing action, so CSRF and the scope are exercised on writes.
 */
/** Where a domain page reads the panel's records and what the plugin last saw at WEDOS (local only, no WAPI). */
export interface RecordSources {
  panel: Panel;
  zones: DnsZoneStore;
  protections: ProtectionStore;
}

export function domainRoutes(queue: JobQueue, records: RecordSources): Router {
  const router = Router();

  router.get("/domains/:domain", async (req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(req.params.domain);
    const model = { domain: domainView(page, row), backHref: linksOf(page).home, ...(await recordsModel(page, row.domain, records)), nameservers: WEDOS_NAMESERVERS, protection: protectionView(page, records.protections.get(row.domain)), syncAction: linksOf(page).sync, purgeAction: linksOf(page).purge, csrfToken: page.csrfToken };
    await renderPage(res, page, "domains/show", page.t("page.domain.title", { domain: row.domain }), model);
  });

  // POST, form field or JSON property `domain`: queue a sync of the zone in the interactive lane.
  router.post("/sync", async (_req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    if (row.state !== "active") throw new WebError(409, "error.domainNotActive", `${row.domain} is ${row.state}`);
    queue.enqueue(TASK.syncZone, { domain: row.domain }, { key: jobKey(TASK.syncZone, row.domain), lane: "interactive" });
    const notice = page.t("action.syncQueued", { domain: row.domain });
    if (page.request.body.kind === "json") sendJson(res, page, 202, { queued: row.domain, message: notice });
    else await showHome(res, queue, notice);
  });

  // POST, form field or JSON property `domain`: purge the WEDOS Global cache of an active protection.
  router.post("/purge", async (_req, res) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    if (records.protections.get(row.domain)?.state !== "active") throw new WebError(409, "error.protectionNotActive", `${row.domain} has no active protection`);
    queue.enqueue(TASK.purgeCache, { domain: row.domain }, { key: jobKey(TASK.purgeCache, row.domain), lane: "interactive" });
    const notice = page.t("action.purgeQueued", { domain: row.domain });
    if (page.request.body.kind === "json") sendJson(res, page, 202, { queued: row.domain, message: notice });
    else await showHome(res, queue, notice);
  });

  return router;
}

/** The domain's records with their state at WEDOS, from the panel's zone file and the plugin's own records. */
async function recordsModel(page: AuthenticatedContext, domain: string, sources: RecordSources): Promise<{ records: Array<RecordState & { stateLabel: string }>; recordsProblem: string | undefined }> {
  try {
    const { records } = await readZoneFile(sources.panel.zoneFilePath(domain), domain);
    const states = recordStates(auditRecords(records, domain), sources.zones.managedRows(domain));
    return { records: states.map((state) => ({ ...state, stateLabel: page.t(`records.${state.state}`), note: recordNote(page.t, state) })), recordsProblem: undefined };
  } catch (error) {
    return { records: [], recordsProblem: page.t("records.unreadable", { reason: (error as Error).message }) };
  }
}
