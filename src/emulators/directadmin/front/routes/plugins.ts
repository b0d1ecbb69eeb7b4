import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import express, { Router, type Request, type Response } from "express";
import type { FrontDeps } from "../deps.js";
import { html, trusted } from "../html.js";
import { PLUGINS_PREFIX, USERTYPES, type Usertype } from "../levels.js";
import { parseRawResponse } from "../raw-response.js";
import { document, newNonce, panelPage, sendPage } from "../skin.js";
import { requireVisitor, visitorIn } from "../visitor.js";

/** What DirectAdmin serves from a plugin's images/ directory, by extension. */
const STATIC_TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".gif": "image/gif",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/** A plain file name: no directory part, not hidden, so a request can never leave images/ or the level's directory. */
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A plugin page the Evolution wrapper may frame: one of the three plugin prefixes on this panel, nothing else. */
const FRAMEABLE = new RegExp(`^(${USERTYPES.map((level) => PLUGINS_PREFIX[level]).join("|")})/[^\\s\\\\]*$`);

/** Headers of a raw page's response that describe its framing; the front frames the body itself. */
const HOP_BY_HOP = new Set(["content-length", "transfer-encoding", "connection", "keep-alive"]);

/**
 * The plugin inside the panel, as Evolution shows it: `/evo/plugin?src=…` is the skin with the page in an iframe,
 * first loaded by a POST with an empty body (the wrapper's behaviour the pages must cope with,
 * docs/reference/directadmin.md#urls), by a form the wrapper submits into the frame.
 * `/CMD_PLUGINS[_RESELLER|_ADMIN]/<id>/<file>` runs the plugin's real entry script with the browser's session (a
 * level above the account's is refused, as DirectAdmin does): an `.html` page's fragment is put between a header and
 * a footer, a `.raw` page's response is relayed as it printed it. `…/<id>/images/<file>` is served as a static file.
 */
export function pluginRoutes(deps: FrontDeps): Router {
  const router = Router();
  // DirectAdmin knows a plugin by plugin.conf's id= (its directory is named after it) and shows its name=.
  const conf = readFileSync(join(deps.pluginDir, "plugin.conf"), "utf8");
  const id = /^id=(.*)$/m.exec(conf)?.[1]?.trim() ?? "";
  const name = /^name=(.*)$/m.exec(conf)?.[1]?.trim() ?? id;

  router.get("/evo/plugin", requireVisitor(deps), (req: Request, res: Response) => {
    const visitor = visitorIn(res);
    const src = String(req.query.src ?? "");
    if (!FRAMEABLE.test(src)) {
      res.status(400).type("text/plain").send(`Not a plugin page: ${src}\n`);
      return;
    }
    const nonce = newNonce();
    const body = html`<iframe class="plugin-frame" name="plugin-frame" title="${name}" src="about:blank"></iframe>
<form id="plugin-load" method="post" action="${src}" target="plugin-frame"></form>
<script nonce="${nonce}">document.getElementById("plugin-load").submit();</script>`;
    sendPage(res, panelPage({ pluginDir: deps.pluginDir, visitor, title: name, body }), { nonce });
  });

  for (const level of USERTYPES) {
    router.use(
      PLUGINS_PREFIX[level],
      requireVisitor(deps, level),
      express.text({ type: () => true, limit: "2mb" }),
      async (req: Request, res: Response) => {
        const [, asked, ...rest] = req.path.split("/");
        const file = rest.length === 0 || rest[0] === "" ? "index.html" : rest.join("/");
        if (asked !== id)
          res
            .status(404)
            .type("text/plain")
            .send(`There is no plugin ${asked ?? ""}.\n`);
        else if (rest.length === 2 && rest[0] === "images") sendStatic(res, deps.pluginDir, rest[1] as string);
        else if (!FILE_NAME.test(file) || !existsSync(join(deps.pluginDir, level, file)))
          res.status(404).type("text/plain").send(`The plugin has no page ${file}.\n`);
        else if (req.method !== "GET" && req.method !== "POST")
          res.status(405).set("Allow", "GET, POST").type("text/plain").send("Use GET or POST.\n");
        else await runPage(req, res, deps, level, file);
      },
    );
  }
  return router;
}

async function runPage(req: Request, res: Response, deps: FrontDeps, level: Usertype, file: string): Promise<void> {
  const visitor = visitorIn(res);
  const queryAt = req.originalUrl.indexOf("?");
  const { stdout } = await deps.da.runPage({
    level,
    file,
    session: visitor.session,
    method: req.method as "GET" | "POST",
    query: queryAt < 0 ? "" : req.originalUrl.slice(queryAt + 1),
    post: typeof req.body === "string" ? req.body : "",
    selectedDomain: visitor.conf.get("domain") ?? "",
    env: deps.pageEnv,
  });
  if (!file.endsWith(".raw")) {
    sendPage(res, document("Plugin", html`<div class="da-plugin">${trusted(stdout)}</div>`, "plugin-page"));
    return;
  }
  const response = parseRawResponse(stdout);
  if (response === undefined) {
    res
      .status(502)
      .type("text/plain")
      .send("The plugin's page did not print an HTTP response (status line, headers, a blank line, the body).\n");
    return;
  }
  res.status(response.status);
  for (const [header, value] of response.headers) if (!HOP_BY_HOP.has(header.toLowerCase())) res.append(header, value);
  res.end(Buffer.from(response.body, "utf8"));
}

function sendStatic(res: Response, pluginDir: string, file: string): void {
  const type = STATIC_TYPES[extname(file).toLowerCase()];
  const path = join(pluginDir, "images", file);
  if (!FILE_NAME.test(file) || type === undefined || !existsSync(path) || !statSync(path).isFile()) {
    res.status(404).type("text/plain").send(`No such file: images/${file}\n`);
    return;
  }
  res
    .status(200)
    .set({ "Content-Type": type, "X-Content-Type-Options": "nosniff", "Cache-Control": "max-age=300" })
    .end(readFileSync(path));
}
