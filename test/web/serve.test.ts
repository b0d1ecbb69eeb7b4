import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { seedTenants, startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  await seedTenants(h);
});
afterEach(async () => {
  await h.close();
});

describe("wedos-panel serve", () => {
  it(
    "serves the pages on daemon.listen (mode 0666) beside the daemon loop, and removes the socket when it stops",
    { timeout: 30_000 },
    async () => {
      const socket = join(h.root, "serve", "daemon.sock");
      const configFile = join(h.root, "serve.json");
      const harnessConfig = JSON.parse(readFileSync(h.configFile, "utf8")) as Record<string, unknown>;
      writeFileSync(configFile, JSON.stringify({ ...harnessConfig, dataDir: h.dataDir, daemon: { listen: socket } }));
      const env = {
        PATH: process.env.PATH ?? "",
        WEDOS_PANEL_CONFIG: configFile,
        WEDOS_WAPI_URL: "http://127.0.0.1:9/wapi/json",
        WEDOS_WAPI_LOGIN: "web@example.test",
        WEDOS_WAPI_PASSWORD: "web-test-pass-1",
      };
      const daemon = spawn(process.execPath, [join(PACKAGE_ROOT, "build", "lib", "cli.js"), "serve"], {
        env,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      const exited = new Promise<number | null>((resolve) => daemon.on("exit", resolve));
      // Wait for the daemon to say it listens (an event, not a sleep).
      await new Promise<void>((resolve, reject) => {
        daemon.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes("web: pages served on")) resolve();
        });
        void exited.then(() => reject(new Error(`serve exited early:\n${stderr}`)));
      });
      try {
        expect(statSync(socket).mode & 0o777).toBe(0o666);
        const { stdout } = await h.da.runPage({
          level: "user",
          session: h.da.login("alice"),
          env: { WEDOS_PANEL_CONFIG: configFile },
        });
        expect(stdout).toContain(">alice.test</a>");
      } finally {
        daemon.kill("SIGTERM");
      }
      expect(await exited, stderr).toBe(0);
      expect(existsSync(socket)).toBe(false);
    },
  );
});
