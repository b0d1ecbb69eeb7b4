import { join } from "node:path";
import { expect, it } from "vitest";
import { DAEMON_PAGE_CACHE_KIB, startServing } from "../../src/serving.js";
import { startProvisioningHarness } from "../support/provisioning-harness.js";
import { tempDir } from "../support/temp-dir.js";

it("runs the daemon with a small SQLite page cache, every other connection keeping the driver's default", async () => {
  const h = await startProvisioningHarness({ config: { daemon: { listen: join(tempDir(), "daemon.sock") } } });
  try {
    // better-sqlite3 builds SQLite with a 16 MB cache (-16000 KiB), SQLite's own default is 2 MB (-2000).
    expect(h.services.db.pragma("cache_size")).toBeLessThan(-DAEMON_PAGE_CACHE_KIB);
    const serving = await startServing(h.services, () => {});
    try {
      expect(h.services.db.pragma("cache_size")).toBe(-DAEMON_PAGE_CACHE_KIB);
    } finally {
      await serving.stop();
    }
  } finally {
    await h.close();
  }
});
