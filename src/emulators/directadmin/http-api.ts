import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { SessionBook } from "./sessions.js";
import type { TreeFiles } from "./tree.js";

/** The emulated DirectAdmin HTTP API, listening on 127.0.0.1. */
export interface RunningDirectAdminApi {
  /** http://127.0.0.1:<port> (https:// with a certificate), what `directadmin.apiUrl` should be. */
  url: string;
  port: number;
  /** Every request, without its cookie: for tests that count how often the panel was asked. */
  requests: Array<{ method: string; path: string; status: number }>;
  close(): Promise<void>;
}

/**
 * Encodes a value as DirectAdmin's legacy API does: everything but ASCII letters is percent-encoded, digits too
 * (`gzv%30%39%30%38a`, docs/reference/directadmin.md#sessions-csrf-and-the-api) — so a client that splits the answer
 * by hand instead of decoding it reads nonsense, as it would on a real server.
 */
export function legacyEncode(value: string): string {
  return [...Buffer.from(value, "utf8")]
    .map((byte) =>
      /[A-Za-z]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/**
 * The part of DirectAdmin's HTTP API the plugin's pages use: `GET /CMD_API_SHOW_USER_CONFIG`, authenticated by the
 * session cookie (`Cookie: session=<id>; key=<key>`), answering the session's own user.conf as url-encoded
 * `key=value&…`, or 401 for a session it does not know (unknown, logged out, idle too long). Anything else is 404.
 * With `tls` it speaks https with that key and certificate, as DirectAdmin does on port 2222.
 */
export function startDirectAdminApi(
  sessions: SessionBook,
  files: TreeFiles,
  tls?: { key: string; cert: string },
): Promise<RunningDirectAdminApi> {
  const requests: RunningDirectAdminApi["requests"] = [];
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const status = answerDirectAdminApi(req, res, sessions, files);
    requests.push({ method: req.method ?? "", path: (req.url ?? "").split("?")[0] ?? "", status });
  };
  const server = tls === undefined ? createServer(answer) : createHttpsServer(tls, answer);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${tls === undefined ? "http" : "https"}://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Answers one request to the API above (any server may mount it: the emulated panel's web front does); returns the status sent. */
export function answerDirectAdminApi(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: SessionBook,
  files: TreeFiles,
): number {
  const send = (status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
    return status;
  };
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/CMD_API_SHOW_USER_CONFIG") return send(404, "error=1&text=Unknown%20command");
  if (req.method !== "GET") return send(405, "error=1&text=Use%20GET");
  const cookies = new Map(
    (req.headers.cookie ?? "").split(";").map((part) => {
      const [name = "", ...value] = part.trim().split("=");
      return [name, value.join("=")] as const;
    }),
  );
  const owner = sessions.use(cookies.get("session") ?? "", cookies.get("key") ?? "");
  const conf = owner === undefined ? undefined : files.userConf(owner.username);
  if (conf === undefined) return send(401, "error=1&text=Please%20login");
  return send(
    200,
    [...conf.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => `${key}=${legacyEncode(value)}`)
      .join("&"),
  );
}
