import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { jobKey } from "../../provisioning/task-definition.js";
import { applyDrift } from "../../provisioning/tasks/drift-tasks.js";
import { RECONCILE_REPORT_KEY, type ReconcileReport } from "../../provisioning/tasks/reconcile.js";
import type { ConflictStore } from "../../store/conflict-store.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import type { Database } from "../../store/database.js";
import type { DriftStore } from "../../store/drift-store.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { showProgress } from "../progress.js";
import { renderPage } from "../render.js";
import { openConflictRows } from "../view-models/conflicts.js";
import { adminLinks } from "../view-models/layout.js";

export interface DriftSources {
  clock: Clock;
  queue: JobQueue;
  conflicts: ConflictStore;
  drift: DriftStore;
  db: Database;
}

/**
 * The admin's conflicts and drift: objects at WEDOS the plugin did not create (adopt or ignore) and zones whose
 * latest plan found WEDOS differing from the panel, each with the plan as a preview. The page reads only what the
 * reconciler and the syncs stored; "Apply" queues an interactive job that plans again from fresh data.
 */
export function driftRoutes(sources: DriftSources): Router {
  const router = Router();
  router.get("/drift", async (_req, res) => {
    await showDrift(res, sources);
  });

  // Fields: domain, and optionally force=1 (past the safety threshold) and adopt=1 (take over rows not ours).
  router.post("/drift/apply", async (_req, res) => {
    const page = authenticatedPage(res);
    const body = page.request.body;
    const domain = bodyField(body, "domain") ?? "";
    if (sources.drift.get(domain) === undefined)
      throw new WebError(404, "error.driftNotFound", `no drift recorded for ${JSON.stringify(domain)}`);
    const payload = { domain, force: bodyField(body, "force") === "1", adopt: bodyField(body, "adopt") === "1" };
    showProgress(page, sources.queue, sources.queue.enqueue(applyDrift, payload), "/drift");
    await showDrift(res, sources, page.t("drift.applyQueued", { domain }));
  });
  return router;
}

/** The conflicts-and-drift page; `notice` is the line shown after an action on it. */
export async function showDrift(res: Response, sources: DriftSources, notice?: string): Promise<void> {
  const page = authenticatedPage(res);
  const { t } = page;
  const never = t("table.never");
  const lastRun = new DaemonStateStore(sources.db).get<ReconcileReport>(RECONCILE_REPORT_KEY)?.value.at;
  const model = {
    notice,
    csrfToken: page.csrfToken,
    links: adminLinks(page),
    lastRun: lastRun === undefined ? t("drift.notRunYet") : t("drift.lastRun", { at: t.time(lastRun, never) }),
    conflicts: openConflictRows(page, sources.conflicts),
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
