import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmulatedCpanel,
  cpanelFixtureTree,
  runCpanelPage,
  type CpanelPageRun,
  type CpanelPageVisit,
} from "../../src/emulators/cpanel/index.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { payload } from "../panel/cpanel/support.js";
import {
  giveTo,
  requireRoot,
  startDaemonAs,
  writePasswd,
  type DaemonProcess,
  type UnixAccount,
} from "../support/unprivileged-daemon.js";

/**
 * WHM's page checks the WHM user's ACLs itself, as cPanel's guide asks of every WHM plugin: the package's real
 * index.cgi runs as root (as WHM runs it, whoever is logged in) with REMOTE_USER naming the WHM user, against
 * `wedos-panel serve` running as an unprivileged service account. Root and resellers with the `all` ACL get the admin
 * pages; any other reseller, and anyone else, a plain 403 page. The Jupiter entry runs as each account's own uid.
 */
const SERVICE: UnixAccount = { name: "wedos-panel", uid: 20_999 };
const ALICE: UnixAccount = { name: "alice", uid: 20_004 };
const RESELLER_ALL: UnixAccount = { name: "resall", uid: 20_011 };
const RESELLER_SOME: UnixAccount = { name: "ressome", uid: 20_012 };

let root: string;
let configFile: string;
let daemon: DaemonProcess;

beforeAll(async () => {
  requireRoot();
  root = mkdtempSync(join(tmpdir(), "wedos-panel-whm-"));
  chmodSync(root, 0o755);
  const layout = cpanelFixtureTree(join(root, "cpanel"));
  const dataDir = join(root, "data");
  const cpanel = new EmulatedCpanel({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: dataDir } });
  for (const [user, owner] of [
    ["resall", "root"],
    ["ressome", "root"],
    ["alice", "ressome"],
  ]) {
    await cpanel.perform(payload("whostmgr-accounts-create", { user, domain: `${user}.test`, owner }));
  }
  cpanel.files.setResellerAcls("resall", ["all"]);
  cpanel.files.setResellerAcls("ressome", ["list-accts", "create-acct", "edit-dns"]);
  const passwdFile = join(root, "passwd");
  writePasswd(passwdFile, [SERVICE, ALICE, RESELLER_ALL, RESELLER_SOME]);
  giveTo(dataDir, SERVICE.uid);
  giveTo(join(root, "cpanel"), SERVICE.uid); // what the panel reader reads for the daemon on a server
  const runDir = join(root, "run");
  configFile = join(root, "config.json");
  const config = {
    panel: "cpanel",
    dataDir,
    cpanel: { varDir: layout.varDir, etcDir: layout.etcDir },
    dns: { zoneDir: layout.zoneDir, propagationCheck: false, delegationCheck: false },
    daemon: { listen: join(runDir, "daemon.sock"), reconcileCron: "0 0 1 1 *" },
    pages: { passwdFile },
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o644 });
  daemon = await startDaemonAs(SERVICE.uid, { configFile, runDir });
}, 60_000);
afterAll(async () => {
  await daemon.stop();
  rmSync(root, { recursive: true, force: true });
});

/** Sends an envelope to the WHM endpoint as any local process could; the CGI output the daemon answered. */
function post(records: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath: join(root, "run", "daemon.sock"), method: "POST", path: "/v1/cpanel/admin" },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      },
    );
    req.on("error", reject);
    req.end(
      Object.entries(records)
        .map(([key, value]) => `${key}=${value}\0`)
        .join(""),
    );
  });
}

/** WHM's index.cgi, run as root (this test's own user) for the WHM user `remoteUser`. */
const whm = (remoteUser: string, visit: Partial<CpanelPageVisit> = {}): Promise<CpanelPageRun> =>
  runCpanelPage({
    script: join(PACKAGE_ROOT, "cpanel", "whm", "index.cgi"),
    remoteUser,
    ...visit,
    env: { WEDOS_PANEL_CONFIG: configFile },
  });

/** Jupiter's index.live.pl, run as the account's own uid. */
const jupiter = (account: UnixAccount): Promise<CpanelPageRun> =>
  runCpanelPage({
    script: join(PACKAGE_ROOT, "cpanel", "plugin", "index.live.pl"),
    remoteUser: account.name,
    runAs: { uid: account.uid, gid: account.uid },
    env: { WEDOS_PANEL_CONFIG: configFile },
  });

describe("WHM's page (index.cgi as root): the WHM user's ACLs decide", () => {
  it("gives root and a reseller with the all ACL the admin pages", async () => {
    for (const user of ["root", "resall"]) {
      const page = await whm(user, { query: "p=%2Foperations" });
      expect(page.status, user).toBe(200);
      expect(page.body).toContain(`Signed in as ${user} (admin)`);
      expect(page.body).toContain("WEDOS requests this hour");
    }
    expect(daemon.logs.join("\n")).not.toContain("web: 5");
  });

  it("gives a reseller without it, a plain account and an unknown name a 403 page, not the admin pages", async () => {
    for (const user of ["ressome", "alice", "nosuchuser"]) {
      const page = await whm(user, { query: "p=%2Foperations" });
      expect(page.status, user).toBe(403);
      expect(page.body).toContain("This WHM page is for root and for resellers with all privileges (the “all” ACL).");
      expect(page.body).not.toContain("WEDOS requests this hour");
      expect(page.body).not.toContain("alice.test");
    }
    await daemon.logged("web: 403 the WHM user ressome is a reseller without the all ACL");
    await daemon.logged("web: 403 the WHM user alice is a user without the all ACL");
    await daemon.logged("web: 403 the WHM user nosuchuser is neither root nor a reseller");
  });

  it("refuses REMOTE_USER from anyone but root, and root's proof without a WHM user", async () => {
    const page = await runCpanelPage({
      script: join(PACKAGE_ROOT, "cpanel", "whm", "index.cgi"),
      remoteUser: "root",
      runAs: { uid: ALICE.uid, gid: ALICE.uid },
      env: { WEDOS_PANEL_CONFIG: configFile },
    });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain("WEDOS requests this hour");
    // A genuine proof of root's, sent without REMOTE_USER.
    const name = "f".repeat(32);
    const nonce = "0".repeat(64);
    writeFileSync(join(root, "run", "proof", name), nonce, { mode: 0o444 });
    const bare = await post({ REQUEST_METHOD: "GET", PROOF: `${name}:${nonce}` });
    expect(bare).toMatch(/^Status: 403 /);
    await daemon.logged("web: 403 the WHM entry named no WHM user (REMOTE_USER)");
  });
});

describe("Jupiter's page (index.live.pl as the account)", () => {
  it("shows each account its own domains, a reseller's own cPanel account included, and leaves no proof behind", async () => {
    const alice = await jupiter(ALICE);
    expect(alice.status).toBe(200);
    expect(alice.body).toContain("Signed in as alice (user)");
    expect(alice.body).toContain("alice.test");
    expect(alice.body).not.toContain("ressome.test");
    const reseller = await jupiter(RESELLER_SOME);
    expect(reseller.body).toContain("Signed in as ressome (user)"); // the level of the page, not of the account
    expect(reseller.body).toContain("ressome.test");
    expect(reseller.body).not.toContain("alice.test");
    expect(readdirSync(join(root, "run", "proof"))).toEqual([]);
  });
});
