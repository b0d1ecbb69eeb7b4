import { spawnSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkHookWarnings } from "../../src/doctor/hook-warnings.js";
import { PACKAGE_ROOT } from "../../src/package-info.js";
import { HookWarningStore } from "../../src/store/hook-warning-store.js";
import { tempDir } from "../support/temp-dir.js";
import { startWebHarness, type WebHarness } from "./support.js";

let h: WebHarness;
beforeEach(async () => {
  h = await startWebHarness();
  h.da.createStaffAccount("admin", "admin");
});
afterEach(async () => {
  await h.close();
});

/** Runs the real domain_pointer_create_pre.sh into the harness's spool with no node on PATH: the plugin is broken. */
function brokenPreHook(): { status: number | null; stdout: string } {
  const tools = tempDir("wedos-panel-no-node-");
  for (const tool of ["mkdir", "rm", "timeout"])
    symlinkSync(
      spawnSync("/bin/sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim(),
      join(tools, tool),
    );
  const run = spawnSync(join(PACKAGE_ROOT, "hooks", "domain_pointer_create_pre.sh"), [], {
    env: { PATH: tools, WEDOS_PANEL_DATA_DIR: h.dataDir, username: "alice", domain: "alice.test", from: "Alias.Test" },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout };
}

describe("a pre hook that let an action through unchecked", () => {
  it("is recorded by the daemon and shown on the admin's operations page and by doctor", async () => {
    expect(brokenPreHook()).toEqual({
      status: 0,
      stdout: "WEDOS DNS: the zone quota was not checked; an admin should run: wedos-panel doctor\n",
    });
    const now = h.clock.now();
    // Before the daemon reads the spool, doctor already sees the warning there.
    expect(checkHookWarnings(h.services.hookSpool, h.dataDir, now)).toMatchObject({
      status: "warn",
      message: expect.stringContaining("the latest, domain_pointer_create_pre for alias.test (alice)"),
    });

    expect(h.services.ingest()).toEqual({ ingested: 1, rejected: [] });

    const kept = new HookWarningStore(h.services.db).read();
    expect(kept.total).toBe(1);
    expect(kept.latest).toEqual([
      {
        at: expect.any(Number),
        hook: "domain_pointer_create_pre",
        username: "alice",
        domain: "alias.test",
        message: "Node.js was not found on root's PATH",
      },
    ]);
    expect(Math.abs((kept.latest[0]?.at ?? 0) - Date.now())).toBeLessThan(60_000); // the hook's time, from its file
    expect(checkHookWarnings(h.services.hookSpool, h.dataDir, Date.now())).toMatchObject({
      status: "warn",
      message: expect.stringContaining("1 pre hook run(s) in the last 7 days"),
    });

    const page = (await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/operations" })).stdout;
    expect(page).toContain("Pre hooks that let an action through unchecked");
    expect(page).toContain(
      '<td data-label="Hook">domain_pointer_create_pre</td><td data-label="Domain">alias.test</td>' +
        '<td data-label="Account">alice</td><td class="wedos-reason" data-label="Details">' +
        "Node.js was not found on root&#39;s PATH</td>",
    );
  });

  it("is not on the operations page, nor a doctor warning, when none failed or the last failure is a week old", async () => {
    expect(
      (await h.visit({ level: "admin", session: h.da.login("admin"), query: "p=/operations" })).stdout,
    ).not.toContain("Pre hooks that let an action through unchecked");
    expect(checkHookWarnings(h.services.hookSpool, h.dataDir, Date.now())).toEqual({
      check: "pre hooks",
      status: "ok",
      message: "no pre hook failed in the last 7 days",
    });
    new HookWarningStore(h.services.db).record({
      at: Date.now() - 8 * 86_400_000,
      hook: "domain_create_pre",
      username: null,
      domain: null,
      message: "old",
    });
    expect(checkHookWarnings(h.services.hookSpool, h.dataDir, Date.now()).status).toBe("ok");
  });
});
