import { networkInterfaces } from "node:os";
import { Router, type Response } from "express";
import type { Config } from "../../config/load.js";
import type { JobQueue } from "../../provisioning/queue.js";
import { TASK, jobKey } from "../../provisioning/task-names.js";
import { CONNECTION_TEST_KEY, type ConnectionTest } from "../../provisioning/tasks/test-connection.js";
import type { Database } from "../../store/database.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import type { WapiCircuit } from "../../wapi/circuit.js";
import { authenticatedPage } from "../context.js";
import { renderPage } from "../render.js";
import { formatTime } from "../view-models/domain-list.js";
import { adminLinks } from "../view-models/layout.js";

export interface SettingsSources {
  config: Config;
  db: Database;
  queue: JobQueue;
  circuit: WapiCircuit;
}

/**
 * The admin's view of the WAPI settings: where and as whom the plugin talks to WEDOS (never the password: only
 * whether one is set and where it comes from), the addresses to put on WEDOS's allow-list, and "Test connection",
 * which queues one ping and shows its outcome once the daemon has run it.
 */
export function settingsRoutes(sources: SettingsSources): Router {
  const router = Router();
  router.get("/settings", async (_req, res) => {
    await showSettings(res, sources);
  });
  router.post("/settings/test", async (_req, res) => {
    const page = authenticatedPage(res);
    sources.queue.enqueue(TASK.testConnection, {}, { key: jobKey(TASK.testConnection, "*"), lane: "interactive" });
    await showSettings(res, sources, page.t("settings.testQueued"));
  });
  return router;
}

async function showSettings(res: Response, sources: SettingsSources, notice?: string): Promise<void> {
  const page = authenticatedPage(res);
  const { t } = page;
  const { wapi } = sources.config;
  const last = new DaemonStateStore(sources.db).get<ConnectionTest>(CONNECTION_TEST_KEY)?.value;
  const model = {
    notice,
    csrfToken: page.csrfToken,
    links: adminLinks(page),
    url: wapi.url,
    login: wapi.login ?? t("settings.notSet"),
    password: wapi.password === undefined ? t("settings.notSet") : t("settings.passwordSet", { source: wapi.passwordSource ?? "?" }),
    limits: t("settings.limits", { limit: String(wapi.hourlyLimit), reserve: String(wapi.interactiveReserve) }),
    addresses: egressCandidates(),
    seenByWedos: sources.circuit.status()?.seenIp ?? undefined,
    lastTest: last === undefined ? undefined : { ok: last.ok, message: last.message, at: formatTime(last.at, "") },
  };
  await renderPage(res, page, "admin/settings", t("page.settings.title"), model);
}

/** This server's public-looking addresses: the ones WEDOS may see requests come from. */
function egressCandidates(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && !address.internal && !address.address.startsWith("fe80:"))
    .map((address) => address?.address ?? "");
}
