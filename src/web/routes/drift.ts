import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { jobKey } from "../../provisioning/task-definition.js";
import { applyDrift, checkDrift } from "../../provisioning/tasks/drift-tasks.js";
import { RECONCILE_REPORT_KEY, type ReconcileReport } from "../../provisioning/tasks/reconcile.js";
import type { ConflictStore } from "../../store/conflict-store.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import type { Database } from "../../store/database.js";
import type { DriftStore } from "../../store/drift-store.js";
import type { InventoryStore } from "../../store/inventory-store.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage, type AuthenticatedContext } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage } from "../render.js";
import { actionUrl, BACK_PARAMETER, formatOrigin } from "../origin.js";
import { pageUrl } from "../urls.js";
import { adoptPreviewModel, openConflictRows } from "../view-models/conflicts.js";
import { adoptPreviewHref } from "../view-models/drift-state.js";
import { adminLinks } from "../view-models/layout.js";
import { overrideAdoption } from "./adoption.js";
import type { RecordSources } from "./domains.js";

export interface DriftSources {
  clock: Clock;
  queue: JobQueue;
  conflicts: ConflictStore;
  drift: DriftStore;
  db: Database;
}

/** What Check now and Adopt need beyond the drift page: the domain page to answer with, and the inventory. */
export interface DriftActionSources extends DriftSources {
  records: RecordSources & { inventory: InventoryStore };
}

type ConflictKind = "zone" | "protection";
const conflictKind = (value: unknown): ConflictKind => (value === "protection" ? "protection" : "zone");

/**
 * The admin's conflicts and drift: objects at WEDOS the plugin did not create (adopt or ignore) and zones whose
 * latest plan found WEDOS differing from the panel, each with the plan as a preview. The page reads only what the
 * reconciler and the syncs stored; "Apply" queues an interactive job that plans again from fresh data.
 */
export function driftRoutes(sources: DriftActionSources): Router {
  const router = Router();
  router.get("/drift", async (_req, res) => {
    await showDrift(res, sources);
  });

  // Fields: domain, and optionally force=1 (past the safety threshold) and adopt=1 (take over rows not ours).
  router.post("/drift/apply", (req, res, next) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const domain = bodyField(body, "domain") ?? "";
    if (sources.drift.get(domain) === undefined)
      throw new WebError(404, "error.driftNotFound", `no drift recorded for ${JSON.stringify(domain)}`);
    const payload = { domain, force: bodyField(body, "force") === "1", adopt: bodyField(body, "adopt") === "1" };
    const job = sources.queue.enqueue(applyDrift, payload);
    answerAction(req, res, next, "/drift", { notice: page.t("drift.applyQueued", { domain }), job, domain });
  });
  // Check now (fields: domain, from=domain|drift, adopt=1 for an adopt preview): one check-drift job per zone, in
  // the interactive lane (one dns-rows-list, within the budget's reserve for people); clicks while one waits join it.
  router.post("/drift/check", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    const adopt = bodyField(page.request.body, "adopt") === "1";
    const key = jobKey(checkDrift, { domain: row.domain });
    const already = sources.queue.active(key);
    const id = already?.id ?? sources.queue.enqueue(checkDrift, { domain: row.domain, adopt }, { lane: "interactive" });
    const notice = page.t(already === undefined ? "driftState.checkQueued" : "driftState.checkJoined", {
      domain: row.domain,
    });
    answerAction(req, res, next, `/domains/${row.domain}`, { notice, job: id, domain: row.domain });
  });

  // The preview of adopting a conflict: what would change, and which way (GET: nothing changes).
  router.get("/drift/adopt", async (_req, res) => {
    const { query } = authenticatedPage(res).request;
    await showAdoptPreview(res, sources, query.get("domain") ?? "", conflictKind(query.get("kind")));
  });

  // Adopt, confirmed from the preview (fields: domain, kind, reason, force=1 past the safety threshold): the admin's
  // override of the domain's adoption request (docs/decisions/0054), so only with a reason, kept in its history.
  // The conflict is resolved at once (lists agree) and the take-over runs in the interactive lane. The answer is
  // the drift page: the preview it was confirmed on is gone with the conflict.
  router.post("/drift/adopt", (req, res, next) => {
    const page = authenticatedPage(res);
    const row = page.scope.require(bodyField(page.request.body, "domain"));
    const kind = conflictKind(bodyField(page.request.body, "kind"));
    const preview = adoptPreviewModel(page, sources.conflicts, sources.drift, {
      domain: row.domain,
      kind,
      planning: planning(sources, row.domain),
    });
    if (preview === undefined) throw new WebError(404, "error.conflictNotFound", `no open ${kind} conflict`);
    const force = bodyField(page.request.body, "force") === "1";
    if (!preview.canConfirm || (preview.needsForce && !force))
      throw new WebError(409, "error.adoptNeedsPreview", `adopting ${row.domain} has no confirmable preview`);
    const { job } = overrideAdoption(page, sources.records.adoption, row);
    answerAction(req, res, next, "/drift", { notice: page.t("action.adoptQueued", { domain: row.domain }), job });
  });
  return router;
}

