import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { backupDatabase, listBackups } from "../../src/store/backup.js";
import { databaseFileIn, openDatabase, type Database } from "../../src/store/database.js";
import { DaemonStateStore } from "../../src/store/daemon-state-store.js";
import { restoreDatabase } from "../../src/store/restore.js";
import { selectDriver } from "../../src/store/sqlite/driver.js";
import type { DriverName } from "../../src/store/sqlite/types.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

// Both drivers where this Node.js loads them; `npm run test:matrix` runs this again on Node.js 24 with node:sqlite.
const LOADED: DriverName[] = (["native", "builtin"] as const).filter((name) => selectDriver(name).driver !== undefined);
const modeOf = (file: string) => statSync(file).mode & 0o7777;
const noteOf = (db: Database) => new DaemonStateStore(db).get<string>("note")?.value;

let listener: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (listener === undefined ? resolve(undefined) : listener.close(resolve)));
  listener = undefined;
});

/** Overwrites one page of a closed database file (the header, page 1, stays whole). */
function overwritePage(file: string, page: number): void {
  const fd = openSync(file, "r+");
  const pageSize = readFileSync(file).readUInt16BE(16);
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

function serverEnv(): { env: Record<string, string>; file: string; dataDir: string; socket: string } {
  const dir = tempDir();
  const configFile = join(dir, "config.json");
  const socket = join(dir, "daemon.sock");
  writeFileSync(configFile, JSON.stringify({ daemon: { listen: socket }, store: { backupKeep: 2 } }));
  const dataDir = join(dir, "data");
  const env = {
    WEDOS_PANEL_CONFIG: configFile,
    WEDOS_WAPI_URL: "http://127.0.0.1:9/",
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: "demo-pass-123",
    WEDOS_PANEL_DATA_DIR: dataDir,
  };
  return { env, file: databaseFileIn(dataDir), dataDir, socket };
}

describe.each(LOADED)("backup and restore through the %s driver", (driver) => {
  it("backs up an open database online to a 0600 file in a 0700 folder, and keeps the newest N", async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, "db.sqlite"), { driver });
    const backups = join(dir, "backups");
    const clock = new ManualClock("2026-07-01T03:43:00Z");
    const written: string[] = [];
    for (let day = 0; day < 3; day++) {
      new DaemonStateStore(db).set("note", `day ${day}`, clock.now());
      written.push((await backupDatabase(db, backups, clock.now(), 2)).file);
      clock.advance(86_400_000);
    }
    // The database stays open and writable through it all.
    new DaemonStateStore(db).set("note", "after", clock.now());
    db.close();

    expect(listBackups(backups)).toEqual(written.slice(1));
    expect(readdirSync(backups).sort()).toEqual([
      "wedos-panel-20260702T034300Z.sqlite",
      "wedos-panel-20260703T034300Z.sqlite",
    ]);
    expect(modeOf(backups)).toBe(0o700);
    for (const file of written.slice(1)) expect(modeOf(file)).toBe(0o600);
    const newest = openDatabase(written[2] as string, { driver });
    expect(noteOf(newest)).toBe("day 2");
    newest.close();
  });

  it("restores a backup in place of a damaged database, keeping the damaged one aside", async () => {
    const dir = tempDir();
    const target = join(dir, "wedos-panel.sqlite");
    const db = openDatabase(target, { driver });
    new DaemonStateStore(db).set("note", "backed up", 0);
    const { file } = await backupDatabase(db, join(dir, "backups"), Date.parse("2026-07-01T03:43:00Z"), 7);
    db.close();
    writeFileSync(target, "damaged beyond reading\n");

    const { setAside } = restoreDatabase(file, target, { driver, now: Date.parse("2026-07-02T08:00:00Z") });

    expect(setAside).toBe(`${target}.before-restore-20260702T080000Z`);
    expect(existsSync(setAside as string)).toBe(true);
    expect(modeOf(target)).toBe(0o600);
    const restored = openDatabase(target, { driver });
    expect(noteOf(restored)).toBe("backed up");
    restored.close();
  });

  it("refuses a damaged backup, or a database that is not the plugin's, and leaves the database as it was", async () => {
    const dir = tempDir();
    const target = join(dir, "wedos-panel.sqlite");
    const db = openDatabase(target, { driver });
    new DaemonStateStore(db).set("note", "current", 0);
    db.close();
    const garbage = join(dir, "garbage.sqlite");
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    const foreign = join(dir, "foreign.sqlite");
    writeFileSync(foreign, "");
    const raw = selectDriver(driver).driver?.open(foreign);
    raw?.exec("CREATE TABLE something_else (x)");
    raw?.close();

    const damagedPage = (
      await backupDatabase(openDatabase(join(dir, "source.sqlite"), { driver }), join(dir, "backups"), 0, 7)
    ).file;
    overwritePage(damagedPage, 3);

    expect(() => restoreDatabase(garbage, target, { driver, now: 0 })).toThrow(
      `${garbage} was not restored because it is damaged (file is not a database); the database was left as it is`,
    );
    expect(() => restoreDatabase(damagedPage, target, { driver, now: 0 })).toThrow(
      /was not restored because (SQLite's integrity check found damage|it is damaged)/,
    );
    expect(() => restoreDatabase(foreign, target, { driver, now: 0 })).toThrow(
      `${foreign} was not restored because it is an SQLite database but not one of wedos-panel's; the database was left as it is: choose another backup`,
    );
    expect(() => restoreDatabase(join(dir, "missing.sqlite"), target, { driver, now: 0 })).toThrow("does not exist");
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith("wedos-panel.sqlite"))
        .sort(),
    ).toEqual(["wedos-panel.sqlite", "wedos-panel.sqlite.created"]); // the database, and the note that it was made
    const current = openDatabase(target, { driver });
    expect(noteOf(current)).toBe("current");
    current.close();
  });
});

