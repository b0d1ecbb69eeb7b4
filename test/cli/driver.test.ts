import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selectDriver } from "../../src/store/sqlite/driver.js";
import { ManualClock } from "../../src/clock.js";
import { runDoctor } from "../../src/doctor/checks.js";
import { tempDir } from "../support/temp-dir.js";

// The compiled command, run by this Node.js as the installers run it (test/global-setup.ts compiles it).
const CLI = join(import.meta.dirname, "..", "..", "build", "lib", "cli.js");

/** An empty configuration file: every setting at its default. */
function emptyConfig(): string {
  const file = join(tempDir(), "config.json");
  writeFileSync(file, "{}\n");
  return file;
}

function driverCommand(choice: string) {
  const env = { PATH: process.env.PATH, WEDOS_PANEL_CONFIG: emptyConfig(), WEDOS_PANEL_SQLITE_DRIVER: choice };
  return spawnSync(process.execPath, [CLI, "driver"], { env, encoding: "utf8" });
}

describe("wedos-panel driver", () => {
  it("names the driver auto loads and every route it tried, with nothing on stderr", () => {
    const run = driverCommand("auto");
    const loaded = selectDriver("auto").driver;
    expect(loaded).toBeDefined();
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe(`${loaded?.info.name}: ${loaded?.info.detail}`);
    expect(run.stdout).toContain(
      `Node.js ${process.version} on ${process.platform}-${process.arch}, store.driver auto; tried:`,
    );
    expect(run.stdout).toMatch(/- the package's portable build native\/linux-x64\/node-abi\d+\/better_sqlite3\.node: /);
  });

  it("forced to node:sqlite: loads it without Node's ExperimentalWarning, or exits 1 saying why and what to do", () => {
    const run = driverCommand("builtin");
    if (selectDriver("builtin").driver === undefined) {
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`no SQLite driver loads with Node.js ${process.version}`);
      expect(run.stderr).toContain(
        "Fix: run wedos-panel with Node.js 20, 22 or 24 on Linux x86_64 with glibc 2.28 or newer",
      );
      expect(run.stderr).toContain('or set store.driver to "auto"');
    } else {
      expect(run.status).toBe(0);
      expect(run.stdout.split("\n")[0]).toBe(`builtin: node:sqlite of Node.js ${process.version}`);
      expect(run.stderr).toBe(""); // no "ExperimentalWarning: SQLite is an experimental feature"
    }
  });

  it("refuses a driver name it does not know, saying which ones there are", () => {
    const run = driverCommand("sqlite3");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("store.driver");
    expect(run.stderr).toMatch(/"auto"|auto/);
  });

  it("is a line of doctor", async () => {
    const dataDir = tempDir();
    const results = await runDoctor(
      {
        WEDOS_PANEL_CONFIG: emptyConfig(),
        WEDOS_PANEL_DATA_DIR: dataDir,
        WEDOS_WAPI_LOGIN: "a@example.test",
        WEDOS_WAPI_PASSWORD: "x",
        WEDOS_WAPI_URL: "http://127.0.0.1:9/wapi/json",
      },
      new ManualClock(Date.UTC(2026, 0, 1)),
    );
    const line = results.find((result) => result.check === "database driver");
    const loaded = selectDriver("auto").driver;
    expect(line).toEqual({
      check: "database driver",
      status: "ok",
      message: `${loaded?.info.name}: ${loaded?.info.detail}`,
    });
  });
});
