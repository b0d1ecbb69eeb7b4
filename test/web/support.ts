import { writeFileSync } from "node:fs";
import { reason } from "../../src/model/reason.js";
import { afterEach, beforeEach } from "vitest";
import { join } from "node:path";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { createServices, type Services } from "../../src/main.js";
import {
  EmulatedDirectAdmin,
  fixtureTree,
  type DirectAdminSession,
  type PageRun,
  type PageVisit,
  type RunningDirectAdminApi,
} from "../../src/emulators/directadmin/index.js";
import { DirectAdminPanel } from "../../src/panel/directadmin/reader.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { startDnsServer } from "../../src/simulator/dns/index.js";
import type { InventoryStore } from "../../src/store/inventory-store.js";
import { startWebServer, type WebServer } from "../../src/web/server.js";
import type { Pacing } from "../../src/util/slices.js";
import { tempDir } from "../support/temp-dir.js";
import { testConnection as testConnectionTask } from "../../src/provisioning/tasks/test-connection.js";
import { taskFromTheFuture } from "../support/future-task.js";
import { COMPILED_ZONE_WORKER } from "../support/zone-worker.js";

/**
 * One machine for the page tests: an emulated DirectAdmin (tree, real hooks, sessions, its HTTP API on 127.0.0.1),
 * the daemon's services and its real web listener on a Unix socket in a temp directory, all on one manual clock.
 * `visit()` runs the real entry scripts as DirectAdmin would, pointed at this daemon through WEDOS_PANEL_CONFIG.
 * Every page runs as the test's own unix user, so visitors are told apart by their sessions (`identity: "session"`);
 * test/web/uid-proof.test.ts runs the entries under distinct uids.
 */
export interface WebHarness {
  clock: ManualClock;
  da: EmulatedDirectAdmin;
  api: RunningDirectAdminApi;
  services: Services;
  inventory: InventoryStore;
  web: WebServer;
  root: string;
  configFile: string;
  dataDir: string;
  /** The WEDOS simulator the daemon talks to, when the harness was started with `simulator: true`. */
  sim: RunningSimulator | undefined;
  /** What the daemon logged. */
  logs: string[];
  visit(visit: PageVisit): Promise<PageRun>;
  /** Stops only the web listener (the "daemon down" case). */
  stopWeb(): Promise<void>;
  close(): Promise<void>;
}

/** The WAPI settings of the harness: the password given in the environment, or `wapi` in config.json. */
export const HARNESS_WAPI = {
  url: "http://127.0.0.1:9/wapi/json",
  login: "web@example.test",
  password: "web-test-pass-1",
} as const;

/**
 * `wapiIn: "file"` puts the WAPI address and login in config.json and the password in a 0600 file beside it (what
 * the settings page edits); by default they come from environment variables, which the page cannot change.
 */
