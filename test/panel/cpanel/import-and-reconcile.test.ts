import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.js";
import { EmulatedCpanel, cpanelFixtureTree } from "../../../src/emulators/cpanel/index.js";
import { RECONCILE_REPORT_KEY, type ReconcileReport } from "../../../src/provisioning/tasks/reconcile.js";
import { startSimulator, type RunningSimulator } from "../../../src/simulator/index.js";
import { DaemonStateStore } from "../../../src/store/daemon-state-store.js";
import { startCpanelHarness, type CpanelHarness } from "../../support/cpanel-harness.js";
import { runCliCaptured } from "../../support/run-cli.js";
import { tempDir } from "../../support/temp-dir.js";
import { payload } from "./support.js";
import { reconcile as reconcileTask } from "../../../src/provisioning/tasks/reconcile.js";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("wedos-panel import on a cPanel server", () => {
  const clock = new ManualClock("2026-07-01T10:00:00Z");
  let sim: RunningSimulator;

  /** A cPanel tree with two accounts (three domains), and the CLI's environment pointing at it. */
  async function server(panel: string) {
    sim = await startSimulator({ login: "demo@example.test", password: "demo-pass-123", clock, rateLimit: 100_000 });
    cleanups.push(() => sim.close());
    const root = tempDir();
    const layout = cpanelFixtureTree(join(root, "cpanel"));
    // The hooks of this tree spool elsewhere: the import alone must find the accounts.
    const cpanel = new EmulatedCpanel({ layout, hookEnv: { WEDOS_PANEL_DATA_DIR: join(root, "elsewhere") }, clock });
    await cpanel.perform(payload("whostmgr-accounts-create"));
    await cpanel.perform(payload("cpanel-api2-park-park"));
    await cpanel.perform(payload("whostmgr-accounts-create", { user: "bob", domain: "bob.test" }));
    writeFileSync(
      join(root, "config.json"),
      JSON.stringify({
        cpanel: { varDir: layout.varDir, etcDir: layout.etcDir },
        dns: { zoneDir: layout.zoneDir, propagationCheck: false },
      }),
    );
    return {
      WEDOS_PANEL_KIND: panel,
      WEDOS_PANEL_CONFIG: join(root, "config.json"),
      WEDOS_PANEL_DATA_DIR: join(root, "data"),
      WEDOS_WAPI_URL: sim.url,
      WEDOS_WAPI_LOGIN: "demo@example.test",
      WEDOS_WAPI_PASSWORD: "demo-pass-123",
    };
  }

  it("backfills every cPanel account's domains (panel: cpanel)", async () => {
    const env = await server("cpanel");
    expect(JSON.parse((await runCliCaptured(["import", "--dry-run", "--json"], env, clock)).stdout)).toMatchObject({
      accounts: 2,
      domains: 3,
      dryRun: true,
    });
    const imported = await runCliCaptured(["import"], env, clock);
    expect(imported.stdout).toBe(
      "Imported 3 domain(s); 0 job(s) still queued, 0 failed (see wedos-panel jobs --failed).\n",
    );
    expect(
      sim.simulator
        .dump()
        .zones.map((zone) => zone.name)
        .sort(),
    ).toEqual(["alice-alias.test", "alice.test", "bob.test"]);
  });

  it("reads DirectAdmin's files instead when the setting says directadmin, and refuses an unknown panel", async () => {
    const env = await server("directadmin");
    expect(JSON.parse((await runCliCaptured(["import", "--dry-run", "--json"], env, clock)).stdout)).toMatchObject({
      accounts: 0,
      domains: 0,
    });
    const wrong = await runCliCaptured(["import", "--dry-run"], { ...env, WEDOS_PANEL_KIND: "plesk" }, clock);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('panel: Invalid option: expected one of "auto"|"directadmin"|"cpanel"');
  });
});

describe("the reconciler on a cPanel server", () => {
  let h: CpanelHarness;
  const reconcile = async () => {
    h.services.queue.enqueue(reconcileTask, {});
    await h.settle();
    return new DaemonStateStore(h.services.db).get<ReconcileReport>(RECONCILE_REPORT_KEY)?.value;
  };

  it("provisions domains whose hook events were lost and treats domains gone from cPanel as deleted", async () => {
    h = await startCpanelHarness();
    cleanups.push(() => h.close());
    await h.cpanel.perform(payload("whostmgr-accounts-create"));
    await h.cpanel.perform(payload("cpanel-api2-addondomain-addaddondomain"));
    rmSync(join(h.dataDir, "spool", "new"), { recursive: true, force: true });
    expect((await reconcile())?.missing).toEqual(["alice.test", "alice-shop.test"]);
    await h.settle();
    expect(h.published("alice-shop.test")?.length).toBeGreaterThan(3);

    // Removed behind the plugin's back: the users file is rewritten without the addon, no hook ran.
    h.cpanel.files.setDomains("alice", ["alice.test"]);
    expect((await reconcile())?.orphans).toEqual(["alice-shop.test"]);
    expect(h.services.tasks.inventory.domain("alice-shop.test")?.state).toBe("deleted");
  });
});
