import type { Translate } from "../i18n/index.js";
import { reasonLine, storedReasonView } from "../view-models/reason.js";
import { Router } from "express";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config/load.js";
import type { WapiStatusView } from "../../model/wapi-status.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { provisionDomain } from "../../provisioning/tasks/zone-tasks.js";
import type { ConflictStore } from "../../store/conflict-store.js";
import type { Database } from "../../store/database.js";
import type { DriftStore } from "../../store/drift-store.js";
import { HookWarningStore } from "../../store/hook-warning-store.js";
import type { PolicyStore } from "../../store/policy-store.js";
import type { WapiCallStore } from "../../store/wapi-call-store.js";
import { fullFilesystem } from "../../util/disk-full.js";
import { answerAction } from "../action-notice.js";
import { authenticatedPage } from "../context.js";
import { bodyField } from "../da-input.js";
import { WebError } from "../errors.js";
import { renderPage } from "../render.js";
import { openConflictRows } from "../view-models/conflicts.js";
import { budgetGauge } from "../view-models/budget-gauge.js";
import { creditLine } from "../view-models/credit.js";
import { adminLinks } from "../view-models/layout.js";
import { requestsChart } from "../view-models/requests-chart.js";
import { showAdoptPreview } from "./drift.js";

export interface AdminSources {
  clock: Clock;
  queue: JobQueue;
  conflicts: ConflictStore;
  policies: PolicyStore;
  /** The budget and the pause, read-only. */
  wapi: WapiStatusView;
  calls: Pick<WapiCallStore, "latest">;
  drift: DriftStore;
  db: Database;
  /** The data directory and the hooks' spool: the page says when a filesystem of theirs is full. */
  writtenDirs: readonly string[];
  /** The calendar and the balance-reading interval of the WEDOS credit line. */
  billing: Pick<Config["billing"], "timeZone" | "creditCheckHours">;
}

/**
 * The admin's operations pages, mounted under /admin only (the page level is already checked against DirectAdmin's
 * usertype): the WAPI budget and pause state, the job queue with its failed jobs and retry, and the objects found
 * at WEDOS that the plugin did not create, to adopt or ignore. Like every page, they read only local state.
 */
export function adminRoutes(sources: AdminSources): Router {
  const router = Router();

  router.get("/operations", async (_req, res) => {
    await showOperations(res, sources);
  });

  router.post("/jobs/retry", (req, res, next) => {
    const page = authenticatedPage(res);
    const id = Number(bodyField(page.request.body, "job"));
    if (!Number.isInteger(id) || !sources.queue.retry(id))
      throw new WebError(404, "error.jobNotFound", `job ${String(id)} is not failed or queued`);
    answerAction(req, res, next, "/operations", { notice: page.t("action.retryQueued", { id: String(id) }), job: id });
  });

  router.post("/conflicts/resolve", async (req, res, next) => {
    const page = authenticatedPage(res);
    const domain = bodyField(page.request.body, "domain");
    const kind = bodyField(page.request.body, "kind");
    const resolution = bodyField(page.request.body, "resolution");
    // Adopting is confirmed on its preview (which records, which way); this form only leads there.
    if (resolution === "adopt" && typeof domain === "string" && (kind === "zone" || kind === "protection")) {
      await showAdoptPreview(res, sources, domain, kind);
      return;
    }
    if (
      typeof domain !== "string" ||
      (kind !== "zone" && kind !== "protection") ||
      (resolution !== "adopt" && resolution !== "ignore") ||
      !sources.conflicts.resolve(domain, kind, resolution, sources.clock.now())
    ) {
      throw new WebError(404, "error.conflictNotFound", "no such conflict");
    }
    const job = sources.queue.enqueue(provisionDomain, { domain }, { lane: "interactive" });
    const notice = page.t(resolution === "adopt" ? "action.adoptQueued" : "action.ignored", { domain });
    answerAction(req, res, next, "/operations", { notice, job, domain });
  });

  return router;
}

export async function showOperations(
  res: Parameters<typeof authenticatedPage>[0],
  sources: AdminSources,
  notice?: string,
): Promise<void> {
  const page = authenticatedPage(res);
  const { t } = page;
  const budget = sources.wapi.budget();
  const paused = sources.wapi.pause();
  const full = fullFilesystem(sources.writtenDirs);
  const model = {
    diskFull: full === undefined ? undefined : { dir: full.dir, free: `${Math.floor(full.free / 1024)} KiB` },
    notice,
    csrfToken: page.csrfToken,
    links: adminLinks(page),
    budget,
    gauge: budgetGauge(budget.used, budget.limit),
    paused: paused === undefined ? undefined : paused.summary,
    counts: sources.queue.countsByState(),
    failed: sources.queue.list({ states: ["dead"], limit: 50 }).map((job) => ({
      id: job.id,
      task: job.task,
      key: job.jobKey ?? "",
      attempts: job.attempts,
      error: reasonLine(storedReasonView(page, job.lastErrorCode, job.lastError)),
      at: t.time(job.finishedAt, t("table.never")),
    })),
    chart: requestsChart(sources.wapi.budgetHistory(24), budget.limit, utcHour),
    calls: sources.calls.latest(100).map((call) => ({
      at: t.time(call.at, ""),
      command: call.command,
      domain: call.domain ?? "",
      lane: call.lane,
      outcome: t(`audit.outcome.${call.outcome}`),
      code: call.wapiCode === null ? "" : String(call.wapiCode),
      ms: String(call.durationMs),
    })),
    conflicts: openConflictRows(page, sources.conflicts),
    hookWarnings: hookWarningRows(sources.db, t),
    credit: creditLine(page, sources),
  };
  await renderPage(res, page, "admin/operations", t("page.operations.title"), model);
}

/** An hour of the chart, as the budget counts hours: in UTC. */
const utcHour = (hourStart: number) => `${new Date(hourStart).toISOString().slice(11, 16)} UTC`;

/** The pre hooks that let an action through unchecked (hooks/pre-check.sh), newest first; shown only when any did. */
function hookWarningRows(
  db: Database,
  t: Translate,
): {
  total: number;
  rows: Array<{ at: string; hook: string; domain: string; username: string; message: string }>;
} {
  const { total, latest } = new HookWarningStore(db).read();
  return {
    total,
    rows: latest.map((warning) => ({
      at: t.time(warning.at, ""),
      hook: warning.hook,
      domain: warning.domain ?? "",
      username: warning.username ?? "",
      message: warning.message,
    })),
  };
}
