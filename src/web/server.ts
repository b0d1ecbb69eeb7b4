import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Services } from "../main.js";
import { createWebApp, type WebServices } from "./app.js";
import { CsrfTokens, loadWebSecret } from "./csrf.js";
import { panelApiUrl } from "./identity/panel-api-url.js";
import { SessionVerifier } from "./identity/session-verifier.js";
import { openSocket, parseListen, prepareSocketPath } from "./listen.js";

/** The web listener of the daemon. */
export interface WebServer {
  /** The socket path, or host:port actually bound (port 0 becomes the real port). */
  address: string;
  server: Server;
  close(): Promise<void>;
}

export interface WebServerOptions {
  log: (line: string) => void;
  /** Overrides `daemon.listen`. */
  listen?: string;
  /** How long a verified session is believed (default 60 s). */
  sessionTtlMs?: number;
}

/**
 * Starts the pages' listener on `daemon.listen` (a Unix socket, mode 0666 — see listen.ts for why — or host:port)
 * with the session verifier (DirectAdmin's address from directadmin.apiUrl or directadmin.conf) and the CSRF key
 * from `<dataDir>/web-secret`. Resolves once it listens.
 */
export async function startWebServer(services: WebServices & Pick<Services, "config" | "clock">, options: WebServerOptions): Promise<WebServer> {
  const { config, clock } = services;
  const address = parseListen(options.listen ?? config.daemon.listen);
  const csrf = new CsrfTokens(loadWebSecret(config.dataDir), clock);
  let apiUrl: string | undefined;
  const verifier = new SessionVerifier({ apiUrl: () => (apiUrl ??= panelApiUrl(config.directadmin)), clock, ttlMs: options.sessionTtlMs });
  const server = createServer(createWebApp(services, { verifier, csrf, log: options.log }));
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 60_000;
  try {
    if (address.kind === "socket") await prepareSocketPath(address.path, options.log);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      if (address.kind === "socket") server.listen(address.path, resolve);
      else server.listen(address.port, address.host, resolve);
    });
    if (address.kind === "socket") openSocket(address.path);
  } catch (error) {
    server.close();
    await verifier.close();
    throw error;
  }
  const bound = server.address();
  const shown = address.kind === "socket" ? address.path : `${address.host}:${(bound as AddressInfo).port}`;
  return {
    address: shown,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await verifier.close();
    },
  };
}
