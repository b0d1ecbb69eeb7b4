import { describe, expect, it } from "vitest";
import { checkAdoptions } from "../../src/doctor/adoption-check.js";
import { openDatabase } from "../../src/store/database.js";
import { ServiceRequestStore } from "../../src/store/service-request-store.js";

const waiting = (domain: string, expiresAt: number) => ({
  kind: "adoption" as const,
  domain,
  service: "zone" as const,
  state: "requested",
  username: "bob",
  reseller: "res",
  expiresAt,
});

describe("the doctor's adoption check", () => {
  it("warns of a failed take-over first, then of requests waiting past their expiry, and names the fix", () => {
    const db = openDatabase(":memory:");
    const requests = new ServiceRequestStore(db);
    expect(checkAdoptions(db, 5000)).toMatchObject({ status: "ok" });

    requests.open(waiting("late.test", 4000), "daemon", 0);
    requests.open(waiting("fine.test", 6000), "daemon", 0);
    const overdue = checkAdoptions(db, 5000);
    expect(overdue.status).toBe("warn");
    expect(overdue.message).toMatch(/^1 adoption request\(s\) wait past their expiry \(the oldest: late\.test\)/);
    expect(overdue.message).toContain("check that wedos-panel serve is running");

    const failed = requests.open(waiting("bad.test", 9000), "daemon", 0);
    requests.transition(failed.id, { from: ["requested"], to: "approved", actor: "user bob", at: 1 });
    requests.transition(failed.id, { from: ["approved"], to: "failed", actor: "daemon", at: 2, note: "refused" });
    expect(checkAdoptions(db, 5000).message).toMatch(/^1 approved take-over\(s\) failed \(the newest: bad\.test\)/);
  });
});
