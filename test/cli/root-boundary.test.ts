import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { databaseFileIn } from "../../src/store/database.js";
import { installedCopy, rootOnlyDirectory } from "../support/installed-copy.js";
import { SERVICE_UID } from "../support/service-account.js";

// The `wedos-panel` command run as root on an installed server becomes the service account before it opens
// anything in the data directory (docs/decisions/0010-root-acts-as-the-service-account.md).
const modeOf = (file: string) => statSync(file).mode & 0o7777;

describe("the wedos-panel command run as root on an installed server", () => {
  it("acts as the service account: the database it creates is that account's", () => {
    const copy = installedCopy();

    const run = copy.cli(["status", "--json"]);

    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ domains: [] });
    const db = databaseFileIn(copy.dataDir);
    expect([statSync(db).uid, modeOf(db)]).toEqual([SERVICE_UID, 0o600]);
    expect(readdirSync(copy.dataDir).map((name) => statSync(join(copy.dataDir, name)).uid)).toEqual(
      readdirSync(copy.dataDir).map(() => SERVICE_UID),
    );
  });

  it("neither opens nor changes the file the service account linked the database to", () => {
    const copy = installedCopy();
    const target = rootOnlyDirectory(copy.base);
    // The attack: the service account replaces the database with a link to a file it must not touch.
    copy.asService("ln", "-s", target.file, databaseFileIn(copy.dataDir));

    const run = copy.cli(["status"]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `the database ${databaseFileIn(copy.dataDir)} is a symbolic link, so it was neither opened nor changed`,
    );
    expect([modeOf(target.file), statSync(target.file).uid, readFileSync(target.file, "utf8")]).toEqual([
      0o644,
      0,
      "root's own\n",
    ]);
  });

  it("keeps the data where the installation record says, whatever dataDir config.json names", () => {
    const copy = installedCopy();
    const elsewhere = join(copy.base, "elsewhere");
    writeFileSync(copy.configFile, JSON.stringify({ dataDir: elsewhere }, null, 2));
    chownSync(copy.configFile, SERVICE_UID, SERVICE_UID);

    expect(copy.cli(["status", "--json"]).status).toBe(0);
    const doctor = copy.cli(["doctor", "--json"]);

    expect(existsSync(databaseFileIn(copy.dataDir))).toBe(true);
    expect(existsSync(elsewhere)).toBe(false);
    const checks = JSON.parse(doctor.stdout) as Array<{ check: string; status: string; message: string }>;
    expect(checks.find((check) => check.check === "data directory setting")).toEqual({
      check: "data directory setting",
      status: "warn",
      message: `the configuration sets dataDir ${elsewhere}, but this installation keeps its data in ${copy.dataDir} (${copy.record}), where the hooks write; remove dataDir from ${copy.configFile}, or install again with --data-dir ${elsewhere} to move there`,
    });
    expect(checks.find((check) => check.check === "data directory owner")?.status).toBe("ok");
  });

  it("has doctor check the hooks' spool: root's, readable by the service account, writable by root alone", () => {
    const copy = installedCopy();
    const spoolCheck = () =>
      (
        JSON.parse(copy.cli(["doctor", "--json"]).stdout) as Array<{ check: string; status: string; message: string }>
      ).find((check) => check.check === "hooks' spool");
    expect(spoolCheck()).toEqual({
      check: "hooks' spool",
      status: "ok",
      message: `${copy.spoolDir}: root's, readable by the service account's group`,
    });

    chmodSync(copy.spoolDir, 0o2770); // the account could plant a link where root writes
    expect(spoolCheck()).toMatchObject({
      status: "fail",
      message: expect.stringContaining(
        `is writable by others than root (mode 2770): the service account could plant a link where root's hooks write; run: chown root:${SERVICE_UID} ${copy.spoolDir} && chmod 2750 ${copy.spoolDir}`,
      ),
    });

    copy.writeRecord({ serviceUser: String(SERVICE_UID), spoolDir: null });
    expect(spoolCheck()).toMatchObject({
      status: "fail",
      message: expect.stringContaining(
        "names no spool_dir (it was written by an earlier version), so the hooks queue nothing; install the plugin again",
      ),
    });
  });

  it("refuses to work as root when it cannot become the service account", () => {
    const copy = installedCopy({ serviceUser: "no-such-wedos-account" });

    const run = copy.cli(["status"]);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^wedos-panel: cannot act as the service account no-such-wedos-account that \S+install\.conf names \(.+\); root does not open the plugin's data itself\./,
    );
    expect(readdirSync(copy.dataDir)).toEqual(["spool"]);
  });

  it("does not trust an installation record that is not root's", () => {
    const copy = installedCopy();
    chownSync(copy.record, SERVICE_UID, SERVICE_UID);

    const run = copy.cli(["status"]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${copy.record}: must belong to root and be writable by root only, but its owner is uid ${SERVICE_UID}`,
    );
    expect(readdirSync(copy.dataDir)).toEqual(["spool"]);
  });
});
