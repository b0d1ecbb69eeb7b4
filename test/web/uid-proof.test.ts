import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmulatedDirectAdmin,
  fixtureTree,
  runPluginPage,
  type DirectAdminSession,
  type PageRun,
  type PageVisit,
  type RunningDirectAdminApi,
} from "../../src/emulators/directadmin/index.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { selfSigned } from "../support/certificates.js";
import {
  giveTo,
  requireRoot,
  startDaemonAs,
  writePasswd,
  type DaemonProcess,
  type UnixAccount,
} from "../support/unprivileged-daemon.js";
import { csrfTokenIn, form, parseRaw } from "./support.js";

/**
 * Who is asking on DirectAdmin, proven by the unix account that runs the page (docs/decisions/0012-who-is-asking.md),
 * for real: the package's entry script runs under distinct uids as DirectAdmin runs it for each visitor, against
 * `wedos-panel serve` running as an unprivileged service account with no capability. The accounts exist only as
 * numbers in a passwd file made for the test.
 */
const SERVICE: UnixAccount = { name: "wedos-panel", uid: 20_999 };
const BOB: UnixAccount = { name: "bob", uid: 20_001 };
const RES1: UnixAccount = { name: "res1", uid: 20_002 };
const ADMIN: UnixAccount = { name: "admin", uid: 20_003 };
const ALICE: UnixAccount = { name: "alice", uid: 20_004 };
const MYSQL: UnixAccount = { name: "mysql", uid: 20_005 };
const UNNAMED = 20_777;

interface Machine {
  root: string;
  da: EmulatedDirectAdmin;
  configFile: string;
  proofDir: string;
  socket: string;
  daemon: DaemonProcess;
  api: RunningDirectAdminApi | undefined;
  /** Runs an entry (default user/index.html) as `as`, under login-as when `loginAs` is given. */
  page(as: UnixAccount | number, visit?: Partial<PageVisit> & { loginAs?: string }): Promise<PageRun>;
  close(): Promise<void>;
}

/**
 * A DirectAdmin server as far as the pages see it: the emulated tree with admin, reseller res1 and its customers bob
 * (bob.test) and alice (alice.test), made by the real hooks; the daemon as SERVICE; `directadmin` settings merged
 * into the configuration (world-readable, as customers' entries read daemon.listen from it).
 */