/** Whether an adopt preview of the domain is being planned now. */
function planning(sources: DriftSources, domain: string): boolean {
  const job = sources.queue.active(jobKey(checkDrift, { domain }));
  return job !== undefined && (job.payload as { adopt?: boolean }).adopt === true;
}

/** The adopt preview page of the domain's open conflict of `kind` (404 when there is none). */
export async function showAdoptPreview(
  res: Response,
  sources: DriftSources,
  domain: string,
  kind: ConflictKind,
  notice?: string,
): Promise<void> {
  const page = authenticatedPage(res);
  const row = page.scope.find(domain);
  const model =
    row === undefined
      ? undefined
      : adoptPreviewModel(page, sources.conflicts, sources.drift, {
          domain: row.domain,
          kind,
          planning: planning(sources, row.domain),
        });
  if (row === undefined || model === undefined)
    throw new WebError(404, "error.conflictNotFound", `no open ${kind} conflict for ${JSON.stringify(domain)}`);
  const { level, mode } = page.request;
  await renderPage(res, page, "admin/adopt", page.t("page.adopt.title", { domain: row.domain }), {
    ...model,
    notice,
    csrfToken: page.csrfToken,
    adoptAction: pageUrl(level, mode, "/drift/adopt"),
    // Planning comes back to this preview, however it was reached (the operations page's Adopt is a POST).
    checkAction: pageUrl(level, mode, "/drift/check", {
      [BACK_PARAMETER]: formatOrigin({
        path: "/drift/adopt",
        query: new URLSearchParams({ domain: row.domain, kind }),
      }),
    }),
    backHref: pageUrl(level, mode, "/drift"),
  });
}

/** The drift page's opening line: what has been looked at, so "no differences" never stands alone. */
function checkedSummary(page: AuthenticatedContext, sources: DriftSources): { text: string; anyChecked: boolean } {
  const { t } = page;
  const report = new DaemonStateStore(sources.db).get<ReconcileReport>(RECONCILE_REPORT_KEY)?.value.at;
  const { zones, latest } = sources.drift.checkedTotals();
  const run = report === undefined ? t("drift.notRunYet") : t("drift.lastRun", { at: t.time(report, "") });
  const checked =
    zones === 0 ? t("drift.noneChecked") : t("drift.checked", { count: zones, at: t.time(latest ?? null, "") });
  return { text: `${run} ${checked}`, anyChecked: zones > 0 };
}

/** The conflicts-and-drift page; `notice` is the line shown after an action on it. */
export async function showDrift(res: Response, sources: DriftSources, notice?: string): Promise<void> {
  const page = authenticatedPage(res);
  const { t } = page;
  const never = t("table.never");
  const checked = checkedSummary(page, sources);
  const model = {
    notice,
    csrfToken: page.csrfToken,
    links: adminLinks(page),
    lastRun: checked.text,
    /** With nothing drifted: "No differences found." only once some zone was looked at. */
    none: t(checked.anyChecked ? "drift.none" : "drift.nothingChecked"),
    checkAction: actionUrl(page, "/drift/check"),
    conflicts: openConflictRows(page, sources.conflicts).map((row) => ({
      ...row,
      adoptHref: adoptPreviewHref(page, row.domain, row.kind === "protection" ? "protection" : "zone"),
    })),
    zones: sources.drift.drifted().map(({ domain, checkedAt, summary, refused }) => ({
      domain,
      found: t("drift.found", { at: t.time(checkedAt, never) }),
      counts: t("drift.counts", summary.counts),
      steps: summary.steps,
      foreign: summary.foreign,
      conflicts: summary.conflicts,
      unsafe: summary.safe ? undefined : t("drift.unsafe", { reason: summary.safetyMessage ?? "" }),
      refused: refused === null ? undefined : t("drift.refused", { reason: refused }),
      canAdopt: summary.foreign.length > 0 || summary.conflicts.length > 0,
      queued: sources.queue.active(jobKey(applyDrift, { domain })) !== undefined,
    })),
  };
  await renderPage(res, page, "admin/drift", t("page.drift.title"), model);
}
