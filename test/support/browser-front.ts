import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import type { DirectAdminSession } from "../../src/panel/directadmin/emulator/index.js";
import type { WebHarness } from "../web/support.js";
import { parseRaw } from "../web/support.js";

/** A browser's way into the harness: DirectAdmin's user-level raw URLs on 127.0.0.1, for one logged-in session. */
export interface BrowserFront {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every query the browser asked for, in order. */
  queries: string[];
  close(): Promise<void>;
}

/**
 * Serves `GET /CMD_PLUGINS/wedos/index.raw?…` as DirectAdmin would: it runs the real entry script for the session
 * (as `visit()` does) and sends back the HTTP response the script printed — status, headers (CSP included), body —
 * and the plugin's `images/` as DirectAdmin serves them.
 */
export async function startBrowserFront(h: WebHarness, session: DirectAdminSession): Promise<BrowserFront> {
  const queries: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://front.invalid");
    const asset = /^\/CMD_PLUGINS\/wedos\/images\/([\w.-]+)$/.exec(url.pathname)?.[1];
    if (asset !== undefined) {
      readFile(join(PACKAGE_ROOT, "images", asset)).then(
        (bytes) => res.writeHead(200, { "content-type": asset.endsWith(".css") ? "text/css" : asset.endsWith(".js") ? "text/javascript" : "application/octet-stream" }).end(bytes),
        () => res.writeHead(404).end(),
      );
      return;
    }
    // DirectAdmin serves its own icon; a test has none to give.
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== "GET" || url.pathname !== "/CMD_PLUGINS/wedos/index.raw") {
      res.writeHead(404).end();
      return;
    }
    const query = url.search.replace(/^\?/, "");
    queries.push(query);
    h.visit({ level: "user", file: "index.raw", session, query }).then(
      (run) => {
        const answer = parseRaw(run.stdout);
        res.writeHead(answer.status, Object.fromEntries([...answer.headers].filter(([name]) => name !== "content-length")));
        res.end(answer.body);
      },
      (error: unknown) => res.writeHead(502).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
