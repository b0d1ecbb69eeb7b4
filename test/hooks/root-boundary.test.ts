import { spawnSync } from "node:child_process";
import { chownSync, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { readSpooledEvent } from "../../src/provisioning/spool.js";
import { payload } from "../panel/cpanel/support.js";
import { installedCopy, rootOnlyDirectory } from "../support/installed-copy.js";
import { SERVICE_UID } from "../support/service-account.js";

// DirectAdmin and cPanel run the hooks as root; the data directory belongs to the service account. On an installed
// server (an installation record) the hooks write the spool only as that account, so what it planted in its own
// directory cannot make root write anywhere else (docs/decisions/0010-root-acts-as-the-service-account.md).
const ALICE = { username: "alice", domain: "alice.test" };
const spooled = (dir: string) => readdirSync(join(dir, "spool", "new"));

describe("a DirectAdmin hook run as root on an installed server", () => {
  it("writes the event as the service account, reading the installation record even without a final newline", () => {
    const copy = installedCopy();
    copy.writeRecord({ serviceUser: String(SERVICE_UID) }, { newline: false });

    expect(copy.hook("domain_create_post", ALICE)).toEqual({ status: 0, stdout: "WEDOS DNS: queued\n" });

    const [file = ""] = spooled(copy.dataDir);
    expect(statSync(join(copy.dataDir, "spool", "new", file)).uid).toBe(SERVICE_UID);
    expect(readSpooledEvent(copy.dataDir, file)).toMatchObject({ hook: "domain_create_post", env: ALICE });
    expect(readdirSync(join(copy.dataDir, "spool", "tmp"))).toEqual([]);
  });

  it("writes nothing into a root-only directory the service account linked spool/new (or spool/tmp) to", () => {
    for (const linked of ["new", "tmp"]) {
      const copy = installedCopy();
      const target = rootOnlyDirectory(copy.base);
      // The attack: the service account replaces its spool folder with a link to a directory only root may write.
      copy.asService("rm", "-r", join(copy.dataDir, "spool", linked));
      copy.asService("ln", "-s", target.dir, join(copy.dataDir, "spool", linked));

      const run = copy.hook("user_create_post", { ...ALICE, passwd: "secret" });

      expect(run).toEqual({ status: 0, stdout: `WEDOS DNS: not queued (spool ${copy.dataDir}/spool not writable); an admin should run: wedos-panel doctor\n` });
      expect(readdirSync(target.dir), linked).toEqual(["keep"]);
    }
  });

  it("finds the data directory in the installation record only, whatever config.json or the environment say", () => {
    const copy = installedCopy();
    const elsewhere = join(copy.base, "elsewhere");
    writeFileSync(copy.configFile, JSON.stringify({ dataDir: elsewhere }, null, 2)); // the service account's file
    chownSync(copy.configFile, SERVICE_UID, SERVICE_UID);

    const run = copy.hook("domain_create_post", { ...ALICE, WEDOS_PANEL_CONFIG: copy.configFile, WEDOS_PANEL_DATA_DIR: elsewhere });

    expect(run.stdout).toBe("WEDOS DNS: queued\n");
    expect(spooled(copy.dataDir)).toHaveLength(1);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it("does not write the event at all when it cannot act as the service account, and still lets the panel go on", () => {
    const copy = installedCopy({ serviceUser: "no-such-wedos-account" });

    expect(copy.hook("domain_create_post", ALICE)).toEqual({ status: 0, stdout: "WEDOS DNS: not queued (cannot act as the service account no-such-wedos-account); an admin should run: wedos-panel doctor\n" });
    expect([spooled(copy.dataDir), readdirSync(join(copy.dataDir, "spool", "tmp"))]).toEqual([[], []]);
  });

  it("does not trust an installation record that is not root's", () => {
    const copy = installedCopy();
    chownSync(copy.record, SERVICE_UID, SERVICE_UID);

    expect(copy.hook("domain_create_post", ALICE)).toEqual({
      status: 0,
      stdout: "WEDOS DNS: not queued (the plugin's install.conf names no service account or is not root's); an admin should run: wedos-panel doctor\n",
    });
    expect(spooled(copy.dataDir)).toEqual([]);
  });
});

describe("the cPanel hook run as root on an installed server", () => {
  /** The hook where cpanel/install.sh puts it, beside the installed package holding the installation record. */
  function installedHook() {
    const copy = installedCopy();
    const thirdparty = join(copy.base, "usr", "local", "cpanel", "3rdparty");
    mkdirSync(join(thirdparty, "bin"), { recursive: true });
    mkdirSync(join(thirdparty, "wedos-panel"));
    const script = join(thirdparty, "bin", "wedos-panel-hook");
    cpSync(join(PACKAGE_ROOT, "cpanel", "hooks", "wedos-panel-hook"), script);
    cpSync(copy.record, join(thirdparty, "wedos-panel", "install.conf"));
    const run = (sent: unknown) => spawnSync(script, [], { input: JSON.stringify(sent), env: {}, encoding: "utf8" });
    return { copy, run };
  }

  it("writes the payload as the service account", () => {
    const { copy, run } = installedHook();

    expect(run(payload("whostmgr-accounts-remove")).stdout).toBe("1 WEDOS DNS: queued\n");

    const [file = ""] = spooled(copy.dataDir);
    expect(file).toMatch(/\.cpanel\.json$/);
    expect(statSync(join(copy.dataDir, "spool", "new", file)).uid).toBe(SERVICE_UID);
  });

  it("writes nothing into a root-only directory the service account linked spool/new to", () => {
    const { copy, run } = installedHook();
    const target = rootOnlyDirectory(copy.base);
    copy.asService("rm", "-r", join(copy.dataDir, "spool", "new"));
    copy.asService("ln", "-s", target.dir, join(copy.dataDir, "spool", "new"));

    const result = run(payload("whostmgr-accounts-create"));

    expect([result.status, result.stdout]).toEqual([0, `1 WEDOS DNS: not queued (spool ${copy.dataDir}/spool not writable); an admin should run: wedos-panel doctor\n`]);
    expect(readdirSync(target.dir)).toEqual(["keep"]);
  });
});
