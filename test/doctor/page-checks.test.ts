import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { cagefsVerdict, pageDirectories } from "../../src/doctor/cagefs.js";
import { checkPages, type PageCheckPaths } from "../../src/doctor/page-checks.js";
import { EmulatedDirectAdmin, fixtureTree, type RunningDirectAdminApi } from "../../src/emulators/directadmin/index.js";
import { selfSigned } from "../support/certificates.js";
import { tempDir } from "../support/temp-dir.js";

/** A server's files for the page checks, under a temp directory: no CageFS, hard links protected. */
function server(): PageCheckPaths & { dir: string } {
  const dir = tempDir("wedos-panel-doctor-");
  writeFileSync(join(dir, "protected_hardlinks"), "1\n");
  return {
    dir,
    cagefsctl: join(dir, "usr/sbin/cagefsctl"),
    mountPoints: join(dir, "etc/cagefs/cagefs.mp"),
    protectedHardlinks: join(dir, "protected_hardlinks"),
  };
}

function installCagefs(paths: PageCheckPaths, mountPoints: string | undefined): void {
  mkdirSync(join(paths.cagefsctl, ".."), { recursive: true });
  writeFileSync(paths.cagefsctl, "#!/bin/sh\n");
  if (mountPoints === undefined) return;
  mkdirSync(join(paths.mountPoints, ".."), { recursive: true });
  writeFileSync(paths.mountPoints, mountPoints);
}

function config(settings: Record<string, unknown>) {
  const file = join(tempDir(), "config.json");
  writeFileSync(file, JSON.stringify(settings));
  return loadConfig({ WEDOS_PANEL_CONFIG: file });
}

const DEFAULT_DIRS = ["/run/wedos-panel"];

describe("CageFS: account pages must reach the daemon's socket and the proof directory", () => {
  it("needs /run/wedos-panel by default, and each directory of its own when they are moved apart", () => {
    expect(pageDirectories("/run/wedos-panel/daemon.sock", "/run/wedos-panel/proof")).toEqual(DEFAULT_DIRS);
    expect(pageDirectories("/var/run/wedos-panel/daemon.sock", "/srv/proofs")).toEqual([
      "/run/wedos-panel",
      "/srv/proofs",
    ]);
    expect(pageDirectories("127.0.0.1:8080", "/run/wedos-panel/proof")).toEqual(["/run/wedos-panel/proof"]);
  });

  it("is fine without CageFS, and with it when a shared mount covers the directory", () => {
    const paths = server();
    expect(cagefsVerdict(DEFAULT_DIRS, paths)).toEqual({
      status: "ok",
      message: "not installed (account pages see the server's own /run)",
    });
    for (const line of ["/run/wedos-panel", "/var/run/wedos-panel/", "/run"]) {
      installCagefs(paths, `/var/lib/mysql\n${line}\n@/var/run/screen,777\n`);
      expect(cagefsVerdict(DEFAULT_DIRS, paths), line).toEqual({
        status: "ok",
        message: `/run/wedos-panel is mounted into every cage (${paths.mountPoints})`,
      });
    }
  });

  it("fails when the directory is not shared — missing, private to each account, split or read-only — and names the fix", () => {
    const paths = server();
    for (const list of [
      "/var/lib/mysql\n/opt\n",
      "@/run/wedos-panel,755\n",
      "%/run/wedos-panel\n",
      "!/run/wedos-panel\n",
      "/run/wedos-panel-old\n",
    ]) {
      installCagefs(paths, list);
      expect(cagefsVerdict(DEFAULT_DIRS, paths), list).toEqual({
        status: "fail",
        message: `CageFS hides /run/wedos-panel from account pages, so they show "temporarily unavailable"; add the line /run/wedos-panel to ${paths.mountPoints}, then run cagefsctl --remount-all`,
      });
    }
    installCagefs(paths, "/run/wedos-panel\n");
    expect(cagefsVerdict(["/run/wedos-panel", "/srv/proofs"], paths).message).toContain(
      "CageFS hides /srv/proofs from account pages",
    );
  });

  it("warns when CageFS is installed but its list cannot be read yet", () => {
    const paths = server();
    installCagefs(paths, undefined);
    expect(cagefsVerdict(DEFAULT_DIRS, paths)).toEqual({
      status: "warn",
      message: `CageFS is installed but ${paths.mountPoints} cannot be read; once account pages run caged, they reach /run/wedos-panel only if you add the line /run/wedos-panel to ${paths.mountPoints}, then run cagefsctl --remount-all`,
    });
  });
});

describe("the page checks doctor runs", () => {
  let api: RunningDirectAdminApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it("report how visitors are proven, hard links and CageFS; a session-only setup is a warning", async () => {
    const paths = server();
    expect(await checkPages(config({}), paths)).toEqual([
      {
        check: "page identity",
        status: "ok",
        message: "the unix account that runs each page, its level from user.conf (directadmin.identity: uid)",
      },
      {
        check: "hard links",
        status: "ok",
        message: "nobody may hard-link a file they cannot write (fs.protected_hardlinks)",
      },
      { check: "CageFS", status: "ok", message: "not installed (account pages see the server's own /run)" },
    ]);
    expect((await checkPages(config({ panel: "cpanel" }), paths))[0]).toEqual({
      check: "page identity",
      status: "ok",
      message: "the unix account that runs each page; for WHM, the WHM user's ACLs",
    });
    const sessionOnly = (await checkPages(config({ directadmin: { identity: "session" } }), paths))[0];
    expect(sessionOnly).toMatchObject({
      status: "warn",
      message: expect.stringContaining('set directadmin.identity to "uid"') as unknown,
    });
    writeFileSync(paths.protectedHardlinks, "0\n");
    expect((await checkPages(config({}), paths))[1]).toMatchObject({
      status: "warn",
      message: expect.stringContaining("run sysctl -w fs.protected_hardlinks=1") as unknown,
    });
  });

  it("with the session check on, connect to DirectAdmin the configured way and say whether its certificate verifies", async () => {
    const layout = fixtureTree(join(tempDir(), "da"));
    const da = new EmulatedDirectAdmin({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(layout.root, "data") } });
    const own = selfSigned("panel.example.test");
    api = await da.startApi({ key: own.key, cert: own.cert });
    const directadmin = {
      root: layout.root,
      identity: "uid+session",
      apiUrl: `https://panel.example.test:${api.port}`,
    };
    const good = await checkPages(
      config({ directadmin: { ...directadmin, sessionCheck: { address: "loopback", certificateFile: own.certFile } } }),
      server(),
    );
    expect(good[0]).toEqual({
      check: "page identity",
      status: "ok",
      message: `the unix account, and DirectAdmin's word on the session, which answers at https://panel.example.test:${api.port} (connecting to 127.0.0.1), trusting only the certificate in ${own.certFile}`,
    });
    const other = selfSigned("panel.example.test");
    const bad = await checkPages(
      config({
        directadmin: { ...directadmin, sessionCheck: { address: "loopback", certificateFile: other.certFile } },
      }),
      server(),
    );
    expect(bad[0]).toMatchObject({
      status: "fail",
      message: expect.stringMatching(
        /^the session check cannot reach DirectAdmin \(.*certificate.*\), so every page is refused; fix directadmin\.sessionCheck/,
      ) as unknown,
    });
  });
});
