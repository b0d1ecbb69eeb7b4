import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToDay,
  daysBetween,
  dayOf,
  daysInMonth,
  lastDay,
  parseDay,
  parseMonth,
} from "../../src/billing/calendar.js";

describe("billing days", () => {
  it("puts an instant on the provider's calendar day, not UTC's", () => {
    // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Prague (CET, UTC+1).
    expect(dayOf(Date.UTC(2026, 10, 30, 23, 30), "Europe/Prague")).toBe("2026-12-01");
    expect(dayOf(Date.UTC(2026, 10, 30, 23, 30), "UTC")).toBe("2026-11-30");
    // 22:30 UTC on 30 Jun is 00:30 on 1 Jul in Prague (CEST, UTC+2).
    expect(dayOf(Date.UTC(2026, 5, 30, 22, 30), "Europe/Prague")).toBe("2026-07-01");
  });

  it("counts days across month ends and DST changes exactly", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2); // the night of 29 Mar lasts 23 h in Prague
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2); // the night of 25 Oct lasts 25 h
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysInMonth("2028-02")).toBe(29);
    expect(daysInMonth("2026-02")).toBe(28);
    expect(lastDay("2026-11")).toBe("2026-11-30");
  });

  it("ends a period on the same day months later, clamped to the month's end", () => {
    expect(addMonthsToDay("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsToDay("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });

  it("refuses a day or month that is not one, saying how to write it", () => {
    expect(() => parseDay("2026-02-30")).toThrow(/does not exist/);
    expect(() => parseDay("30.11.2026")).toThrow(/YYYY-MM-DD/);
    expect(() => parseMonth("2026-13")).toThrow(/YYYY-MM/);
  });
});
