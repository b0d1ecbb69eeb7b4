import { spawnSync } from "node:child_process";
import { chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { hookSpool, readSpooledEvent } from "../../src/provisioning/spool.js";
import { payload } from "../panel/cpanel/support.js";
import { installedCopy, rootOnlyDirectory, type InstalledCopy } from "../support/installed-copy.js";
import { SERVICE_UID } from "../support/service-account.js";

// DirectAdmin and cPanel run the hooks as root. On an installed server (an installation record) they write into the
// hooks' spool, which is root's and which the service account may read but not change, as root and without starting
// a process; they never write into, or follow a link through, anything the account can change
// (docs/decisions/0010-root-acts-as-the-service-account.md, docs/decisions/0020-hooks-without-a-process.md).
const ALICE = { username: "alice", domain: "alice.test" };
const spooled = (copy: InstalledCopy) => readdirSync(copy.spoolDir);
const spoolOf = (copy: InstalledCopy) => hookSpool(copy.dataDir, { spoolDir: copy.spoolDir });
/** What the service account gets when it tries a command (it runs as that account). */
const asServiceFails = (copy: InstalledCopy, ...command: string[]) => {
  try {
    copy.asService(...(command as [string, ...string[]]));
    return false;
  } catch {
    return true;
  }
};

describe("a DirectAdmin hook run as root on an installed server", () => {
  it("writes the event into root's spool, the service account's group may read it, reading the record even without a final newline", () => {
    const copy = installedCopy();
    copy.writeRecord({ serviceUser: String(SERVICE_UID) }, { newline: false });

    expect(copy.hook("domain_create_post", ALICE)).toEqual({ status: 0, stdout: "WEDOS DNS: queued\n" });

    const [file = ""] = spooled(copy);
    const stat = statSync(join(copy.spoolDir, file));
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([0, SERVICE_UID, 0o640]);
    expect(readSpooledEvent(spoolOf(copy), file)).toMatchObject({ hook: "domain_create_post", recorded: ALICE });
    expect(asServiceFails(copy, "cat", join(copy.spoolDir, file))).toBe(false); // the daemon reads it
  });

  it("leaves the service account no way into the spool: it can neither write there, nor plant a link, nor remove an event", () => {
    const copy = installedCopy();
    copy.hook("domain_create_post", ALICE);
    const [file = ""] = spooled(copy);
    const target = rootOnlyDirectory(copy.base);

    expect(asServiceFails(copy, "ln", "-s", target.file, join(copy.spoolDir, "0000000000000002-1-user_create_post.env"))).toBe(true);
    expect(asServiceFails(copy, "sh", "-c", `: > ${join(copy.spoolDir, "planted.env")}`)).toBe(true);
    expect(asServiceFails(copy, "rm", "-f", join(copy.spoolDir, file))).toBe(true);
    expect(spooled(copy)).toEqual([file]);
  });

  it("only tests the daemon's notes for existence: linking them to a root-only directory makes root write or remove nothing there", () => {
    const copy = installedCopy();
    const target = rootOnlyDirectory(copy.base);
    // The spool is full, and the service account swaps its notes folder for a link to a directory only root may write.
    for (let sequence = 1; sequence <= 300; sequence++) writeFileSync(join(copy.spoolDir, `${String(sequence).padStart(16, "0")}-1-dns_write_post.env`), "");
    copy.asService("rm", "-r", join(copy.dataDir, "spool", "consumed"));
    copy.asService("ln", "-s", target.dir, join(copy.dataDir, "spool", "consumed"));

    expect(copy.hook("user_create_post", { ...ALICE, passwd: "secret" }).stdout).toBe("WEDOS DNS: queued\n");

    expect(readdirSync(target.dir)).toEqual(["keep"]);
    expect(readFileSync(target.file, "utf8")).toBe("root's own\n");
    expect(spooled(copy)).toHaveLength(301); // nothing noted as consumed, so nothing removed
  });

  it("finds the data directory and the spool in the installation record only, whatever config.json or the environment say", () => {
    const copy = installedCopy();
    const elsewhere = join(copy.base, "elsewhere");
    writeFileSync(copy.configFile, JSON.stringify({ dataDir: elsewhere }, null, 2)); // the service account's file
    chownSync(copy.configFile, SERVICE_UID, SERVICE_UID);

    const run = copy.hook("domain_create_post", { ...ALICE, WEDOS_PANEL_CONFIG: copy.configFile, WEDOS_PANEL_DATA_DIR: elsewhere });

    expect(run.stdout).toBe("WEDOS DNS: queued\n");
    expect(spooled(copy)).toHaveLength(1);
    expect(existsSync(elsewhere)).toBe(false);
    expect(readdirSync(join(copy.dataDir, "spool"))).toEqual(["consumed", "rejected"]);
  });

  it("does not trust an installation record that is not root's, or one of an older version without the spool, and still lets the panel go on", () => {
    const copy = installedCopy();
    chownSync(copy.record, SERVICE_UID, SERVICE_UID);
    expect(copy.hook("domain_create_post", ALICE)).toEqual({ status: 0, stdout: "WEDOS DNS: not queued (the plugin's install.conf is not root's); an admin should run: wedos-panel doctor\n" });

    chownSync(copy.record, 0, 0);
    copy.writeRecord({ serviceUser: String(SERVICE_UID), spoolDir: null });
    expect(copy.hook("domain_create_post", ALICE)).toEqual({
      status: 0,
      stdout: "WEDOS DNS: not queued (the plugin's install.conf names no spool_dir; install the plugin again); an admin should run: wedos-panel doctor\n",
    });
    expect(spooled(copy)).toEqual([]);
  });
});

describe("the cPanel hook run as root on an installed server", () => {
  /** The hook where cpanel/install.sh puts it, beside the installed package holding the installation record. */
  function installedHook() {
    const copy = installedCopy();
    const thirdparty = join(copy.base, "usr", "local", "cpanel", "3rdparty");
    mkdirSync(join(thirdparty, "bin"), { recursive: true });
    mkdirSync(join(thirdparty, "wedos-panel", "cpanel", "hooks"), { recursive: true });
    const script = join(thirdparty, "bin", "wedos-panel-hook");
    cpSync(join(PACKAGE_ROOT, "cpanel", "hooks", "wedos-panel-hook"), script);
    cpSync(join(PACKAGE_ROOT, "hooks", "spool-file.sh"), join(thirdparty, "wedos-panel", "cpanel", "hooks", "spool-file.sh"));
    const record = join(thirdparty, "wedos-panel", "install.conf");
    cpSync(copy.record, record);
    const run = (sent: unknown) => spawnSync(script, [], { input: JSON.stringify(sent), env: {}, encoding: "utf8" });
    return { copy, run, record };
  }

  it("writes the payload into root's spool, for the service account's group to read", () => {
    const { copy, run } = installedHook();

    expect(run(payload("whostmgr-accounts-remove")).stdout).toBe("1 WEDOS DNS: queued\n");

    const [file = ""] = spooled(copy);
    expect(file).toMatch(/^0{15}1-\d+\.cpanel\.json$/);
    const stat = statSync(join(copy.spoolDir, file));
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([0, SERVICE_UID, 0o640]);
    expect(readSpooledEvent(spoolOf(copy), file)).toMatchObject({ source: "cpanel", hook: "Whostmgr::Accounts::Remove" });
  });

  it("writes nothing when the installation record is not root's, and still reads all of stdin", () => {
    const { copy, run, record } = installedHook();
    chownSync(record, SERVICE_UID, SERVICE_UID);

    const result = run({ ...payload("whostmgr-accounts-create"), padding: "x".repeat(1_000_000) });

    expect([result.error, result.status, result.stdout]).toEqual([undefined, 0, "1 WEDOS DNS: not queued (the plugin's install.conf is not root's); an admin should run: wedos-panel doctor\n"]);
    expect(spooled(copy)).toEqual([]);
  });
});
