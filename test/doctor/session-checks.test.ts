import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config/load.js";
import { checkSessionChecks } from "../../src/doctor/session-checks.js";
import { databaseFileIn, openDatabase } from "../../src/store/database.js";
import { sessionCheckLimits } from "../../src/web/identity/session-check-record.js";
import { tempDir } from "../support/temp-dir.js";

const DAY_MS = 86_400_000;

function config(identity: string) {
  const dir = tempDir();
  const file = join(dir, "config.json");
  writeFileSync(
    file,
    JSON.stringify({
      panel: "directadmin",
      dataDir: join(dir, "data"),
      directadmin: { identity, sessionCheck: { maxFailuresPerHour: 3 } },
    }),
  );
  return loadConfig({ WEDOS_PANEL_CONFIG: file });
}

describe("doctor: whether the session check reached its bound on failed checks", () => {
  it("says nothing happened, then names the account whose made-up sessions were refused, for a week", () => {
    const settings = config("uid+session");
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    expect(checkSessionChecks(settings, clock.now())).toEqual([
      {
        check: "session checks",
        status: "ok",
        message: "no bound on failed session checks was reached in the last 7 days",
      },
    ]);

    // The daemon's own wiring: its limits, its log, its database.
    const db = openDatabase(databaseFileIn(settings.dataDir));
    const logs: string[] = [];
    const limits = sessionCheckLimits({ config: settings, clock, db }, (line) => logs.push(line));
    for (let n = 0; n < 2; n++) {
      limits.admit("bob")();
      limits.failed("bob");
    }
    expect(() => limits.admit("bob")).toThrow(/2 failed checks for bob in the last hour \(at most 2\)/);
    db.close();
    expect(logs).toEqual([
      expect.stringMatching(
        /^web: session checks paused for bob: that account's visitors not yet verified are refused, after 2 checks DirectAdmin did not confirm/,
      ),
    ]);

    const [found] = checkSessionChecks(settings, clock.now() + DAY_MS);
    expect(found?.status).toBe("warn");
    expect(found?.message).toContain(
      "at 2026-03-10T09:00:00.000Z 2 session checks DirectAdmin did not confirm within an hour reached the bound of 2 for bob",
    );
    expect(found?.message).toContain('set directadmin.identity to "uid"');
    expect(checkSessionChecks(settings, clock.now() + 7 * DAY_MS)[0]?.status).toBe("ok");
  });

  it("names the whole server when the server's bound was reached", () => {
    const settings = config("session");
    const clock = new ManualClock("2026-03-10T09:00:00Z");
    const db = openDatabase(databaseFileIn(settings.dataDir));
    const limits = sessionCheckLimits({ config: settings, clock, db }, () => undefined);
    for (const source of ["a", "b", "c"]) limits.failed(source);
    expect(() => limits.admit("d")).toThrow(/3 failed checks on this server/);
    db.close();
    expect(checkSessionChecks(settings, clock.now())[0]?.message).toContain(
      "reached the bound of 3 for the whole server",
    );
  });

  it("has nothing to say when the session check is off", () => {
    expect(checkSessionChecks(config("uid"), Date.now())).toEqual([]);
  });
});
