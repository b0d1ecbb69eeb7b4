import { spawn } from "node:child_process";
import { dirname } from "node:path";
import { AppError } from "../../errors.js";

/** One visit to a cPanel (Jupiter) or WHM plugin page, as the browser made it and cpsrvd passes it on. */
export interface CpanelPageVisit {
  /** The entry: the package's cpanel/plugin/index.live.pl (Jupiter) or cpanel/whm/index.cgi (WHM). */
  script: string;
  /** The user cpsrvd authenticated: the cPanel account, or the WHM user. */
  remoteUser: string;
  /** Default GET. */
  method?: "GET" | "POST";
  /** The URL's query as the browser sent it (url-encoded, without `?`). */
  query?: string;
  /** The request body (url-encoded form, or JSON from fetch()) with its content type. */
  body?: { contentType: string; text: string };
  /** The session's URL token, `/cpsess` and ten digits (default one made up). */
  securityToken?: string;
  /** The browser's Accept-Language. */
  acceptLanguage?: string;
  /** Added to the environment: what the host would provide (WEDOS_PANEL_CONFIG in tests). */
  env?: Readonly<Record<string, string>>;
  /** The unix account to run it as (cpsrvd runs a Jupiter page as the account); only root can switch. */
  runAs?: { uid: number; gid: number };
}

/** What the entry printed, split as cpsrvd reads CGI output: the `Status:` code, the headers and the body. */
export interface CpanelPageRun {
  status: number;
  headers: Map<string, string>;
  body: string;
  /** Everything it printed. */
  stdout: string;
  exitCode: number | null;
}

/**
 * Runs a page entry as cpsrvd runs a `.live.pl` page in Jupiter or a CGI in WHM — a CGI/1.1 process, the request
 * body on stdin. The environment is assumed from cPanel's documentation and public plugins, not measured on a host:
 * GATEWAY_INTERFACE, SERVER_SOFTWARE, SERVER_PORT (2083 cPanel, 2087 WHM), HTTPS=on, REQUEST_METHOD, REQUEST_URI,
 * SCRIPT_NAME, QUERY_STRING, CONTENT_TYPE and CONTENT_LENGTH with a body, REMOTE_ADDR, REMOTE_USER (the account or
 * WHM user), HTTP_HOST, HTTP_COOKIE (the session cookie), HTTP_ACCEPT_LANGUAGE when the browser sent one, HOME and
 * USER, and `cp_security_token` (`/cpsess…`, cPanel's blog "Making your script work with security tokens"). It
 * runs as the caller — the proof it leaves is the caller's — unless the visit names a unix account (`runAs`).
 */
export function runCpanelPage(visit: CpanelPageVisit): Promise<CpanelPageRun> {
  const whm = visit.script.endsWith(".cgi");
  const method = visit.method ?? (visit.body === undefined ? "GET" : "POST");
  const token = visit.securityToken ?? "/cpsess0123456789";
  const path = whm ? "/cgi/wedos-panel/index.cgi" : "/frontend/jupiter/wedos_panel/index.live.pl";
  const body = visit.body?.text ?? "";
  const env: Record<string, string> = {
    ...visit.env,
    GATEWAY_INTERFACE: "CGI/1.1",
    SERVER_SOFTWARE: "cpsrvd/11.126",
    SERVER_PORT: whm ? "2087" : "2083",
    HTTPS: "on",
    REQUEST_METHOD: method,
    REQUEST_URI: `${token}${path}${visit.query ? `?${visit.query}` : ""}`,
    SCRIPT_NAME: `${token}${path}`,
    QUERY_STRING: visit.query ?? "",
    REMOTE_ADDR: "198.51.100.7",
    REMOTE_USER: visit.remoteUser,
    HTTP_HOST: "server.example.net",
    HTTP_COOKIE: `${whm ? "whostmgrsession" : "cpsession"}=${encodeURIComponent(`${visit.remoteUser}:made-up-session`)}`,
    HOME: whm ? "/root" : `/home/${visit.remoteUser}`,
    USER: whm ? "root" : visit.remoteUser,
    cp_security_token: token,
    ...(visit.acceptLanguage === undefined ? {} : { HTTP_ACCEPT_LANGUAGE: visit.acceptLanguage }),
    ...(visit.body === undefined
      ? {}
      : { CONTENT_TYPE: visit.body.contentType, CONTENT_LENGTH: String(Buffer.byteLength(body)) }),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(visit.script, [], {
      cwd: dirname(visit.script),
      env,
      stdio: ["pipe", "pipe", "ignore"],
      ...visit.runAs,
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", (error) =>
      reject(new AppError("cpanel_page_failed", `cannot run ${visit.script}: ${error.message}`, { cause: error })),
    );
    child.on("close", (exitCode) => resolve({ ...readCgiOutput(Buffer.concat(chunks).toString("utf8")), exitCode }));
    child.stdin.on("error", () => undefined); // an entry that refuses the body early does not read it
    child.stdin.end(body);
  });
}

/** Splits CGI output as cpsrvd does: header lines up to the first blank line, `Status:` (default 200), the body. */
function readCgiOutput(stdout: string): Omit<CpanelPageRun, "exitCode"> {
  const split = stdout.search(/\r?\n\r?\n/);
  const head = split < 0 ? stdout : stdout.slice(0, split);
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const status = Number(/^(\d{3})/.exec(headers.get("status") ?? "200")?.[1] ?? 200);
  const body = split < 0 ? "" : stdout.slice(split).replace(/^\r?\n\r?\n/, "");
  return { status, headers, body, stdout };
}
