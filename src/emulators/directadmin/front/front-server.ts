import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type NextFunction, type Request, type Response } from "express";
import { AppError, toError } from "../../../errors.js";
import type { EmulatedDirectAdmin } from "../emulated-directadmin.js";
import { answerDirectAdminApi } from "../http-api.js";
import { TreeFiles } from "../tree.js";
import type { FrontDeps } from "./deps.js";
import { FormTokens } from "./form-tokens.js";
import { EVO_CSS } from "./evo-css.js";
import type { PasswordBook } from "./password-book.js";
import { accountRoutes } from "./routes/accounts.js";
import { dnsRoutes } from "./routes/dns.js";
import { domainRoutes } from "./routes/domains.js";
import { loginRoutes } from "./routes/login.js";
import { pluginRoutes } from "./routes/plugins.js";

export interface FrontOptions {
  da: EmulatedDirectAdmin;
  passwords: PasswordBook;
  /** Added to the plugin page scripts' environment: WEDOS_PANEL_CONFIG, so they find the daemon. */
  pageEnv: Readonly<Record<string, string>>;
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1: the emulated panel is for this machine only. */
  host?: string;
  /** One line per action and login (what happened, which hooks ran). */
  log?: (line: string) => void;
  /** Said under the login form (the demo: where its generated logins are kept). */
  loginNote?: string;
}

/** The emulated panel's web front, listening. */
export interface RunningFront {
  /** http://<host>:<port>; also what `directadmin.apiUrl` should be (CMD_API_SHOW_USER_CONFIG is served here). */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * DirectAdmin's web interface, emulated in the Evolution skin's shape, over an {@link EmulatedDirectAdmin}: login
 * with DirectAdmin's session cookies, the admin's and reseller's accounts, the customer's domains, pointers and
 * DNS editor — each action the emulator's, so the plugin's real hooks run — and the plugin's pages inside the
 * panel frame, run by their real entry scripts. It also answers CMD_API_SHOW_USER_CONFIG for the same sessions,
 * so the daemon's identity check works against it unchanged.
 */
export async function startDirectAdminFront(options: FrontOptions): Promise<RunningFront> {
  const { da } = options;
  const files = new TreeFiles(da.layout);
  const deps: FrontDeps = {
    da,
    files,
    sessions: da.sessions,
    passwords: options.passwords,
    csrf: new FormTokens(),
    flashes: new Map(),
    masters: new Map(),
    pluginDir: da.pluginDir,
    pageEnv: options.pageEnv,
    log: options.log ?? (() => undefined),
    loginNote: options.loginNote,
  };
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.get("/CMD_API_SHOW_USER_CONFIG", (req, res) => {
    answerDirectAdminApi(req, res, deps.sessions, files);
  });
  app.get("/assets/evo.css", (_req, res) => {
    res.type("text/css").set("Cache-Control", "max-age=300").send(EVO_CSS);
  });
  // The plugin's pages take the body as it came (their scripts get it as POST); the panel's forms are parsed.
  // DirectAdmin serves its own icon; the emulated panel has none, and says so without a 404 in the browser's console.
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });
  app.use(pluginRoutes(deps));
  app.use(express.urlencoded({ extended: false, limit: "64kb" }));
  app.use(loginRoutes(deps), accountRoutes(deps), domainRoutes(deps), dnsRoutes(deps));
  app.use((_req: Request, res: Response) => {
    res.status(404).type("text/plain").send("No such page in this emulated DirectAdmin.\n");
  });
  app.use((thrown: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const error = toError(thrown);
    deps.log(`error: ${error.message}`);
    res
      .status(error instanceof AppError ? 400 : 500)
      .type("text/plain")
      .send(`The emulated DirectAdmin could not do that: ${error.message}\n`);
  });

  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const hint = error.code === "EADDRINUSE" ? " (another program uses this port)" : "";
      reject(
        new AppError(
          "directadmin_front_listen",
          `the emulated DirectAdmin cannot listen on ${options.host ?? "127.0.0.1"}:${options.port ?? 0}: ${error.message}${hint}`,
          { cause: error },
        ),
      );
    });
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
