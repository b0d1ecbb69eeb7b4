import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runDoctor } from "../../src/doctor/checks.js";
import { fixtureTree, seedAccounts } from "../../src/emulators/directadmin/index.js";
import { DirectAdminPanel } from "../../src/panel/directadmin/reader.js";
import type { DirectAdminLayout } from "../../src/panel/directadmin/layout.js";
import { startPanelReader } from "../../src/panel/remote/reader-server.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");

/** An installed server's view: install.conf names the reader's socket; config.json is the daemon's. */
function installed(config: Record<string, unknown> = {}) {
  const dir = tempDir("wedos-panel-doctor-");
  const socket = join(dir, "reader.sock");
  writeFileSync(
    join(dir, "install.conf"),
    `service_user=wedos-panel\ndata_dir=${join(dir, "data")}\nconfig_file=${join(dir, "config.json")}\nreader_socket=${socket}\n`,
  );
  writeFileSync(join(dir, "config.json"), JSON.stringify({ dataDir: join(dir, "data"), ...config }));
  const env = {
    WEDOS_PANEL_INSTALL_CONF: join(dir, "install.conf"),
    WEDOS_PANEL_CONFIG: join(dir, "config.json"),
    WEDOS_PANEL_KIND: "directadmin",
  };
  const readerChecks = async () => (await runDoctor(env, clock)).filter((result) => result.check === "panel reader");
  return { dir, socket, env, readerChecks };
}

async function readerOver(layout: DirectAdminLayout, socket: string) {
  return startPanelReader(new DirectAdminPanel(layout), { path: socket }, () => undefined);
}

describe("wedos-panel doctor: the panel reader", () => {
  it("says the reader answers and reads what the daemon needs: accounts, domains, owners, a zone file", async () => {
    const server = installed();
    const layout = fixtureTree(join(server.dir, "da"));
    seedAccounts(layout, 3, { domainsPerAccount: 2 });
    const reader = await readerOver(layout, server.socket);
    try {
      expect(await server.readerChecks()).toEqual([
        {
          check: "panel reader",
          status: "ok",
          message: `answers on ${server.socket} for DirectAdmin: 3 account(s), 6 domain(s); it reads their owners and zone files (acct00001.test checked)`,
        },
      ]);
    } finally {
      await reader.close();
    }
  });

  it("says whether the packages the accounts use are ones the policies page can offer", async () => {
    const server = installed();
    const layout = fixtureTree(join(server.dir, "da"));
    seedAccounts(layout, 3);
    const reader = await readerOver(layout, server.socket);
    const packagesCheck = async () =>
      (await runDoctor(server.env, clock)).filter((result) => result.check === "panel packages");
    try {
      expect(await packagesCheck()).toEqual([
        {
          check: "panel packages",
          status: "warn",
          message:
            "accounts use 3 package(s) the panel reader finds no package file for (bronze, gold, silver), so the package policies page cannot offer them; if they were not removed from DirectAdmin, set the reader's paths with: systemctl edit wedos-panel-reader",
        },
      ]);
      mkdirSync(layout.userPackagesDir("admin"), { recursive: true });
      for (const pkg of ["bronze", "silver", "gold", "unused"])
        writeFileSync(join(layout.userPackagesDir("admin"), `${pkg}.pkg`), "bandwidth=unlimited\n");
      expect(await packagesCheck()).toEqual([
        {
          check: "panel packages",
          status: "ok",
          message:
            "the package policies page offers the 4 package(s) DirectAdmin keeps, every one the accounts use included",
        },
      ]);
    } finally {
      await reader.close();
    }
  });

  it("names the fix when the reader is not running", async () => {
    const server = installed();
    expect(await server.readerChecks()).toEqual([
      {
        check: "panel reader",
        status: "fail",
        message: `the panel reader does not answer on ${server.socket} (ENOENT; it may be restarting); start it with: systemctl enable --now wedos-panel-reader.socket (its log: journalctl -u wedos-panel-reader)`,
      },
    ]);
  });

  it("names the fix when the reader cannot read a panel file, finds no zone file, or finds nothing at all", async () => {
    const server = installed();
    const layout = fixtureTree(join(server.dir, "da"));
    seedAccounts(layout, 1);
    const reader = await readerOver(layout, server.socket);
    try {
      rmSync(layout.zoneFile("acct00001.test"));
      expect(await server.readerChecks()).toEqual([
        {
          check: "panel reader",
          status: "warn",
          message: `the panel reader finds no zone file for acct00001.test (${layout.zoneFile("acct00001.test")}); if BIND keeps zones elsewhere, set WEDOS_PANEL_ZONE_DIR with: systemctl edit wedos-panel-reader`,
        },
      ]);

      // Something the reader may not read (root reads everything, so a directory where the file should be).
      rmSync(layout.domainOwners);
      mkdirSync(layout.domainOwners);
      const [unreadable] = await server.readerChecks();
      expect(unreadable).toMatchObject({ status: "fail" });
      expect(unreadable?.message).toBe(
        `the panel reader cannot read the panel's files (cannot read ${layout.domainOwners}: EISDIR: illegal operation on a directory, read); its unit must keep CAP_DAC_READ_SEARCH and see the file: look for a drop-in that changes it with: systemctl cat wedos-panel-reader`,
      );

      rmSync(layout.usersDir, { recursive: true });
      expect(await server.readerChecks()).toEqual([
        {
          check: "panel reader",
          status: "warn",
          message: `the panel reader answers on ${server.socket} but finds no accounts in DirectAdmin's files; if the panel keeps them elsewhere, set the reader's paths with: systemctl edit wedos-panel-reader`,
        },
      ]);
    } finally {
      await reader.close();
    }
  });

  it("warns that panel paths in config.json no longer reach the reader, and reports a reader for the other panel", async () => {
    const server = installed({ directadmin: { root: "/opt/directadmin" }, dns: { zoneDir: "/srv/named" } });
    const layout = fixtureTree(join(server.dir, "da"));
    seedAccounts(layout, 1);
    const reader = await readerOver(layout, server.socket);
    try {
      const [paths] = await server.readerChecks();
      expect(paths).toEqual({
        check: "panel reader",
        status: "warn",
        message: `${join(server.dir, "config.json")} sets directadmin.root, dns.zoneDir, which the panel reader does not read (it takes its paths from its unit); set WEDOS_PANEL_DA_ROOT, WEDOS_PANEL_ZONE_DIR with: systemctl edit wedos-panel-reader`,
      });
      const cpanel = await runDoctor({ ...server.env, WEDOS_PANEL_KIND: "cpanel" }, clock);
      expect(cpanel.find((result) => result.check === "panel reader" && result.status === "fail")?.message).toBe(
        'the panel reader reads directadmin, but this daemon is set up for cpanel; set "panel" to "directadmin" in the configuration, or reinstall with the right panel\'s package',
      );
    } finally {
      await reader.close();
    }
  });

  it("checks nothing where the plugin is not installed (no install.conf)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "config.json"), JSON.stringify({ dataDir: join(dir, "data") }));
    const results = await runDoctor(
      { WEDOS_PANEL_INSTALL_CONF: join(dir, "absent.conf"), WEDOS_PANEL_CONFIG: join(dir, "config.json") },
      clock,
    );
    expect(results.map((result) => result.check)).not.toContain("panel reader");
  });
});
