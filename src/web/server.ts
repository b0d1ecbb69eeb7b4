import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { panelAdapter } from "../panel/adapters.js";
import type { Pacing } from "../util/slices.js";
import { createWebApp } from "./app.js";
import { PagePriority } from "./records/page-priority.js";
import { ZoneRecordsCache } from "./records/zone-records.js";
import { zoneWorkerHeapMb, ZoneWorkers } from "./records/zone-workers.js";
import { CsrfTokens, loadWebSecret } from "./csrf.js";
import type { WebDeps } from "./deps.js";
import { AgreeingProvers } from "./identity/agreeing-provers.js";
import type { VisitorProver } from "./identity/identity.js";
import { prepareProofDir, ProofDirectory } from "./identity/proof-file.js";
import { sessionCheckLimits } from "./identity/session-check-record.js";
import { UidProver } from "./identity/uid-prover.js";
import { openSocket, parseListen, prepareSocketPath } from "./listen.js";

/** The web listener of the daemon. */
export interface WebServer {
  /** The socket path, or host:port actually bound (port 0 becomes the real port). */
  address: string;
  server: Server;
  /** The domain pages' parsed zones (the bench and tests read its counts). */
  zoneRecords: ZoneRecordsCache;
  /** The workers big zones are parsed in (tests read how many run). */
  zoneWorkers: ZoneWorkers;
  close(): Promise<void>;
}

export interface WebServerOptions {
  log: (line: string) => void;
  /** Overrides `daemon.listen`. */
  listen?: string;
  /** How long a verified session is believed (default 60 s). */
  sessionTtlMs?: number;
  /** cPanel: the uid whose proof is the WHM entry (default root); for tests, which run every entry as one user. */
  whmUid?: number;
  /** How a big zone's parse shares the event loop (default: 4 ms slices); tests inject their own clock. */
  zonePacing?: Pacing;
  /** The zone worker's JavaScript (default: the compiled one beside zone-workers.js); tests name the compiled one. */
  zoneWorkerScript?: URL;
  /** A zone worker's heap limit in MiB (default: enough for a zone of pages.zoneMaxBytes); tests make it small. */
  zoneWorkerHeapMb?: number;
}

/**
 * Starts the pages' listener on `daemon.listen` (a Unix socket, mode 0666 — see listen.ts for why — or host:port)
 * with the CSRF key from `<dataDir>/web-secret` and the way this server proves its visitors (visitorProver), after
 * making `pages.proofDir` (1733) — here, at every start, because it lives under /run, which a reboot empties.
 * Resolves once it listens.
 */
export async function startWebServer(services: WebDeps, options: WebServerOptions): Promise<WebServer> {
  const { config, clock } = services;
  const address = parseListen(options.listen ?? config.daemon.listen);
  const csrf = new CsrfTokens(loadWebSecret(config.dataDir), clock);
  const prover = await visitorProver(services, options);
  const priority = new PagePriority(clock);
  const workers = new ZoneWorkers({
    script: options.zoneWorkerScript,
    maxHeapMb: options.zoneWorkerHeapMb ?? zoneWorkerHeapMb(config.pages.zoneMaxBytes),
    pacing: priority.workerPacing(),
    log: options.log,
  });
  const limits = { maxZoneBytes: config.pages.zoneMaxBytes, cacheBytes: config.pages.zoneCacheBytes };
  const zoneRecords = new ZoneRecordsCache(services.panel, services.stores.zones, limits, clock, {
    pacing: options.zonePacing ?? priority.pacing(),
    priority,
    workers,
  });
  const server = createServer(createWebApp(services, { prover, csrf, log: options.log, zoneRecords }));
  priority.watch(server);
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
    await workers.close();
    throw error;
  }
  const bound = server.address();
  const shown = address.kind === "socket" ? address.path : `${address.host}:${(bound as AddressInfo).port}`;
  return {
    address: shown,
    server,
    zoneRecords,
    zoneWorkers: workers,
    close: async () => {
      // A view waiting for a worker is answered that the daemon is stopping, not cut off.
      const workersStopped = workers.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await workersStopped;
      await prover.close();
    },
  };
}

/**
 * How this server's pages prove who is asking (docs/decisions/0012-who-is-asking.md): the uid proof on cPanel and,
 * by default, on DirectAdmin; on DirectAdmin `directadmin.identity` may add the session replay ("uid+session", both
 * must agree) or use it alone ("session": the emulator and the demo, where every page runs as one unix user).
 * The session replay and its HTTP client are loaded only then: the default daemon does not carry them in memory.
 */
async function visitorProver(services: WebDeps, options: WebServerOptions): Promise<VisitorProver> {
  const { config, clock, panel } = services;
  prepareProofDir(config.pages.proofDir);
  const byUid = () =>
    new UidProver({
      proofs: new ProofDirectory(config.pages.proofDir),
      panel,
      passwdFile: config.pages.passwdFile,
      whmUid: options.whmUid,
    });
  const identity = panelAdapter(panel.kind).pages.proof(config);
  if (identity === "uid") return byUid();
  const [{ SessionEndpoint }, { SessionVerifier }] = await Promise.all([
    import("../panel/directadmin/api-endpoint.js"),
    import("./identity/session-verifier.js"),
  ]);
  const endpoint = new SessionEndpoint(config.directadmin, SESSION_TIMEOUT_MS);
  const limits = sessionCheckLimits(services, options.log);
  const bySession = new SessionVerifier({
    endpoint: () => endpoint.current(),
    clock,
    limits,
    ttlMs: options.sessionTtlMs,
    timeoutMs: SESSION_TIMEOUT_MS,
    onClose: () => endpoint.close(),
  });
  return identity === "session" ? bySession : new AgreeingProvers(byUid(), bySession);
}

const SESSION_TIMEOUT_MS = 10_000;
