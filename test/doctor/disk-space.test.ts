import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { runDoctor } from "../../src/doctor/checks.js";
import { fullTmpfs } from "../support/full-disk.js";
import { tempDir } from "../support/temp-dir.js";

const clock = new ManualClock("2026-07-01T10:00:00Z");
const unmounts: Array<() => void> = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

/** A development data directory on a 2 MiB filesystem of its own, filled to the last byte. */
function fullDataDir() {
  const dir = tempDir("wedos-panel-doctor-");
  const dataDir = join(dir, "data");
  const disk = fullTmpfs(dataDir, 2048);
  unmounts.push(() => disk.unmount());
  mkdirSync(join(dir, "absent"), { recursive: true });
  writeFileSync(join(dir, "config.json"), JSON.stringify({ dataDir }));
  const env = {
    WEDOS_PANEL_INSTALL_CONF: join(dir, "absent", "install.conf"),
    WEDOS_PANEL_CONFIG: join(dir, "config.json"),
  };
  const diskCheck = async () => (await runDoctor(env, clock)).find((result) => result.check === "disk space");
  return { dataDir, disk, diskCheck };
}

describe("wedos-panel doctor: disk space", () => {
  it("says the data directory's filesystem is full and what to do, and only warns once space is freed but little is left", async () => {
    const { dataDir, disk, diskCheck } = fullDataDir();
    expect(await diskCheck()).toEqual({
      check: "disk space",
      status: "fail",
      message: `the filesystem of ${dataDir} is full (0.0 MiB left): hooks cannot queue events and the worker waits; free space there (the daemon resumes by itself and its reconcile finds the events that were lost)`,
    });
    disk.free();
    expect(await diskCheck()).toEqual({
      check: "disk space",
      status: "warn",
      message: `the filesystem of ${dataDir} is nearly full (2.0 MiB left); free space there before hooks can no longer queue events`,
    });
  });
});