export async function startWebHarness(
  options: {
    listen?: string;
    wapiIn?: "environment" | "file";
    simulator?: boolean;
    delegationNameServers?: string[];
    pages?: { zoneMaxBytes?: number; zoneCacheBytes?: number };
    zonePacing?: Pacing;
    zoneWorkerHeapMb?: number;
    /** Serve the simulator's published zones over DNS and make it the resolver of the DNS checks. */
    simulatorDns?: boolean;
  } = {},
): Promise<WebHarness> {
  const clock = new ManualClock("2026-03-10T09:00:00Z");
  const sim =
    options.simulator === true
      ? await startSimulator({ login: HARNESS_WAPI.login, password: HARNESS_WAPI.password, clock })
      : undefined;
  const wapiUrl = sim?.url ?? HARNESS_WAPI.url;
  const dnsServer =
    options.simulatorDns === true && sim !== undefined
      ? await startDnsServer({ port: 0, source: sim.simulator })
      : undefined;
  const root = tempDir("wedos-web-");
  const layout = fixtureTree(join(root, "da"));
  const dataDir = join(root, "data");
  const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir }, clock });
  const api = await da.startApi();
  const configFile = join(root, "config.json");
  const listen = options.listen ?? join(root, "run", "daemon.sock");
  const inFile = options.wapiIn === "file";
  const passwordFile = join(root, "wapi-password");
  if (inFile) writeFileSync(passwordFile, `${HARNESS_WAPI.password}\n`, { mode: 0o600 });
  const wapi = inFile ? { wapi: { url: wapiUrl, login: HARNESS_WAPI.login, passwordFile } } : {};
  const writeConfig = (address: string) =>
    writeFileSync(
      configFile,
      JSON.stringify(
        {
          ...wapi,
          directadmin: { root: layout.root, virtualDir: layout.virtualDir, apiUrl: api.url, identity: "session" },
          dns: {
            zoneDir: layout.zoneDir,
            propagationCheck: false,
            delegationCheck: false,
            ...(dnsServer === undefined ? {} : { delegationResolver: `127.0.0.1:${dnsServer.port}` }),
            ...(options.delegationNameServers === undefined
              ? {}
              : { delegationNameServers: options.delegationNameServers }),
          },
          daemon: { listen: address },
          pages: { proofDir: join(root, "run", "proof"), ...options.pages },
        },
        null,
        2,
      ),
    );
  writeConfig(listen);
  const wapiEnv = inFile
    ? {}
    : { WEDOS_WAPI_URL: wapiUrl, WEDOS_WAPI_LOGIN: HARNESS_WAPI.login, WEDOS_WAPI_PASSWORD: HARNESS_WAPI.password };
  const config = loadConfig({ WEDOS_PANEL_CONFIG: configFile, WEDOS_PANEL_DATA_DIR: dataDir, ...wapiEnv });
  const services = createServices(config, clock, new DirectAdminPanel(layout));
  const logs: string[] = [];
  const web = await startWebServer(services, {
    log: (line) => logs.push(line),
    zoneWorkerScript: COMPILED_ZONE_WORKER,
    zoneWorkerHeapMb: options.zoneWorkerHeapMb,
    ...(options.zonePacing === undefined ? {} : { zonePacing: options.zonePacing }),
  });
  // With port 0 the real port is known only now; the entry scripts read it from the configuration.
  if (web.address !== listen) writeConfig(web.address);
  let webOpen = true;
  let closed = false;
  const stopWeb = async () => {
    if (webOpen) await web.close();
    webOpen = false;
  };
  return {
    clock,
    da,
    api,
    services,
    inventory: services.tasks.inventory,
    web,
    root,
    configFile,
    dataDir,
    sim,
    logs,
    visit: (visit) => da.runPage({ ...visit, env: { WEDOS_PANEL_CONFIG: configFile, ...visit.env } }),
    stopWeb,
    close: async () => {
      if (closed) return;
      closed = true;
      await stopWeb();
      await api.close();
      await services.close();
      await dnsServer?.close();
      await sim?.close();
    },
  };
}

/**
 * The accounts most tests share: `admin`; reseller `res1` with customers `alice` (alice.test) and `bob` (bob.test);
 * reseller `res2` with `carol` (carol.test). Accounts and domains are made through the emulator (real hooks, spool,
 * ingest), so logins and the inventory agree.
 */
export async function seedTenants(h: WebHarness): Promise<void> {
  h.da.createStaffAccount("admin", "admin");
  h.da.createStaffAccount("res1", "reseller", { creator: "admin" });
  h.da.createStaffAccount("res2", "reseller", { creator: "admin" });
  for (const [username, creator] of [
    ["alice", "res1"],
    ["bob", "res1"],
    ["carol", "res2"],
  ] as const) {
    await h.da.createUser({
      username,
      domain: `${username}.test`,
      package: "default",
      ip: "192.0.2.10",
      email: `${username}@example.test`,
      creator,
      password: "Customer-Pass-1",
    });
  }
  h.services.ingest();
}

/**
 * A new customer `dave` of res1 (dave.test) whose zone WEDOS refuses with `code` when it is created (a simulator
 * fault), made through the emulator and run until every job settled. Needs a harness with the simulator.
 */
export async function addRefusedCustomer(h: WebHarness, code: number): Promise<void> {
  h.sim?.simulator.addFault({ command: "dns-domain-add", kind: "wapi-code", code });
  await h.da.createUser({
    username: "dave",
    domain: "dave.test",
    package: "default",
    ip: "192.0.2.10",
    email: "dave@example.test",
    creator: "res1",
    password: "Customer-Pass-1",
  });
  h.services.ingest();
  await h.services.worker.runUntilIdle();
}