async function startMachine(
  directadmin: (root: string) => Record<string, unknown>,
  tls?: { key: string; cert: string },
): Promise<Machine> {
  requireRoot();
  // One machine serves a whole describe block, so its directory outlives each test (tempDir's would not).
  const root = mkdtempSync(join(tmpdir(), "wedos-panel-uid-"));
  chmodSync(root, 0o755);
  const layout = fixtureTree(join(root, "da"));
  const dataDir = join(root, "data");
  const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir } });
  da.createStaffAccount("admin", "admin");
  da.createStaffAccount("res1", "reseller", { creator: "admin" });
  for (const name of ["bob", "alice"]) {
    await da.createUser({
      username: name,
      domain: `${name}.test`,
      package: "default",
      ip: "192.0.2.10",
      email: `${name}@example.test`,
      creator: "res1",
      password: "Customer-Pass-1",
    });
  }
  const api = tls === undefined ? undefined : await da.startApi(tls);
  const passwdFile = join(root, "passwd");
  writePasswd(passwdFile, [SERVICE, BOB, RES1, ADMIN, ALICE, MYSQL]);
  // The daemon owns its data directory; on a server the panel reader reads DirectAdmin's tree for it, here the
  // in-process reader does, so the tree is the service account's too.
  giveTo(dataDir, SERVICE.uid);
  giveTo(layout.root, SERVICE.uid);
  const runDir = join(root, "run");
  const socket = join(runDir, "daemon.sock");
  const configFile = join(root, "config.json");
  const apiUrl = api === undefined ? {} : { apiUrl: `https://localhost:${api.port}` };
  const config = {
    dataDir,
    directadmin: { root: layout.root, virtualDir: layout.virtualDir, ...apiUrl, ...directadmin(root) },
    dns: { zoneDir: layout.zoneDir, propagationCheck: false, delegationCheck: false },
    daemon: { listen: socket, reconcileCron: "0 0 1 1 *" },
    pages: { passwdFile },
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o644 });
  const daemon = await startDaemonAs(SERVICE.uid, { configFile, runDir });
  const madeUp: DirectAdminSession = { SESSION_ID: "0123456789abcdef", SESSION_KEY: "made-up-key" };
  return {
    root,
    da,
    configFile,
    proofDir: join(runDir, "proof"),
    socket,
    daemon,
    api,
    page: (as, visit = {}) => {
      const uid = typeof as === "number" ? as : as.uid;
      const username = typeof as === "number" ? "nobody" : as.name;
      return runPluginPage(
        { pluginDir: PACKAGE_ROOT, username, loginAs: visit.loginAs },
        {
          level: "user",
          session: madeUp,
          ...visit,
          runAs: { uid, gid: uid },
          env: { WEDOS_PANEL_CONFIG: configFile, ...visit.env },
        },
      );
    },
    close: async () => {
      await daemon.stop();
      await api?.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs a shell command as an account (what any local process of that account could do). */
function shellAs(account: UnixAccount, command: string): { status: number | null; stderr: string } {
  const run = spawnSync("/bin/sh", ["-c", command], { uid: account.uid, gid: account.uid, encoding: "utf8" });
  return { status: run.status, stderr: run.stderr };
}

/** Sends an envelope straight to the daemon, as any local process could; returns the raw page's status and body. */
function post(socket: string, records: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = Object.entries(records)
    .map(([name, value]) => `${name}=${value}\0`)
    .join("");
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, method: "POST", path: "/v1/page/user/raw" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(parseRaw(Buffer.concat(chunks).toString("utf8"))));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const raw = (run: PageRun) => parseRaw(run.stdout);
const hex = (length: number, digit: string) => digit.repeat(length);

describe('identity "uid" (the default): the unix account that runs the page, its level from user.conf', () => {
  let m: Machine;
  beforeAll(async () => {
    m = await startMachine(() => ({}));
  }, 60_000);
  afterAll(async () => {
    await m.close();
  });

  it("shows a customer, a reseller and an admin as themselves, whatever USERNAME says, and leaves no proof behind", async () => {
    const bob = await m.page(BOB, { env: { USERNAME: "alice" } });
    expect(bob.stdout).toContain("Signed in as bob (user)");
    expect(bob.stdout).toContain(">bob.test</a>");
    expect(bob.stdout).not.toContain("alice.test");
    const reseller = await m.page(RES1, { level: "reseller" });
    expect(reseller.stdout).toContain("Signed in as res1 (reseller)");
    expect(reseller.stdout).toContain("alice.test");
    const admin = raw(await m.page(ADMIN, { level: "admin", file: "index.raw" }));
    expect(admin.status).toBe(200);
    expect(admin.body).toContain("Signed in as admin (admin)");
    expect(readdirSync(m.proofDir)).toEqual([]);
  });

  it("never opens a page above the account's level, and opens the lower ones on the account's own domains", async () => {
    for (const [account, level] of [
      [BOB, "reseller"],
      [BOB, "admin"],
      [RES1, "admin"],
    ] as const) {
      const page = raw(await m.page(account, { level, file: "index.raw" }));
      expect(page.status, `${account.name} on ${level}`).toBe(403);
      expect(page.body).toContain("This page is for another access level than your account has.");
    }
    const adminAsUser = await m.page(ADMIN);
    expect(adminAsUser.stdout).toContain("Signed in as admin (user)");
    expect(adminAsUser.stdout).toContain("No domains yet.");
  });

  it("refuses a uid that is no DirectAdmin account: a system account, a uid without a name, root", async () => {
    for (const account of [MYSQL, UNNAMED, 0]) {
      const page = raw(await m.page(account, { file: "index.raw" }));
      expect(page.status, String(account)).toBe(403);
      expect(page.body).not.toContain("bob.test");
    }
    await m.daemon.logged(`uid ${MYSQL.uid} (mysql) is not an account of the panel`);
    await m.daemon.logged(`uid ${UNNAMED} has no entry in`);
  });

  it("shows login-as, and writes who acted — the admin as the customer — to the daemon's log with each action", async () => {
    const page = await m.page(BOB, { loginAs: "res1" });
    expect(page.stdout).toContain("res1 is logged in as bob (user)");
    expect(page.stdout).not.toContain("Signed in as");
    const csrf = csrfTokenIn(page.stdout);
    const sync = await m.page(BOB, {
      loginAs: "res1",
      method: "POST",
      query: "p=/sync",
      post: form({ csrf, domain: "bob.test" }),
    });
    expect(sync.stdout).toContain("A sync of bob.test has been queued");
    await m.daemon.logged("page action: res1 as bob (user level, proven by uid): POST /user/sync");
  });

  it("refuses forged, planted and linked proofs: only the account's own new file proves the account", async () => {
    const nonce = hex(64, "a");
    expect((await post(m.socket, { REQUEST_METHOD: "GET" })).status).toBe(401);
    expect((await post(m.socket, { PROOF: `${hex(32, "1")}:${nonce}` })).status).toBe(401); // no such file
    // Bob's own file, but readable by him alone: the daemon, holding no privilege, cannot even open it.
    expect(shellAs(BOB, `umask 077 && printf %s ${nonce} > ${m.proofDir}/${hex(32, "2")}`).status).toBe(0);
    expect((await post(m.socket, { PROOF: `${hex(32, "2")}:${nonce}` })).status).toBe(401);
    // Bob's file that others may write: anyone could have put the nonce there.
    expect(shellAs(BOB, `umask 0 && printf %s ${nonce} > ${m.proofDir}/${hex(32, "3")}`).status).toBe(0);
    expect((await post(m.socket, { PROOF: `${hex(32, "3")}:${nonce}` })).status).toBe(401);
    await m.daemon.logged(`web: 401 page proof refused: the proof file cannot be opened (EACCES)`);
    // Alice points a name of hers at a file of Bob's holding the nonce: a link is never followed.
    const bobsHome = join(m.root, "home-bob");
    mkdirSync(bobsHome);
    chownSync(bobsHome, BOB.uid, BOB.uid);
    const bobsFile = join(bobsHome, "file");
    expect(shellAs(BOB, `umask 0222 && printf %s ${nonce} > ${bobsFile}`).status).toBe(0);
    expect(shellAs(ALICE, `ln -s ${bobsFile} ${m.proofDir}/${hex(32, "4")}`).status).toBe(0);
    expect((await post(m.socket, { PROOF: `${hex(32, "4")}:${nonce}` })).status).toBe(401);
    // A hard link instead: with fs.protected_hardlinks (systemd's default) the kernel refuses it to Alice; one made
    // anyway has two links.
    const protectedHardlinks = readFileSync("/proc/sys/fs/protected_hardlinks", "utf8").trim() === "1";
    expect(shellAs(ALICE, `ln ${bobsFile} ${m.proofDir}/${hex(32, "5")}`).status === 0).toBe(!protectedHardlinks);
    if (protectedHardlinks) linkSync(bobsFile, join(m.proofDir, hex(32, "5")));
    expect((await post(m.socket, { PROOF: `${hex(32, "5")}:${nonce}` })).status).toBe(401);
    // Alice's own proof proves Alice, and only once.
    expect(shellAs(ALICE, `umask 0222 && printf %s ${nonce} > ${m.proofDir}/${hex(32, "6")}`).status).toBe(0);
    const alice = await post(m.socket, { PROOF: `${hex(32, "6")}:${nonce}` });
    expect(alice.body).toContain("Signed in as alice (user)");
    expect(alice.body).not.toContain("bob.test");
    expect((await post(m.socket, { PROOF: `${hex(32, "6")}:${nonce}` })).status).toBe(401);
    // Refused proofs stay where their makers put them; the sticky directory keeps them out of anyone else's reach.
    for (const name of readdirSync(m.proofDir)) rmSync(join(m.proofDir, name));
  });

  it("prints the short message when the proof cannot be made (the directory is missing) or the daemon does not answer", async () => {
    const elsewhere = join(m.root, "other-config.json");
    writeFileSync(
      elsewhere,
      JSON.stringify({ daemon: { listen: m.socket }, pages: { proofDir: join(m.root, "no-such-dir") } }),
      { mode: 0o644 },
    );
    const noDir = await m.page(BOB, { env: { WEDOS_PANEL_CONFIG: elsewhere } });
    expect(noDir.stdout).toContain("WEDOS DNS is temporarily unavailable.");
    writeFileSync(
      elsewhere,
      JSON.stringify({ daemon: { listen: join(m.root, "no.sock") }, pages: { proofDir: m.proofDir } }),
      { mode: 0o644 },
    );
    const noDaemon = raw(await m.page(BOB, { file: "index.raw", env: { WEDOS_PANEL_CONFIG: elsewhere } }));
    expect(noDaemon.status).toBe(503);
    expect(noDaemon.body).toContain("WEDOS DNS is temporarily unavailable.");
    expect(readdirSync(m.proofDir)).toEqual([]);
  });
});

describe('identity "uid+session": the uid proof and DirectAdmin\'s word on the session, which must agree', () => {
  let m: Machine;
  beforeAll(async () => {
    // DirectAdmin's self-signed certificate, trusted as the only one (the default trust), reached over loopback.
    const certificate = selfSigned("localhost");
    m = await startMachine((root) => {
      const certificateFile = join(root, "cacert.pem");
      writeFileSync(certificateFile, certificate.cert, { mode: 0o644 });
      return { identity: "uid+session", sessionCheck: { address: "loopback", certificateFile } };
    }, certificate);
  }, 60_000);
  afterAll(async () => {
    await m.close();
  });

  it("shows the page when both say the same account, and refuses a session of another account or an ended one", async () => {
    const bob = await m.page(BOB, { session: m.da.login("bob") });
    expect(bob.stdout).toContain("Signed in as bob (user)");
    const alicesSession = raw(await m.page(BOB, { file: "index.raw", session: m.da.login("alice") }));
    expect(alicesSession.status).toBe(401);
    expect(alicesSession.body).not.toContain("bob.test");
    await m.daemon.logged("the page runs as bob (user) but DirectAdmin says its session is alice's (user)");
    const ended = m.da.login("bob");
    m.da.logout(ended);
    expect(raw(await m.page(BOB, { file: "index.raw", session: ended })).status).toBe(401);
    // Without a proof a live session opens nothing.
    expect((await post(m.socket, { SESSION_ID: ended.SESSION_ID, SESSION_KEY: ended.SESSION_KEY })).status).toBe(401);
  });

  it("shows login-as backed by a live session of the customer, and logs the action as proven by both", async () => {
    const session = m.da.login("bob", { loginAs: "admin" });
    const page = await m.page(BOB, { loginAs: "admin", session });
    expect(page.stdout).toContain("admin is logged in as bob");
    const sync = await m.page(BOB, {
      loginAs: "admin",
      session,
      method: "POST",
      query: "p=/sync",
      post: form({ csrf: csrfTokenIn(page.stdout), domain: "bob.test" }),
    });
    expect(sync.stdout).toContain("A sync of bob.test has been queued");
    await m.daemon.logged("page action: admin as bob (user level, proven by uid+session): POST /user/sync");
    expect(m.api?.requests.filter((entry) => entry.path === "/CMD_API_SHOW_USER_CONFIG").length).toBeGreaterThan(0);
  });

  it("limits failed checks per proven account: res1's made-up sessions stop being checked after two, others still verify", async () => {
    const asked = () => m.api?.requests.filter((entry) => entry.status === 401).length ?? 0;
    const before = asked();
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) {
      const madeUp = { SESSION_ID: hex(24, String(n)), SESSION_KEY: hex(32, "f") };
      statuses.push(raw(await m.page(RES1, { level: "reseller", file: "index.raw", session: madeUp })).status);
    }
    expect(statuses).toEqual([401, 401, 503, 503]);
    expect(asked() - before).toBe(2);
    await m.daemon.logged("web: session checks paused for res1");
    expect((await m.page(ALICE, { session: m.da.login("alice") })).stdout).toContain("Signed in as alice (user)");
  });
});
