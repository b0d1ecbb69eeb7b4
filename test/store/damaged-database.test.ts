import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { requireDriver } from "../../src/store/sqlite/driver.js";
import { runCliCaptured } from "../support/run-cli.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");

function serverEnv(): { env: Record<string, string>; file: string } {
  const dir = tempDir();
  const configFile = join(dir, "config.json");
  const zoneDir = join(dir, "named");
  mkdirSync(zoneDir);
  // serve reaches the database after the panel's zone directory is found.
  writeFileSync(
    configFile,
    JSON.stringify({ panel: "directadmin", dns: { zoneDir }, daemon: { listen: join(dir, "daemon.sock") } }),
  );
  const dataDir = join(dir, "data");
  const env = {
    WEDOS_PANEL_CONFIG: configFile,
    WEDOS_WAPI_URL: "http://127.0.0.1:9/",
    WEDOS_WAPI_LOGIN: "demo@example.test",
    WEDOS_WAPI_PASSWORD: "demo-pass-123",
    WEDOS_PANEL_DATA_DIR: dataDir,
  };
  return { env, file: databaseFileIn(dataDir) };
}

/** A database with some jobs, then its header overwritten: SQLite no longer knows it as a database. */
function damageHeader(file: string): void {
  openDatabase(file).close();
  const fd = openSync(file, "r+");
  writeSync(fd, Buffer.from("this is no longer an SQLite header"), 0, 34, 0);
  closeSync(fd);
}

/**
 * A whole database whose pages after the first are overwritten: the header and the schema read, every table and
 * index (each has its own pages) does not.
 */
function damagePages(file: string): void {
  const db = openDatabase(file);
  const pageSize = db.pragma("page_size") as number;
  const pages = db.pragma("page_count") as number;
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const fd = openSync(file, "r+");
  for (let page = 2; page <= pages; page++)
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

/** One line, saying damaged, where, and what to do; no driver's stack text. */
function expectOneSentence(stderr: string, file: string): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toContain(`the database ${file} is damaged`);
  expect(stderr).toContain('run "wedos-panel restore FILE"');
  expect(stderr).not.toMatch(/\n\s+at |SqliteError|ERR_SQLITE/);
}

/** Runs doctor, which must fail, and returns the message of its database check, which must be the failing one. */
async function failedDatabaseCheck(env: Record<string, string>): Promise<string> {
  const result = await runCliCaptured(["doctor", "--json"], env, clock);
  expect(result.status).toBe(1);
  const checks = JSON.parse(result.stdout) as Array<{ check: string; status: string; message: string }>;
  const database = checks.find((check) => check.check === "database");
  expect(database?.status).toBe("fail");
  return database?.message ?? "";
}

describe("a damaged database", () => {
  it.each([["status"], ["jobs"], ["serve"], ["backup"]])(
    "with a damaged header, %s says so in one sentence and exits 1",
    async (command) => {
      const { env, file } = serverEnv();
      damageHeader(file);
      const result = await runCliCaptured([command], env, clock);
      expect(result.status).toBe(1);
      expectOneSentence(result.stderr, file);
    },
  );

  it.each([["status"], ["jobs"]])("with damaged pages, %s says so in one sentence and exits 1", async (command) => {
    const { env, file } = serverEnv();
    damagePages(file);
    const result = await runCliCaptured([command], env, clock);
    expect(result.status).toBe(1);
    expectOneSentence(result.stderr, file);
  });

  it.each([
    ["header", damageHeader],
    ["pages", damagePages],
  ])("with a damaged %s, doctor fails its database check with that sentence", async (_what, damage) => {
    const { env, file } = serverEnv();
    damage(file);
    expectOneSentence(`${await failedDatabaseCheck(env)}\n`, file);
  });

  it("a whole database passes doctor's database check", async () => {
    const { env, file } = serverEnv();
    openDatabase(file).close();
    const result = await runCliCaptured(["doctor", "--json"], env, clock);
    const checks = JSON.parse(result.stdout) as Array<{ check: string; status: string; message: string }>;
    expect(checks.find((check) => check.check === "database")).toMatchObject({
      status: "ok",
      message: `${file} is whole (SQLite's quick check found nothing)`,
    });
  });
});

