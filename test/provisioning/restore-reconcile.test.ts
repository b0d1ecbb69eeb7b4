import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createServices, type Services } from "../../src/main.js";
import { reconcile } from "../../src/provisioning/tasks/reconcile.js";
import { databaseFileIn } from "../../src/store/database.js";
import { restoreDatabase } from "../../src/store/restore.js";
import { startProvisioningHarness } from "../support/provisioning-harness.js";

const user = (n: number) => ({
  username: `b${n}`,
  domain: `restore${n}.test`,
  package: "default",
  ip: `192.0.2.${n}`,
  email: `b${n}@example.test`,
  creator: "admin",
  password: "Secret-Password-1",
});

describe("after a restore", () => {
  it("the reconciler brings the inventory and WEDOS back in step with the panel", async () => {
    const h = await startProvisioningHarness();
    let restored: Services | undefined;
    try {
      await h.da.createUser(user(1));
      await h.settle();
      // The daemon's daily backup, as services wires it: store.backupDir's default, a 0600 file.
      const { file } = await h.services.backup();
      expect(dirname(file)).toBe(join(h.dataDir, "backups"));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      await h.da.createUser(user(2));
      await h.settle();
      expect(h.published("restore2.test")).toBeDefined();

      await h.services.close();
      restoreDatabase(file, databaseFileIn(h.dataDir), { driver: h.services.config.store.driver, now: h.clock.now() });
      restored = createServices(h.services.config, h.clock, h.services.panel);
      expect(restored.tasks.inventory.domain("restore2.test")).toBeUndefined();
      restored.queue.enqueue(reconcile, {});
      for (let round = 0; round < 20; round++) {
        restored.ingest();
        await restored.worker.runUntilIdle(10_000);
        const next = await restored.queue.nextRunAt();
        if (next === undefined) break;
        h.clock.set(Math.max(next, h.clock.now() + 1));
      }

      expect(restored.tasks.inventory.domain("restore1.test")?.dnsStatus).toBe("active");
      // Made after the backup: the restored database has no record of making it, so an admin adopts it.
      expect(restored.tasks.inventory.domain("restore2.test")).toMatchObject({
        state: "active",
        dnsStatus: "conflict",
      });
    } finally {
      await restored?.close();
      await h.sim.close();
    }
  });
});
