import { spawn } from "node:child_process";
import { join } from "node:path";
import { AppError } from "../../errors.js";
import type { DirectAdminSession } from "./sessions.js";

/** One visit to a plugin page, as the browser made it. */
export interface PageVisit {
  level: "admin" | "reseller" | "user";
  /** The file after /CMD_PLUGINS…/<id>/ (default `index.html`). */
  file?: string;
  session: DirectAdminSession;
  /** Default GET. The Evolution wrapper's first load is a POST with an empty body. */
  method?: "GET" | "POST";
  /** The URL's query as the browser sent it (url-encoded, without `?`). */
  query?: string;
  /** The form body as the browser sent it (url-encoded, or JSON from fetch()). */
  post?: string;
  /** The domain selected in the user interface (DirectAdmin sets the variable, empty right after login). */
  selectedDomain?: string;
  /**
   * Added to the environment where DirectAdmin's own variables leave room: what the host would provide
   * (WEDOS_PANEL_CONFIG in tests) or what DirectAdmin may pass but is unconfirmed (LANGUAGE, SKIN;
   * docs/reference/directadmin.md#page-variables-and-large-bodies).
   */
  env?: Readonly<Record<string, string>>;
  /**
   * The unix account to run the page as, as DirectAdmin runs it as the visitor's own account
   * (docs/reference/directadmin.md#which-account-runs-a-page). Only a process running as root can switch; without it
   * the page runs as the caller.
   */
  runAs?: { uid: number; gid: number };
}

/** Who the page runs for: from the emulator's session book. */
export interface PageRunner {
  pluginDir: string;
  username: string;
  loginAs: string | undefined;
  /** Bodies above this many bytes go to stdin with POST=stdin=true (the environment holds ~128 KiB a value). */
  stdinAbove?: number;
}

/** What the page printed (DirectAdmin discards stderr and ignores the exit code). */
export interface PageRun {
  stdout: string;
  exitCode: number | null;
}

/**
 * DirectAdmin HTML-entity-encodes what it exports (docs/reference/directadmin.md#page-environment): `&` arrives as
 * `&amp;`.
 */
export function entityEncode(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;" })[c] as string,
  );
}

/**
 * Runs `<plugin>/<level>/<file>` as DirectAdmin runs a plugin page (docs/reference/directadmin.md#page-execution): a
 * process with exactly the documented environment — USERNAME, RUNNING_AS, SESSION_ID/SESSION_KEY, HTTP_COOKIE,
 * IS_LOGIN_AS/LOGIN_AS_MASTER under login-as, SESSION_SELECTED_DOMAIN, QUERY_STRING and POST entity-encoded,
 * REQUEST_METHOD, HOME, an empty CONTENT_LENGTH — and no PATH (none is documented). stdin is at EOF unless the body
 * is too large for the environment; stderr is discarded. It runs as the caller unless the visit names a unix account
 * (`runAs`).
 */
export function runPluginPage(runner: PageRunner, visit: PageVisit): Promise<PageRun> {
  const method = visit.method ?? "GET";
  const body = visit.post ?? "";
  const viaStdin = method === "POST" && Buffer.byteLength(body) > (runner.stdinAbove ?? 125_000);
  const env: Record<string, string> = {
    ...visit.env,
    USERNAME: runner.username,
    RUNNING_AS: runner.username,
    HOME: `/home/${runner.username}`,
    SESSION_ID: visit.session.SESSION_ID,
    SESSION_KEY: visit.session.SESSION_KEY,
    HTTP_COOKIE: `session=${visit.session.SESSION_ID}; key=${visit.session.SESSION_KEY}`,
    SESSION_SELECTED_DOMAIN: visit.selectedDomain ?? "",
    REQUEST_METHOD: method,
    QUERY_STRING: entityEncode(visit.query ?? ""),
    ...(runner.loginAs === undefined ? {} : { IS_LOGIN_AS: "1", LOGIN_AS_MASTER: runner.loginAs }),
    ...(method === "POST" ? { POST: viaStdin ? "stdin=true" : entityEncode(body), CONTENT_LENGTH: "" } : {}),
  };
  const levelDir = join(runner.pluginDir, visit.level);
  const script = join(levelDir, visit.file ?? "index.html");
  return new Promise((resolve, reject) => {
    const child = spawn(script, [], {
      cwd: levelDir,
      env,
      stdio: [viaStdin ? "pipe" : "ignore", "pipe", "ignore"],
      ...visit.runAs,
    });
    const chunks: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) =>
      reject(
        new AppError(
          "directadmin_page_failed",
          `cannot run ${script}: ${error.message} (a page needs a shebang and the execute bit)`,
          { cause: error },
        ),
      ),
    );
    child.on("close", (exitCode) => resolve({ stdout: Buffer.concat(chunks).toString("utf8"), exitCode }));
    if (viaStdin) child.stdin?.end(body);
  });
}
