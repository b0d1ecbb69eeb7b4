import { networkInterfaces } from "node:os";
import { Router, type Response } from "express";
import type { Clock } from "../../clock.js";
import { WAPI_ENVIRONMENT, type Config } from "../../config/load.js";
import { saveWapiSettings } from "../../config/write.js";
import { toError } from "../../errors.js";
import type { WapiStatusView } from "../../model/wapi-status.js";
import type { WapiCredentialsWriter } from "../../model/wapi-settings.js";
import { CONNECTION_TEST_KEY, type ConnectionTest } from "../../provisioning/tasks/test-connection.js";
import type { Database } from "../../store/database.js";
import { DaemonStateStore } from "../../store/daemon-state-store.js";
import { redact } from "../../util/secret.js";
import { within } from "../../util/within.js";
import { fuseInWords } from "../view-models/fuse.js";
import { authenticatedPage } from "../context.js";
import { actorName } from "../identity/identity.js";
import { renderPage } from "../render.js";
import { adminLinks } from "../view-models/layout.js";
import { readSettingsForm } from "./settings-form.js";

export interface SettingsSources {
  config: Config;
  db: Database;
  /** The pause and the fuse, read-only. */
  wapi: WapiStatusView;
  credentials: WapiCredentialsWriter;
  /** One ping now with the settings in use; the outcome is kept (CONNECTION_TEST_KEY). */
  testConnection(): Promise<ConnectionTest>;
  /** The clock the page's wait for that ping runs on: real time, like the WAPI request's own timeout. */
  timeouts: Clock;
  /** Ends a pause the new settings fix and makes the jobs it put off due now (WebDeps.resumeSending). */
  resumeAfterNewSettings(): boolean;
  clock: Clock;
  log: (line: string) => void;
}

/**
 * The longest the page waits for Test connection's answer. The entry scripts give the daemon 60 s (curl
 * --max-time, cPanel's alarm): past that the admin would get "temporarily unavailable" instead of a page.
 */
export const TEST_ANSWER_LIMIT_MS = 45_000;

/** When and by whom the WAPI settings were last changed on the page (daemon_state). */
const SETTINGS_CHANGED_KEY = "wapi_settings_changed";

/** What the form shows again after a refused save (never the password). */
interface FormValues {
  url: string;
  login: string;
}

/**
 * The admin's WAPI settings: where and as whom the plugin talks to WEDOS, editable (the password is write-only:
 * never shown, an empty field keeps it), the addresses to put on WEDOS's allow-list, and "Test connection", which
 * sends one ping at once (allowed while the rejected-request fuse holds, within its ceiling) and shows the outcome
 * with how many tries remain this hour. Saved settings go to the configuration file
 * (config/write.ts) and are used by the running daemon from the next request on.
 */