/**
 * On top of seedTenants: something in every table and a badge of each kind — alice.test's DNS in error with active
 * protection, bob.test waiting, a conflict on carol.test, a failed job, a WAPI call, a connection test's answer
 * and a second package policy — so page-wide checks see every part of every page.
 */
export async function seedEveryState(h: WebHarness): Promise<void> {
  const now = h.clock.now();
  h.inventory.setDnsStatus("alice.test", "error", reason("wedos-refused", "WEDOS refused the zone"), now);
  h.inventory.setDnsStatus("bob.test", "pending", null, now);
  h.services.tasks.protections.recordOrdering(
    { domain: "alice.test", variant: "start", period: "monthly", mode: "ns", upstreamIps: ["192.0.2.10"] },
    now,
  );
  h.services.tasks.protections.update("alice.test", { state: "active", reason: null, activatedAt: now }, now);
  h.services.tasks.conflicts.flag("carol.test", "zone", "a zone for carol.test already exists at WEDOS", now);
  h.services.wapi.calls.record({
    at: now,
    command: "dns-row-add",
    domain: "alice.test",
    clTRID: "wp-1",
    lane: "records",
    outcome: "permanent",
    wapiCode: 2316,
    durationMs: 42,
    error: "refused",
  });
  h.services.queue.enqueue(taskFromTheFuture, { domain: "alice.test" });
  h.services.queue.enqueue(testConnectionTask, {}, { lane: "interactive" });
  await h.services.worker.runUntilIdle();
  h.services.tasks.policies.save(
    "gold",
    {
      dnsMode: "primary",
      protection: "advanced",
      protectionPeriod: "yearly",
      protectionMode: "cname",
      protectionChoice: "opt-out",
      planChoice: "fixed",
      protectionTemplate: "",
      onSuspend: "withdraw",
      termination: "delete",
      graceDays: 14,
      zoneQuota: 5,
    },
    now,
  );
}

/**
 * For a describe block (or a file): a fresh harness, seeded by `seed`, before each test, closed after it. Returns
 * the way to reach the current test's harness.
 */
export function useSeededHarness(seed: (h: WebHarness) => Promise<void>): () => WebHarness {
  let h: WebHarness | undefined;
  beforeEach(async () => {
    h = await startWebHarness();
    await seed(h);
  });
  afterEach(async () => {
    await h?.close();
  });
  return () => {
    if (h === undefined) throw new Error("the harness exists only inside a test");
    return h;
  };
}

/** useSeededHarness with seedTenants and seedEveryState. */
export function useHarnessWithEveryState(): () => WebHarness {
  return useSeededHarness(async (h) => {
    await seedTenants(h);
    await seedEveryState(h);
  });
}

/** The main pages of each level (paths inside the plugin), with the account that visits them. */
export const MAIN_PAGES = {
  user: {
    account: "alice",
    paths: ["/", "/?status=problems", "/domains/alice.test", "/no/such/page", "/support?domain=alice.test", "/notices"],
  },
  reseller: { account: "res1", paths: ["/", "/domains/bob.test"] },
  admin: {
    account: "admin",
    paths: ["/", "/domains/carol.test", "/operations", "/drift", "/policies", "/settings", "/notices"],
  },
} as const;

/**
 * One main page as the visitor's browser gets it (for raw, the body of the HTTP response). A page that fails on
 * the server throws: an error page has the layout too, so page-wide checks would otherwise pass on it.
 */
export async function visitMainPage(
  h: WebHarness,
  level: keyof typeof MAIN_PAGES,
  mode: "html" | "raw",
  path: string,
  language = "en",
): Promise<string> {
  const [page = "/", query = ""] = path.split("?");
  const logged = h.logs.length;
  const run = await h.visit({
    level,
    file: `index.${mode}`,
    session: h.da.login(MAIN_PAGES[level].account),
    query: [page === "/" ? "" : `p=${page}`, query].filter(Boolean).join("&"),
    env: { LANGUAGE: language },
  });
  const failures = h.logs.slice(logged).filter((line) => line.startsWith("web: 5"));
  if (failures.length > 0) throw new Error(`${level} ${mode} ${path} failed on the server: ${failures.join("; ")}`);
  return mode === "raw" ? parseRaw(run.stdout).body : run.stdout;
}