describe("wedos-panel backup and restore", () => {
  const clock = new ManualClock("2026-07-01T03:43:00Z");

  it("backs up, restores over a damaged database, queues the reconciler, and every command works again", async () => {
    const { env, file, dataDir } = serverEnv();
    openDatabase(file).close();
    const backup = await runCliCaptured(["backup", "--json"], env, clock);
    expect(backup.status).toBe(0);
    const backupFile = (JSON.parse(backup.stdout) as { file: string }).file;
    expect(backupFile).toBe(join(dataDir, "backups", "wedos-panel-20260701T034300Z.sqlite"));
    writeFileSync(file, "damaged beyond reading\n");
    expect((await runCliCaptured(["status"], env, clock)).status).toBe(1);

    const restore = await runCliCaptured(["restore", backupFile], env, clock);
    expect(restore).toMatchObject({ status: 0, stderr: "" });
    expect(restore.stdout).toContain(`the database it replaced is kept as ${file}.before-restore-20260701T034300Z`);
    const jobs = await runCliCaptured(["jobs", "--json"], env, clock);
    expect(jobs.status).toBe(0);
    expect(JSON.stringify(JSON.parse(jobs.stdout))).toContain('"task":"reconcile"');
    expect((await runCliCaptured(["status"], env, clock)).status).toBe(0);
  });

  it("refuses to restore while the daemon answers on daemon.listen", async () => {
    const { env, file, socket } = serverEnv();
    openDatabase(file).close();
    const backupFile = (JSON.parse((await runCliCaptured(["backup", "--json"], env, clock)).stdout) as { file: string })
      .file;
    listener = createServer();
    await new Promise<void>((resolve) => listener?.listen(socket, resolve));

    const restore = await runCliCaptured(["restore", backupFile], env, clock);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toBe(
      `wedos-panel restore: the daemon is running (it answers on ${socket}), so nothing was restored: stop it (systemctl stop wedos-panel), run the restore again, then start it\n`,
    );
  });
});
