import { describe, expect, it } from "vitest";
import { paidPeriod, renewalStep } from "../../src/billing/renewal.js";
import { money } from "../../src/billing/money.js";
import { costsMore, targetPlan } from "../../src/provisioning/tasks/plan-tasks.js";

describe("paidPeriod", () => {
  it.each([
    ["2026-01-31", "monthly", "2026-02-28", "2026-02-27"],
    ["2028-01-31", "monthly", "2028-02-29", "2028-02-28"],
    ["2026-02-28", "monthly", "2026-03-28", "2026-03-27"],
    ["2026-12-15", "monthly", "2027-01-15", "2027-01-14"],
    ["2028-02-29", "yearly", "2029-02-28", "2029-02-27"],
    ["2026-03-29", "monthly", "2026-04-29", "2026-04-28"],
  ] as const)("%s %s: paid until %s, covering up to %s", (from, period, until, coversTo) => {
    expect(paidPeriod(from, period)).toEqual({ from, until, coversTo });
  });
});

describe("renewalStep", () => {
  it.each([
    ["2026-04-06", "renew", "wait"],
    ["2026-04-07", "renew", "renew"],
    ["2026-04-10", "renew", "renew"],
    ["2026-04-12", "renew", "renew"],
    ["2026-04-09", "lapse", "wait"],
    ["2026-04-10", "lapse", "lapse"],
  ] as const)("on %s with %s (paid until 2026-04-10): %s", (today, renewal, step) => {
    expect(renewalStep(today, "2026-04-10", renewal)).toBe(step);
  });
});

describe("targetPlan", () => {
  const policy = { protection: "advanced", protectionPeriod: "monthly", planChoice: "customer" } as const;
  it("follows the customer's choice where the package lets them choose", () => {
    expect(targetPlan(policy, { variant: "expert", period: "yearly", state: "waiting" })).toEqual({
      variant: "expert",
      period: "yearly",
      source: "customer",
    });
  });
  it("keeps what runs after a refused choice", () => {
    expect(targetPlan(policy, { variant: "expert", period: "yearly", state: "refused" })).toBeUndefined();
  });
  it("is the package's plan when the package sets it, whatever was chosen", () => {
    expect(
      targetPlan({ ...policy, planChoice: "fixed" }, { variant: "expert", period: "yearly", state: "done" }),
    ).toEqual({ variant: "advanced", period: "monthly", source: "package" });
  });
  it("is nothing for a package without protection", () => {
    expect(targetPlan({ ...policy, protection: "off" }, undefined)).toBeUndefined();
  });
});

describe("costsMore", () => {
  const czk = (minor: number) => money(minor, "CZK");
  it.each([
    ["a dearer plan", czk(1490_00), "monthly", czk(490_00), "monthly", true],
    ["a cheaper plan", czk(99_00), "monthly", czk(490_00), "monthly", false],
    ["a year at ten months' price", czk(4900_00), "yearly", czk(490_00), "monthly", false],
    ["a year dearer than twelve months", czk(6000_00), "yearly", czk(490_00), "monthly", true],
    ["a month of a year's plan", czk(490_00), "monthly", czk(4900_00), "yearly", true],
    ["an unknown price", null, "monthly", czk(490_00), "monthly", true],
    ["another currency", money(20_00, "EUR"), "monthly", czk(490_00), "monthly", true],
  ] as const)("%s: %s", (_label, next, nextPeriod, now, nowPeriod, more) => {
    expect(costsMore(next, now, { period: nextPeriod }, { period: nowPeriod })).toBe(more);
  });
});
