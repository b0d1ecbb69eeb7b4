import { chmodSync, linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  EmulatedCpanel,
  cpanelFixtureTree,
  runCpanelPage,
  type CpanelPageRun,
  type CpanelPageVisit,
} from "../../src/emulators/cpanel/index.js";
import { CpanelPanel } from "../../src/panel/cpanel/reader.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { readCpanelPageRequest } from "../../src/web/cpanel-protocol.js";
import { WebError } from "../../src/web/errors.js";
import { mayOpen } from "../../src/web/identity/identity.js";
import { prepareProofDir, ProofDirectory } from "../../src/web/identity/proof-file.js";
import { UidProver } from "../../src/web/identity/uid-prover.js";
import { tempDir } from "../support/temp-dir.js";
import { payload } from "../panel/cpanel/support.js";

const USER_ENTRY = join(PACKAGE_ROOT, "cpanel", "plugin", "index.live.pl");
const WHM_ENTRY = join(PACKAGE_ROOT, "cpanel", "whm", "index.cgi");
const uid = process.getuid?.() ?? 0;
/** A uid no account has: with it as the admin uid, this test's own proofs are a cPanel account's. */
const NOBODYS_UID = 4_294_967_294;

/**
 * The cPanel entries against a stand-in for the daemon's endpoint on 127.0.0.1 (or a Unix socket): the real protocol
 * reader and uid prover, answering with the CGI output the entry must print — the proven identity as JSON.
 */
interface Endpoint {
  root: string;
  proofDir: string;
  config: string;
  server: Server;
  address: string;
}

let endpoint: Endpoint;
let passwd: string;

