import { WebError } from "./errors.js";
import type { PageBody } from "./da-input.js";
import type { Level } from "./identity/identity.js";
import { parseRecords, takePagePath } from "./protocol.js";

/**
 * The cPanel entry ↔ daemon protocol, version 1 (cpanel/README.md; docs/decisions/0005-cpanel-adapter.md). The
 * entry — `index.live.pl` in Jupiter (runs as the cPanel account) or `index.cgi` in WHM (runs as root) — sends
 * `POST /v1/cpanel/<level>` (`user` or `admin`) over `daemon.listen`; the body is NUL-terminated `NAME=value`
 * records, exactly these, each only if set: the CGI variables cpsrvd gave it, `STDIN` (the request body, when there
 * is one) and `PROOF` (`<file>:<nonce>`, the file it made in `cpanel.proofDir`). The daemon answers 200 with the
 * exact CGI output to print (`Status:` and the other headers, a blank line, the body); any other answer makes the
 * entry print its own "temporarily unavailable" page.
 */
export const CPANEL_FORWARDED = ["REQUEST_METHOD", "QUERY_STRING", "CONTENT_TYPE", "STDIN", "REMOTE_USER", "cp_security_token", "HTTP_X_CSRF_TOKEN", "HTTP_ACCEPT_LANGUAGE", "PROOF"] as const;
type CpanelForwarded = (typeof CPANEL_FORWARDED)[number];

/** One cPanel page request as the entry described it; nothing in it is trusted until the proof verified. */
export interface CpanelPageRequest {
  level: Extract<Level, "user" | "admin">;
  method: "GET" | "POST";
  /** The page inside the plugin (`p=` of the query), or undefined if malformed. */
  path: string | undefined;
  query: URLSearchParams;
  body: PageBody;
  proof: string | undefined;
  csrfHeader: string | undefined;
  /** cpsrvd's variables: the user it authenticated (believed for WHM only, see CpanelProofVerifier), the session's URL token. */
  claimed: { user?: string; securityToken?: string; language?: string };
}

/** cpsrvd's session token as it appears in the URL: `/cpsess` and ten digits. */
const SECURITY_TOKEN = /^\/cpsess\d{10}$/;

/** Reads the envelope of `POST /v1/cpanel/<level>`. */
export function readCpanelPageRequest(level: string, envelope: Buffer): CpanelPageRequest {
  if (level !== "user" && level !== "admin") throw new WebError(404, "error.notFound", `no cPanel page level "${level.slice(0, 20)}"`);
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
    level,
    method: get("REQUEST_METHOD")?.toUpperCase() === "POST" && body.kind !== "none" ? "POST" : "GET",
    path,
    query,
    body,
    proof: get("PROOF"),
    csrfHeader: get("HTTP_X_CSRF_TOKEN"),
    claimed: { user: get("REMOTE_USER"), securityToken: token !== undefined && SECURITY_TOKEN.test(token) ? token : undefined, language: get("HTTP_ACCEPT_LANGUAGE") },
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
