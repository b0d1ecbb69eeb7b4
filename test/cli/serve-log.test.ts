import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { fixtureTree } from "../../src/emulators/directadmin/index.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { tempDir } from "../support/temp-dir.js";

let daemon: ChildProcess | undefined;
afterEach(() => {
  daemon?.kill("SIGKILL");
  daemon = undefined;
});

const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /;

describe("the daemon's log", () => {
  test("one timestamped line per event: a data directory named with a newline and an escape forges none", async () => {
    const dir = tempDir();
    const layout = fixtureTree(join(dir, "da"));
    // A name a careless admin or a hostile value could give: the newline would start a line of its own.
    const dataDir = join(dir, "data\n2026-01-01T00:00:00.000Z forged line \x1b[2J");
    mkdirSync(dataDir);
    const config = { directadmin: { root: layout.root }, daemon: { listen: join(dir, "daemon.sock") } };
    writeFileSync(join(dir, "config.json"), JSON.stringify(config));
    daemon = spawn(process.execPath, [join(PACKAGE_ROOT, "build", "lib", "cli.js"), "serve"], {
      env: {
        PATH: process.env.PATH,
        WEDOS_PANEL_CONFIG: join(dir, "config.json"),
        WEDOS_PANEL_DATA_DIR: dataDir,
        WEDOS_PANEL_ZONE_DIR: layout.zoneDir,
        WEDOS_WAPI_URL: "http://127.0.0.1:9/",
        WEDOS_WAPI_LOGIN: "demo@example.test",
        WEDOS_WAPI_PASSWORD: "demo-pass-123",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    await new Promise<void>((resolve) => {
      daemon?.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("daemon started")) resolve();
      });
      daemon?.once("exit", () => resolve());
    });
    expect(daemon.exitCode, stderr).toBeNull();
    const stopped = new Promise((resolve) => daemon?.once("exit", resolve));
    daemon.kill("SIGTERM");
    await stopped;

    const lines = stderr.trimEnd().split("\n");
    expect(lines.filter((line) => !STAMP.test(line))).toEqual([]);
    expect(stderr).not.toContain("\x1b");
    expect(lines).toContainEqual(
      expect.stringMatching(/ daemon started \(data .*data\\n2026-01-01T00:00:00\.000Z forged line \\x1b\[2J\)$/),
    );
  }, 60_000);
});
