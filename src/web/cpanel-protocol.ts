import { WebError } from "./errors.js";
import type { PageBody } from "./da-input.js";
import { acceptedLanguages, supportedLanguage } from "./i18n/index.js";
import { parseRecords, takePagePath, type PageRequest } from "./protocol.js";

/**
 * The cPanel entry ↔ daemon protocol, version 1 (cpanel/README.md; docs/decisions/0005-cpanel-adapter.md). The
 * entry — `index.live.pl` in Jupiter (runs as the cPanel account) or `index.cgi` in WHM (runs as root) — sends
 * `POST /v1/cpanel/<level>` (`user` or `admin`) over `daemon.listen`; the body is NUL-terminated `NAME=value`
 * records, exactly these, each only if set: the CGI variables cpsrvd gave it, `STDIN` (the request body, when there
 * is one) and `PROOF` (`<file>:<nonce>`, the file it made in `pages.proofDir`). The daemon answers 200 with the
 * exact CGI output to print (`Status:` and the other headers, a blank line, the body); any other answer makes the
 * entry print its own "temporarily unavailable" page.
 */
export const CPANEL_FORWARDED = [
  "REQUEST_METHOD",
  "QUERY_STRING",
  "CONTENT_TYPE",
  "STDIN",
  "REMOTE_USER",
  "cp_security_token",
  "HTTP_X_CSRF_TOKEN",
  "HTTP_ACCEPT_LANGUAGE",
  "PROOF",
] as const;
type CpanelForwarded = (typeof CPANEL_FORWARDED)[number];

/** cpsrvd's session token as it appears in the URL: `/cpsess` and ten digits. */
const SECURITY_TOKEN = /^\/cpsess\d{10}$/;

/**
 * Reads the envelope of `POST /v1/cpanel/<level>` into the page request the routes see (mode `cgi`). Nothing in it
 * is trusted until the proof verified; REMOTE_USER is kept as the claimed user name, believed for WHM only.
 */
export function readCpanelPageRequest(level: string, envelope: Buffer): PageRequest {
  if (level !== "user" && level !== "admin")
    throw new WebError(404, "error.notFound", `no cPanel page level "${level.slice(0, 20)}"`);
  const records = parseRecords<CpanelForwarded>(envelope, CPANEL_FORWARDED);
  const get = (name: CpanelForwarded) => {
    const value = records.get(name);
    return value === undefined || value === "" ? undefined : value;
  };
  const query = new URLSearchParams(get("QUERY_STRING") ?? "");
  const path = takePagePath(query);
  const body = readCgiBody(get("CONTENT_TYPE"), get("STDIN") ?? "");
  const token = get("cp_security_token");
  return {
    panel: "cpanel",
    mode: "cgi",
    level,
    method: get("REQUEST_METHOD")?.toUpperCase() === "POST" && body.kind !== "none" ? "POST" : "GET",
    path,
    query,
    body,
    session: undefined,
    proof: get("PROOF"),
    csrfHeader: get("HTTP_X_CSRF_TOKEN"),
    claimed: {
      username: get("REMOTE_USER"),
      isLoginAs: false,
      language: acceptedLanguages(get("HTTP_ACCEPT_LANGUAGE")).find((tag) => supportedLanguage(tag) !== undefined),
      securityToken: token !== undefined && SECURITY_TOKEN.test(token) ? token : undefined,
    },
  };
}

/** cpsrvd passes a CGI body with its content type: a form, JSON (fetch()), or nothing the pages read. */
function readCgiBody(contentType: string | undefined, raw: string): PageBody {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (raw.trim() === "") return { kind: "none" };
  if (type === "application/x-www-form-urlencoded") return { kind: "form", fields: new URLSearchParams(raw) };
  if (type === "application/json") {
    try {
      return { kind: "json", value: JSON.parse(raw) as unknown };
    } catch {
      return { kind: "json", value: undefined };
    }
  }
  return { kind: "none" };
}