async function startEndpoint(options: { whmUid: number; socket?: boolean }): Promise<Endpoint> {
  const root = tempDir("wedos-panel-cpanel-web-");
  const layout = cpanelFixtureTree(join(root, "cpanel"));
  const cpanel = new EmulatedCpanel({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "data") } });
  await cpanel.perform(payload("whostmgr-accounts-create"));
  cpanel.files.setResellerAcls("reseller1", ["all"]);
  passwd = join(root, "passwd");
  writeFileSync(
    passwd,
    `daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nalice:x:${uid}:${uid}::/home/alice:/bin/bash\n`,
  );
  const proofDir = join(root, "run", "proof");
  prepareProofDir(proofDir);
  const verifier = new UidProver({
    proofs: new ProofDirectory(proofDir),
    panel: new CpanelPanel(layout),
    passwdFile: passwd,
    whmUid: options.whmUid,
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const level = /^\/v1\/cpanel\/([a-z]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const cgi = (status: number, body: unknown) =>
        res
          .writeHead(200)
          .end(`Status: ${status} Stand-in\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(body)}`);
      void (async () => {
        const page = readCpanelPageRequest(level, Buffer.concat(chunks));
        const verdict = await verifier.prove(page);
        if (!mayOpen(verdict.usertype, page.level))
          throw new WebError(403, "error.wrongLevel", `${verdict.usertype} on ${page.level}`);
        const fields =
          page.body.kind === "form"
            ? Object.fromEntries(page.body.fields)
            : page.body.kind === "json"
              ? page.body.value
              : null;
        const { provenBy, ...who } = verdict;
        cgi(200, {
          ...who,
          proof: provenBy,
          level: page.level,
          method: page.method,
          path: page.path,
          query: page.query.toString(),
          body: fields,
          securityToken: page.claimed.securityToken ?? null,
        });
      })().catch((error: unknown) =>
        cgi(error instanceof WebError ? error.status : 500, { error: (error as Error).message }),
      );
    });
  });
  const socketPath = join(root, "run", "daemon.sock");
  mkdirSync(join(root, "run"), { recursive: true });
  await new Promise<void>((resolve) =>
    options.socket === true ? server.listen(socketPath, resolve) : server.listen(0, "127.0.0.1", resolve),
  );
  const address = options.socket === true ? socketPath : `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = join(root, "config.json");
  writeFileSync(config, JSON.stringify({ daemon: { listen: address }, pages: { proofDir } }));
  return { root, proofDir, config, server, address };
}

/** Runs an entry as cpsrvd runs a page (the emulator's runner), reading the stand-in's JSON answer. */
async function runEntry(
  script: string,
  visit: Omit<CpanelPageVisit, "script" | "remoteUser"> & { remoteUser?: string } = {},
): Promise<CpanelPageRun & { json: Record<string, unknown> | undefined }> {
  const run = await runCpanelPage({
    script,
    remoteUser: "alice",
    ...visit,
    env: { WEDOS_PANEL_CONFIG: endpoint.config, ...visit.env },
  });
  return {
    ...run,
    json:
      run.headers.get("content-type") === "application/json"
        ? (JSON.parse(run.body) as Record<string, unknown>)
        : undefined,
  };
}

/** Sends an envelope straight to the endpoint, as any local process could. */
function post(level: string, records: Record<string, string>): Promise<Record<string, unknown>> {
  const body = Object.entries(records)
    .map(([name, value]) => `${name}=${value}\0`)
    .join("");
  const [host, port] = endpoint.address.split(":");
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), method: "POST", path: `/v1/cpanel/${level}` }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve(
          JSON.parse(Buffer.concat(chunks).toString("utf8").split("\r\n\r\n")[1] as string) as Record<string, unknown>,
        ),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

afterEach(async () => {
  await new Promise<void>((resolve) => endpoint.server.close(() => resolve()));
});

describe("the cPanel page entry (index.live.pl, run as the cPanel account)", () => {
  beforeEach(async () => {
    endpoint = await startEndpoint({ whmUid: NOBODYS_UID });
  });

  it("proves the account from the unix user running it, never from REMOTE_USER, and forwards the page", async () => {
    const page = await runEntry(USER_ENTRY, {
      query: "p=%2Fdomains%2Falice.test&sort=name",
      remoteUser: "bob",
      securityToken: "/cpsess0123456789",
    });
    expect(page.status).toBe(200);
    expect(page.json).toEqual({
      username: "alice",
      usertype: "user",
      proof: "uid",
      level: "user",
      method: "GET",
      path: "/domains/alice.test",
      query: "sort=name",
      body: null,
      securityToken: "/cpsess0123456789",
    });
    expect(readdirSync(endpoint.proofDir)).toEqual([]);
  });

  it("forwards a posted form from stdin with its content type", async () => {
    const page = await runEntry(USER_ENTRY, {
      query: "p=/sync",
      body: { contentType: "application/x-www-form-urlencoded", text: "csrf=abc.def&domain=alice.test" },
    });
    expect(page.json).toMatchObject({
      username: "alice",
      method: "POST",
      path: "/sync",
      body: { csrf: "abc.def", domain: "alice.test" },
    });
  });

  it("refuses a unix account that is not a cPanel account, and the admin level to an account", async () => {
    writeFileSync(passwd, `mysql:x:${uid}:${uid}::/var/lib/mysql:/bin/false\n`);
    expect((await runEntry(USER_ENTRY)).json).toEqual({ error: `uid ${uid} (mysql) is not an account of the panel` });
    writeFileSync(passwd, `alice:x:${uid}:${uid}::/home/alice:/bin/bash\n`);
    const admin = await runEntry(WHM_ENTRY, { remoteUser: "root" });
    expect(admin.status).toBe(403);
  });

  it("prints its own short page when the daemon does not answer, and leaves no proof behind", async () => {
    await new Promise<void>((resolve) => endpoint.server.close(() => resolve()));
    endpoint.server = createServer(); // nothing listens on the configured address any more
    const page = await runEntry(USER_ENTRY);
    expect(page.status).toBe(503);
    expect(page.body).toContain("WEDOS DNS is temporarily unavailable.");
    expect(readdirSync(endpoint.proofDir)).toEqual([]);
  });

  it("refuses every forged proof: no proof, another nonce, a link, a file others could write, a hard link, a path, a replay", async () => {
    const make = (name: string, content: string, mode = 0o444) => {
      writeFileSync(join(endpoint.proofDir, name), content);
      chmodSync(join(endpoint.proofDir, name), mode);
    };
    const [a, b, c, d, e] = ["a", "b", "c", "d", "e"].map((letter) => letter.repeat(32)) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const nonce = "ab".repeat(32);
    expect(await post("user", {})).toEqual({ error: "page proof refused: no proof, or not <name>:<nonce>" });
    make(a, nonce);
    expect(await post("user", { PROOF: `${a}:${"cd".repeat(32)}` })).toEqual({
      error: "page proof refused: the proof holds another nonce",
    });
    writeFileSync(join(endpoint.root, "elsewhere"), nonce, { mode: 0o444 });
    symlinkSync(join(endpoint.root, "elsewhere"), join(endpoint.proofDir, b));
    expect(await post("user", { PROOF: `${b}:${nonce}` })).toEqual({
      error: "page proof refused: the proof file cannot be opened (ELOOP)",
    });
    make(c, nonce, 0o666);
    expect(await post("user", { PROOF: `${c}:${nonce}` })).toEqual({
      error: "page proof refused: the proof is not a regular file with one link that only its owner can write",
    });
    linkSync(join(endpoint.root, "elsewhere"), join(endpoint.proofDir, d));
    expect(await post("user", { PROOF: `${d}:${nonce}` })).toEqual({
      error: "page proof refused: the proof is not a regular file with one link that only its owner can write",
    });
    expect(await post("user", { PROOF: `../../elsewhere:${nonce}` })).toEqual({
      error: "page proof refused: no proof, or not <name>:<nonce>",
    });
    make(e, nonce);
    expect(await post("user", { PROOF: `${e}:${nonce}` })).toMatchObject({ username: "alice" });
    expect(await post("user", { PROOF: `${e}:${nonce}` })).toEqual({
      error: "page proof refused: the proof file cannot be opened (ENOENT)",
    });
  });

  it("refuses proofs when the proof directory is not the daemon's sticky 1733 directory", async () => {
    chmodSync(endpoint.proofDir, 0o777);
    const page = await runEntry(USER_ENTRY);
    expect(page.json).toEqual({
      error: `${endpoint.proofDir} is not the proof directory (the daemon's own, mode 1733); restart wedos-panel serve, which makes it`,
    });
  });

  it("reads daemon.listen and pages.proofDir from a configuration in any JSON layout, without a JSON module", async () => {
    for (const layout of [undefined, 2, "\t"] as const) {
      writeFileSync(
        endpoint.config,
        JSON.stringify(
          {
            wapi: { login: 'a "listen": "/elsewhere" b' },
            daemon: { listen: endpoint.address },
            pages: { proofDir: endpoint.proofDir },
          },
          null,
          layout,
        ),
      );
      expect((await runEntry(USER_ENTRY)).json, String(layout)).toMatchObject({ username: "alice" });
    }
  });
});

describe("the WHM page entry (index.cgi, run as root)", () => {
  it("is the admin level for root and a WHM user with the all ACL, over a Unix socket too; REMOTE_USER counts only from root", async () => {
    endpoint = await startEndpoint({ whmUid: uid, socket: true });
    const page = await runEntry(WHM_ENTRY, {
      remoteUser: "root",
      query: "p=/operations",
      securityToken: "/cpsess9876543210",
    });
    expect(page.json).toEqual({
      username: "root",
      usertype: "admin",
      proof: "uid",
      level: "admin",
      method: "GET",
      path: "/operations",
      query: "",
      body: null,
      securityToken: "/cpsess9876543210",
    });
    const reseller = await runEntry(WHM_ENTRY, { remoteUser: "reseller1" });
    expect(reseller.json).toMatchObject({ username: "reseller1", usertype: "admin" });
    expect(readdirSync(endpoint.proofDir)).toEqual([]);
  });
});