export function settingsRoutes(sources: SettingsSources): Router {
  const router = Router();
  router.get("/settings", async (_req, res) => {
    await showSettings(res, sources);
  });
  router.post("/settings/save", async (_req, res) => {
    const page = authenticatedPage(res);
    const { t } = page;
    const current = sources.credentials.current();
    const form = readSettingsForm(page.request.body, current, sources.config.wapi.setByEnvironment, t);
    if (!form.ok) {
      await showSettings(res, sources, {
        problems: form.problems,
        values: { url: form.url, login: form.login },
        status: 400,
      });
      return;
    }
    if (form.changed.length === 0) {
      await showSettings(res, sources, { notice: t("settings.unchanged") });
      return;
    }
    const { input } = form;
    let saved;
    try {
      saved = saveWapiSettings(sources.config, input);
    } catch (error) {
      // The reason may quote the configuration file; no password may reach the page or the log through it.
      const reason = redact(toError(error).message, [current.password.reveal(), input.password?.reveal()]);
      sources.log(`settings: the WAPI settings could not be saved: ${reason}`);
      await showSettings(res, sources, {
        problems: [t("settings.notSaved", { reason })],
        values: { url: input.url, login: input.login },
        status: 500,
      });
      return;
    }
    sources.credentials.replace({
      url: input.url,
      login: input.login,
      password: input.password ?? current.password,
      passwordSource: saved.passwordFile ?? current.passwordSource,
    });
    // Right after the swap, before anything is sent with the new settings: a pause they fix ends the way Resume ends
    // it, and the rejected-request fuse still holds (docs/decisions/0014).
    const resumed = sources.resumeAfterNewSettings() ? "; the pause they fix ended" : "";
    const now = sources.clock.now();
    new DaemonStateStore(sources.db).set(
      SETTINGS_CHANGED_KEY,
      { at: now, by: page.identity.username, changed: form.changed },
      now,
    );
    sources.log(
      `settings: ${actorName(page.identity)} changed the WAPI ${form.changed.join(", ")} in ${saved.configFile}${saved.passwordFile === undefined ? "" : ` (password in ${saved.passwordFile})`}${resumed}`,
    );
    await showSettings(res, sources, { notice: t("settings.saved") });
  });
  // The ping goes at once, outside the queue; the page waits for its answer (its own timeout, a little more) but
  // never past TEST_ANSWER_LIMIT_MS — a slower answer is kept when it comes and shown on the page from then on.
  router.post("/settings/test", async (_req, res) => {
    const page = authenticatedPage(res);
    const waitMs = Math.min(sources.config.wapi.timeoutSeconds * 1000 + 2000, TEST_ANSWER_LIMIT_MS);
    const result = await within(sources.testConnection(), waitMs, sources.timeouts);
    const outcome =
      result === undefined ? `no answer yet after ${waitMs / 1000} s` : result.ok ? "accepted" : result.message;
    sources.log(`settings: ${actorName(page.identity)} tested the connection to WEDOS: ${outcome}`);
    const notice =
      result === undefined
        ? page.t("settings.testNoAnswerYet", { seconds: Math.round(waitMs / 1000) })
        : page.t("settings.tested");
    await showSettings(res, sources, { notice });
  });
  return router;
}

async function showSettings(
  res: Response,
  sources: SettingsSources,
  outcome: { notice?: string; problems?: string[]; values?: FormValues; status?: number } = {},
): Promise<void> {
  const page = authenticatedPage(res);
  const { t } = page;
  const { wapi } = sources.config;
  const current = sources.credentials.current();
  const state = new DaemonStateStore(sources.db);
  const last = state.get<ConnectionTest>(CONNECTION_TEST_KEY)?.value;
  const changed = state.get<{ at: number; by: string }>(SETTINGS_CHANGED_KEY)?.value;
  const fixed = (field: "url" | "login" | "password") =>
    wapi.setByEnvironment.includes(field)
      ? t("settings.setByEnvironment", { variable: WAPI_ENVIRONMENT[field] })
      : undefined;
  const model = {
    notice: outcome.notice,
    problems: outcome.problems ?? [],
    csrfToken: page.csrfToken,
    links: adminLinks(page),
    form: {
      url: outcome.values?.url ?? current.url,
      login: outcome.values?.login ?? current.login,
      urlFixed: fixed("url"),
      loginFixed: fixed("login"),
      passwordFixed: fixed("password"),
    },
    password: t("settings.passwordSet", { source: current.passwordSource ?? "?" }),
    configFile: sources.config.configPath,
    changed:
      changed === undefined ? undefined : t("settings.changedBy", { at: t.time(changed.at, ""), user: changed.by }),
    limits: t("settings.limits", {
      limit: String(wapi.hourlyLimit),
      reserve: String(wapi.interactiveReserve),
      lifecycle: String(wapi.lifecycleReserve),
    }),
    addresses: egressCandidates(),
    seenByWedos: sources.wapi.pause()?.seenIp ?? undefined,
    fuse: fuseInWords(sources.wapi.fuse(), t),
    lastTest:
      last === undefined
        ? undefined
        : {
            ok: last.ok,
            message: last.message,
            at: t.time(last.at, ""),
            stale: changed !== undefined && last.at < changed.at,
          },
  };
  await renderPage(res, page, "admin/settings", t("page.settings.title"), model, outcome.status);
}

/** This server's public-looking addresses: the ones WEDOS may see requests come from. */
function egressCandidates(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && !address.internal && !address.address.startsWith("fe80:"))
    .map((address) => address?.address ?? "");
}
