import type { PanelKind } from "../model/panel-kind.js";
import { Secret } from "../util/secret.js";
import { badRequest } from "./errors.js";
import { decodeEntities, readBody, type PageBody } from "./da-input.js";
import type { Level } from "./identity/identity.js";
import type { PanelSession } from "./identity/session-verifier.js";

/**
 * The entry-script ↔ daemon protocol, version 1 (see README.md in this directory). The entry script sends
 * `POST /v1/page/<level>/<mode>` whose body is the page's DirectAdmin variables as NUL-terminated `NAME=value`
 * records — exactly those listed here, each only if DirectAdmin set it — plus `STDIN=<body>` when DirectAdmin
 * passed a large body on stdin (`POST=stdin=true`) and `PROOF=<name>:<nonce>`, the file the entry left in
 * `pages.proofDir` (identity/proof-file.ts). The daemon answers 200 with the exact bytes the script must
 * print: an HTML fragment for `html`, a whole HTTP response for `raw`. Any other answer makes the script print its
 * own "temporarily unavailable" message.
 */
export const FORWARDED_VARIABLES = [
  "REQUEST_METHOD",
  "QUERY_STRING",
  "POST",
  "SESSION_ID",
  "SESSION_KEY",
  "IS_LOGIN_AS",
  "LOGIN_AS_MASTER",
  "USERNAME",
  "SESSION_SELECTED_DOMAIN",
  "LANGUAGE",
  "SKIN",
  "HTTP_X_CSRF_TOKEN",
  "STDIN",
  "PROOF",
] as const;
type Forwarded = (typeof FORWARDED_VARIABLES)[number];

/**
 * How the page was opened, which decides what the entry prints: on DirectAdmin `index.html` (a fragment embedded in
 * the skin) or `index.raw` (a whole HTTP response); on cPanel & WHM `cgi` (`index.live.pl`, WHM's `index.cgi`: CGI
 * headers and a whole document).
 */
export type PageMode = "html" | "raw" | "cgi";

/**
 * One page request as the panel's entry described it, decoded (DirectAdmin: this file; cPanel: cpanel-protocol.ts);
 * nothing in it is trusted yet except what the panel set.
 */
export interface PageRequest {
  /** The panel whose entry sent it: how the visitor is proven, and the panel the texts name. */
  panel: PanelKind;
  mode: PageMode;
  level: Level;
  /** GET, or POST when a body came (the Evolution wrapper's first load is an empty POST: that is a GET). */
  method: "GET" | "POST";
  /** The page inside the plugin (`p=` of the query), e.g. "/" or "/domains/example.com"; undefined if malformed. */
  path: string | undefined;
  /** The rest of the query, entity-decoded. */
  query: URLSearchParams;
  body: PageBody;
  /** DirectAdmin: the session to replay (when `directadmin.identity` includes the session check). */
  session: PanelSession | undefined;
  /** `<file>:<nonce>`, the file the entry left in `pages.proofDir` (identity/proof-file.ts). */
  proof: string | undefined;
  /**
   * The `X-CSRF-Token` request header, if the panel passes headers CGI-style (unknown for DirectAdmin:
   * docs/reference/directadmin.md#page-variables-and-large-bodies).
   */
  csrfHeader: string | undefined;
  /**
   * What the panel's environment claims; believed only once the visitor is proven. `username` is DirectAdmin's
   * USERNAME (never believed) or cPanel's REMOTE_USER (believed only from the WHM entry, see CpanelProofVerifier);
   * `securityToken` is cPanel's `/cpsess…` URL token.
   */
  claimed: {
    username?: string;
    isLoginAs: boolean;
    loginAsMaster?: string;
    language?: string;
    skin?: string;
    selectedDomain?: string;
    securityToken?: string;
  };
}

/** Splits the request body into its records; a repeated or unknown-shaped record makes the request malformed. */
export function parseEnvelope(body: Buffer): Map<Forwarded, string> {
  return parseRecords(body, FORWARDED_VARIABLES);
}

/**
 * NUL-terminated `NAME=value` records, keeping the names given (a newer entry script may send more: ignored). Shared
 * by the DirectAdmin and cPanel entry protocols.
 */
export function parseRecords<N extends string>(body: Buffer, names: readonly N[]): Map<N, string> {
  const variables = new Map<N, string>();
  const records = body.toString("utf8").split("\0");
  if (records.at(-1) === "") records.pop();
  for (const record of records) {
    const equals = record.indexOf("=");
    const name = record.slice(0, equals);
    if (equals <= 0) throw badRequest("a record without a name");
    if (!(names as readonly string[]).includes(name)) continue; // a newer entry script: ignore
    if (variables.has(name as N)) throw badRequest(`${name} sent twice`);
    variables.set(name as N, record.slice(equals + 1));
  }
  return variables;
}

/** A plugin page path: slash-separated plain segments, never `.` or `..`. */
const PAGE_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;

/** Takes the page (`p=`) out of the query: "/" when absent, undefined when repeated or not a plain path. */
export function takePagePath(query: URLSearchParams): string | undefined {
  const page = query.getAll("p");
  query.delete("p");
  if (page.length === 0) return "/";
  return page.length === 1 && PAGE_PATH.test(page[0] as string) && (page[0] as string).length <= 300
    ? page[0]
    : undefined;
}

/** Builds the page request from the records (see {@link PageRequest}). */
export function readPageRequest(
  level: Level,
  mode: Exclude<PageMode, "cgi">,
  variables: ReadonlyMap<Forwarded, string>,
): PageRequest {
  const get = (name: Forwarded) => variables.get(name);
  const post = get("POST") ?? "";
  const body = readBody(post.trim() === "stdin=true" ? (get("STDIN") ?? "") : post);
  const query = new URLSearchParams(decodeEntities(get("QUERY_STRING") ?? ""));
  const path = takePagePath(query);
  const method = (get("REQUEST_METHOD") ?? "GET").toUpperCase() === "POST" && body.kind !== "none" ? "POST" : "GET";
  const id = get("SESSION_ID");
  const key = get("SESSION_KEY");
  const nonEmpty = (name: Forwarded) => ((get(name) ?? "") === "" ? undefined : decodeEntities(get(name) as string));
  return {
    panel: "directadmin",
    mode,
    level,
    method,
    path,
    query,
    body,
    session: id && key ? { id: new Secret(id), key: new Secret(key) } : undefined,
    proof: get("PROOF") === "" ? undefined : get("PROOF"),
    csrfHeader: nonEmpty("HTTP_X_CSRF_TOKEN"),
    claimed: {
      username: nonEmpty("USERNAME"),
      isLoginAs: get("IS_LOGIN_AS") === "1",
      loginAsMaster: nonEmpty("LOGIN_AS_MASTER"),
      language: nonEmpty("LANGUAGE"),
      skin: nonEmpty("SKIN"),
      selectedDomain: nonEmpty("SESSION_SELECTED_DOMAIN"),
    },
  };
}

/** The URL the page routes see: `/<level><path>?<rest of the query>`. */
export function innerUrl(request: PageRequest): string {
  const rest = request.query.toString();
  return `/${request.level}${request.path ?? "/"}${rest === "" ? "" : `?${rest}`}`;
}
