import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { PolicyStore } from "../../src/store/policy-store.js";
import { ProtectionPlanStore } from "../../src/store/protection-plan-store.js";
import { rewindDatabase } from "../support/rewind-database.js";
import { tempDir } from "../support/temp-dir.js";

describe("migration 29", () => {
  it("gives existing policies the package's plan and no template, and existing services no paid-until day yet", () => {
    const file = join(tempDir(), "db.sqlite");
    const old = openDatabase(file);
    rewindDatabase(old, 28);
    old
      .prepare(
        `INSERT INTO policies (package, dns_mode, protection, protection_period, protection_mode, protection_choice,
           on_suspend, termination, grace_days, zone_quota, updated_at)
         VALUES ('gold', 'primary', 'expert', 'yearly', 'ns', 'opt-in', 'keep', 'delete', 7, 0, 1000)`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO protections (domain, variant, period, mode, upstream_ips, state, activated_at, updated_at)
         VALUES ('old.test', 'expert', 'yearly', 'ns', '[]', 'active', 1000, 1000)`,
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(new PolicyStore(db).forPackage("gold")).toMatchObject({
      protection: "expert",
      planChoice: "fixed",
      protectionTemplate: "",
    });
    const plans = new ProtectionPlanStore(db);
    expect(plans.activeServices()).toEqual([
      {
        domain: "old.test",
        variant: "expert",
        period: "yearly",
        activatedAt: 1000,
        paidUntil: null,
        templateId: null,
      },
    ]);
    expect(plans.templates()).toEqual([]);
    expect(plans.templatesFetchedAt()).toBeUndefined();
    db.close();
  });
});

describe("the protection plan store", () => {
  it("keeps the latest plan choice per domain and settles it", () => {
    const plans = new ProtectionPlanStore(openDatabase(join(tempDir(), "db.sqlite")));
    plans.choose("a.test", "expert", "yearly", "alice", 1);
    plans.settleChoice("a.test", "refused", "over the limit");
    plans.choose("a.test", "start", "monthly", "res1", 2);
    expect(plans.choice("a.test")).toEqual({
      domain: "a.test",
      variant: "start",
      period: "monthly",
      by: "res1",
      at: 2,
      state: "waiting",
      reason: null,
    });
  });
});
