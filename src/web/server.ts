import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Services } from "../main.js";
import { createWebApp, type WebServices } from "./app.js";
import { CsrfTokens, loadWebSecret } from "./csrf.js";
import { CpanelProofVerifier, prepareProofDir, type CpanelProofOptions } from "./identity/cpanel-proof.js";
import type { VisitorProver } from "./identity/identity.js";
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
  /** cPanel: where uids are named (default /etc/passwd) and the uid that is the WHM entry (default root); for tests. */
  cpanel?: Pick<CpanelProofOptions, "passwdFile" | "adminUid">;
}

/**
 * Starts the pages' listener on `daemon.listen` (a Unix socket, mode 0666 — see listen.ts for why — or host:port)
 * with the CSRF key from `<dataDir>/web-secret` and the server panel's way of proving visitors: on DirectAdmin the
 * session verifier (DirectAdmin's address from directadmin.apiUrl or directadmin.conf); on cPanel the proof
 * verifier, after making `cpanel.proofDir` (1733) — here, at every start, because it lives under /run, which a
 * reboot empties. Resolves once it listens.
 */
export async function startWebServer(services: WebServices & Pick<Services, "config" | "clock">, options: WebServerOptions): Promise<WebServer> {
  const { config, clock } = services;
  const address = parseListen(options.listen ?? config.daemon.listen);
  const csrf = new CsrfTokens(loadWebSecret(config.dataDir), clock);
  const prover = visitorProver(services, options);
  const server = createServer(createWebApp(services, { prover, csrf, log: options.log }));
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
    await prover.close();
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
      await prover.close();
    },
  };
}

function visitorProver(services: WebServices & Pick<Services, "config" | "clock">, options: WebServerOptions): VisitorProver & { close(): Promise<void> } {
  const { config, clock, panel } = services;
  if (panel.kind === "cpanel") {
    prepareProofDir(config.cpanel.proofDir);
    const verifier = new CpanelProofVerifier({ dir: config.cpanel.proofDir, panel, ...options.cpanel });
    return { prove: (request) => verifier.prove(request), close: async () => undefined };
  }
  let apiUrl: string | undefined;
  return new SessionVerifier({ apiUrl: () => (apiUrl ??= panelApiUrl(config.directadmin)), clock, ttlMs: options.sessionTtlMs });
}