/** The shared accounts ({@link seedTenants}) with their zones already made at the WEDOS simulator. */
export async function startProvisionedHarness(): Promise<WebHarness> {
  const h = await startWebHarness({ simulator: true });
  await seedTenants(h);
  await h.services.worker.runUntilIdle();
  return h;
}

/** A raw-mode page's output split into status, headers (lower-case names) and body. */
export function parseRaw(output: string): { status: number; headers: Map<string, string>; body: string } {
  const end = output.indexOf("\r\n\r\n");
  if (end < 0) throw new Error(`not an HTTP response: ${JSON.stringify(output.slice(0, 200))}`);
  const [statusLine = "", ...lines] = output.slice(0, end).split("\r\n");
  const match = /^HTTP\/1\.1 (\d{3}) \S/.exec(statusLine);
  if (match === null) throw new Error(`bad status line: ${statusLine}`);
  const headers = new Map(
    lines.map(
      (line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()] as const,
    ),
  );
  return { status: Number(match[1]), headers, body: output.slice(end + 4) };
}

/** The CSRF token a rendered page carries (on its wrapper, and in every form). */
/** Posts a form to an admin page as `admin` through the raw entry, and returns the parsed answer. */
export async function adminPost(
  h: WebHarness,
  path: string,
  fields: Record<string, string>,
): Promise<ReturnType<typeof parseRaw>> {
  const run = await h.visit({
    level: "admin",
    file: "index.raw",
    session: h.da.login("admin"),
    method: "POST",
    query: `p=${path}`,
    post: form(fields),
  });
  return parseRaw(run.stdout);
}

export function csrfTokenIn(html: string): string {
  const match = /data-csrf-token="([^"]+)"/.exec(html);
  if (match === null) throw new Error("the page has no CSRF token field");
  return match[1] as string;
}

/**
 * A POST from the visitor's raw page to `path`, its body made by `encode` from the fields and a CSRF token taken
 * from the visitor's home page (left out with `withToken: false`).
 */
export async function postAs(
  h: WebHarness,
  level: "user" | "reseller" | "admin",
  username: string,
  path: string,
  fields: Record<string, string>,
  { withToken = true, encode = form }: { withToken?: boolean; encode?: typeof form } = {},
): Promise<ReturnType<typeof parseRaw>> {
  const token: Record<string, string> = withToken
    ? { csrf: csrfTokenIn((await h.visit({ level, session: h.da.login(username) })).stdout) }
    : {};
  const run = await h.visit({
    level,
    file: "index.raw",
    session: h.da.login(username),
    method: "POST",
    query: `p=${path}`,
    post: encode({ ...fields, ...token }),
  });
  return parseRaw(run.stdout);
}

/** A form body as a browser encodes it. */
export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** The session variables' values, to check that no output ever shows them. */
export function sessionValues(session: DirectAdminSession): string[] {
  return [session.SESSION_ID, session.SESSION_KEY];
}

/**
 * A customer of res1 whose domain `<username>.test` already had a zone at WEDOS, with a row `old` (and
 * `old1`…`old<extraRows>`), before the account was made: its provisioning finds the zone not created by the plugin and flags a conflict.
 */
export async function accountWithForeignZone(h: WebHarness, username: string, extraRows = 0): Promise<void> {
  const domain = `${username}.test`;
  await h.services.wapi.dns.domainAdd({ name: domain });
  await h.services.wapi.dns.rowAdd({ domain, name: "old", ttl: 300, type: "A", rdata: "198.51.100.1" });
  for (let i = 1; i <= extraRows; i++)
    await h.services.wapi.dns.rowAdd({ domain, name: `old${i}`, ttl: 300, type: "A", rdata: "198.51.100.1" });
  await h.services.wapi.dns.domainCommit(domain);
  await h.da.createUser({
    username,
    domain,
    package: "default",
    ip: "192.0.2.10",
    email: `${username}@example.test`,
    creator: "res1",
    password: "Customer-Pass-1",
  });
  h.services.ingest();
  await h.services.worker.runUntilIdle();
}