/** Ways a database that was in use is lost: each leaves what SQLite would take for a new, empty database. */
const LOSSES: ReadonlyArray<[state: string, lose: (file: string) => void]> = [
  ["empty (0 bytes)", (file) => truncateSync(file, 0)],
  ["missing", (file) => rmSync(file)],
  [
    "without any of the plugin's tables",
    (file) => {
      rmSync(file);
      const raw = requireDriver("auto").open(file);
      raw.exec("CREATE TABLE notes (text TEXT)");
      raw.close();
    },
  ],
];

/** What a file is now: its size, or that it is not there. */
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : "missing");

/** One line: what happened, where, that nothing was done, and what to do. */
function expectLostSentence(stderr: string, file: string, state: string): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).toContain(`the database ${file} is ${state}, but one was made there before`);
  expect(stderr).toContain("nothing was started and nothing was changed");
  expect(stderr).toContain('run "wedos-panel restore ');
  expect(stderr).not.toMatch(/\n\s+at |SqliteError|ERR_SQLITE/);
}

describe("a database that was made and is now lost", () => {
  it.each(
    LOSSES.flatMap(([state, lose]) =>
      ["status", "jobs", "serve", "backup"].map((command) => [command, state, lose] as const),
    ),
  )("%s refuses to start when it is %s, says what to do, and leaves it as it is", async (command, state, lose) => {
    const { env, file } = serverEnv();
    openDatabase(file).close();
    lose(file);
    const before = sizeOf(file);
    const result = await runCliCaptured([command], env, clock);
    expect(result.status).toBe(1);
    expectLostSentence(result.stderr, file, state);
    expect(sizeOf(file)).toBe(before);
  });

  it.each(LOSSES)("when it is %s, doctor fails its database check with that sentence", async (state, lose) => {
    const { env, file } = serverEnv();
    openDatabase(file).close();
    lose(file);
    expectLostSentence(`${await failedDatabaseCheck(env)}\n`, file, state);
  });

  it("names the newest backup, and restoring it puts the records back", async () => {
    const { env, file } = serverEnv();
    openDatabase(file).close();
    expect((await runCliCaptured(["backup"], env, clock)).status).toBe(0);
    clock.advance(60_000);
    expect((await runCliCaptured(["backup"], env, clock)).status).toBe(0);
    const backups = join(file, "..", "backups");
    const newest = join(backups, readdirSync(backups).sort().at(-1) ?? "");
    truncateSync(file, 0);
    const refused = await runCliCaptured(["jobs"], env, clock);
    expect(refused.stderr).toContain(`run "wedos-panel restore ${newest}" (the newest of 2 backup(s) in ${backups})`);
    expect((await runCliCaptured(["restore", newest], env, clock)).status).toBe(0);
    expect(await runCliCaptured(["jobs"], env, clock)).toMatchObject({ status: 0, stderr: "" });
  });

  it("a first start is no loss: a new data directory, or an empty file no database was made in, gets a new database", async () => {
    const { env, file } = serverEnv();
    expect((await runCliCaptured(["jobs"], env, clock)).status).toBe(0);
    const second = serverEnv();
    mkdirSync(join(second.file, ".."), { recursive: true });
    writeFileSync(second.file, "");
    expect(await runCliCaptured(["jobs"], second.env, clock)).toMatchObject({ status: 0, stderr: "" });
    // Each now holds a database, and the note that it was made.
    for (const made of [file, second.file])
      expect(readdirSync(join(made, ".."))).toContain("wedos-panel.sqlite.created");
  });
});
