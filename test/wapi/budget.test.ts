import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { openDatabase } from "../../src/store/database.js";
import { WapiBudgetStore } from "../../src/store/wapi-budget-store.js";
import { WapiBudget, type BudgetLimits } from "../../src/wapi/budget.js";
import { WapiBudgetError } from "../../src/wapi/errors.js";
import { tempDir } from "../support/temp-dir.js";

const START = "2026-03-10T13:20:00Z"; // 14:20 Prague

function budgetOn(file: string, clock: ManualClock, limits: BudgetLimits = { hourlyLimit: 5, interactiveReserve: 2 }) {
  return new WapiBudget(new WapiBudgetStore(openDatabase(file)), limits, clock);
}

describe("WapiBudget", () => {
  it("stops background lanes short of the interactive reserve and lets interactive use it", async () => {
    const clock = new ManualClock(START);
    const budget = budgetOn(join(tempDir(), "db.sqlite"), clock);
    for (let i = 0; i < 3; i++) await budget.take("dns-rows-list", "records", "refuse");
    await expect(budget.take("dns-rows-list", "records", "refuse")).rejects.toThrow(
      "WAPI dns-rows-list not sent: this hour's request budget is used up (3 requests for records work (2 are kept for interactive actions) of wapi.hourlyLimit 5); it renews at 15:00 Prague time",
    );
    await budget.take("ping", "interactive", "refuse");
    await budget.take("ping", "interactive", "refuse");
    const error = await budget.take("ping", "interactive", "refuse").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WapiBudgetError);
    expect((error as WapiBudgetError).message).toBe(
      "WAPI ping not sent: this hour's request budget is used up (all requests of wapi.hourlyLimit 5); it renews at 15:00 Prague time",
    );
    expect((error as WapiBudgetError).retryAt).toBe(Date.parse("2026-03-10T14:00:00Z"));
    expect(budget.status()).toMatchObject({ used: 5, limit: 5, reserve: 2 });
  });

  it("waits for the next hour when the caller chooses to wait", async () => {
    const clock = new ManualClock(START);
    const budget = budgetOn(join(tempDir(), "db.sqlite"), clock, { hourlyLimit: 1, interactiveReserve: 0 });
    await budget.take("ping", "background", "wait");
    await budget.take("ping", "background", "wait");
    expect(new Date(clock.now()).toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(budget.status().used).toBe(1);
  });

  it("is shared through the database by separate processes and survives a restart", async () => {
    const file = join(tempDir(), "db.sqlite");
    const clock = new ManualClock(START);
    const first = budgetOn(file, clock);
    const second = budgetOn(file, clock);
    await first.take("ping", "records", "refuse");
    await second.take("ping", "records", "refuse");
    await first.take("ping", "records", "refuse");
    await expect(second.take("ping", "records", "refuse")).rejects.toBeInstanceOf(WapiBudgetError);
    expect(budgetOn(file, clock).status().used).toBe(3);
  });

  it("starts every clock hour afresh", async () => {
    const clock = new ManualClock(START);
    const budget = budgetOn(join(tempDir(), "db.sqlite"), clock, { hourlyLimit: 1, interactiveReserve: 0 });
    await budget.take("ping", "records", "refuse");
    clock.set("2026-03-10T14:00:00Z");
    await budget.take("ping", "records", "refuse");
    expect(budget.status().used).toBe(1);
  });

  it("keeps the lifecycle reserve from every other lane, and says so when it refuses", async () => {
    const clock = new ManualClock(START);
    const budget = budgetOn(join(tempDir(), "db.sqlite"), clock, {
      hourlyLimit: 6,
      interactiveReserve: 1,
      lifecycleReserve: 2,
    });
    for (let i = 0; i < 3; i++) await budget.take("dns-rows-list", "background", "refuse");
    await expect(budget.take("dns-rows-list", "records", "refuse")).rejects.toThrow(
      "(3 requests for records work (1 are kept for interactive actions, 2 are kept for new and removed accounts) of wapi.hourlyLimit 6)",
    );
    await budget.take("ping", "interactive", "refuse");
    await expect(budget.take("ping", "interactive", "refuse")).rejects.toThrow(
      "(4 requests for interactive actions (2 are kept for new and removed accounts) of wapi.hourlyLimit 6)",
    );
    await budget.take("dns-domain-add", "lifecycle", "refuse");
    await budget.take("dns-domain-commit", "lifecycle", "refuse");
    expect(budget.status()).toMatchObject({ used: 6, reserve: 3 });
  });
});
