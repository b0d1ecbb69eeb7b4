import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRenewals } from "../../src/doctor/renewal-check.js";
import { openDatabase } from "../../src/store/database.js";
import { ProtectionPlanStore } from "../../src/store/protection-plan-store.js";
import { ProtectionStore } from "../../src/store/protection-store.js";
import { tempDir } from "../support/temp-dir.js";

describe("the doctor's renewal check", () => {
  it("fails when an active service is past its paid period, naming the oldest and the fix", () => {
    const db = openDatabase(join(tempDir(), "db.sqlite"));
    const protections = new ProtectionStore(db);
    const plans = new ProtectionPlanStore(db);
    for (const [domain, paidUntil] of [
      ["late.test", "2026-04-09"],
      ["later.test", "2026-04-02"],
      ["fine.test", "2026-04-10"],
    ] as const) {
      protections.recordOrdering({ domain, variant: "start", period: "monthly", mode: "ns", upstreamIps: [] }, 0);
      protections.update(domain, { state: "active" }, 0);
      plans.setPaidUntil(domain, paidUntil, 0);
    }
    // 10 April in Prague, still 9 April in UTC.
    const now = Date.parse("2026-04-09T22:30:00Z");
    expect(checkRenewals(db, "UTC", now)).toMatchObject({ status: "fail" });
    expect(checkRenewals(db, "UTC", now).message).toMatch(/^1 protection service\(s\) .*\(the oldest, later\.test,/);
    const prague = checkRenewals(db, "Europe/Prague", now);
    expect(prague.message).toMatch(/^2 protection service\(s\) .*later\.test, since 2026-04-02.*top it up/);

    protections.update("later.test", { state: "removed" }, 0);
    protections.update("late.test", { state: "removed" }, 0);
    expect(checkRenewals(db, "Europe/Prague", now)).toMatchObject({ status: "ok" });
    db.close();
  });
});
