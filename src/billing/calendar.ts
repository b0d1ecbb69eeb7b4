/**
 * Billing days and months. A day is a calendar date in the provider's time zone, written `YYYY-MM-DD`; a month is
 * `YYYY-MM`. Day arithmetic works on the date itself, never on milliseconds, so a month has its days whatever
 * daylight-saving time does (the night of a DST change is one day, not 23 or 25 hours of one).
 */
export type Day = string;
export type Month = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Raised for a day or month that is not one; the message says how to write it. */
export class CalendarError extends Error {
  override readonly name = "CalendarError";
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day an instant falls on in a time zone (e.g. Europe/Prague). */
export function dayOf(ms: number, timeZone: string): Day {
  const parts = formatterFor(timeZone).formatToParts(ms);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

function utcOf(day: Day): number {
  const match = DAY.exec(day);
  if (match === null) throw new CalendarError(`"${day}" is not a day: write it as YYYY-MM-DD, e.g. 2026-11-30`);
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const utc = Date.UTC(year, month - 1, date);
  if (new Date(utc).getUTCDate() !== date) throw new CalendarError(`${day} does not exist`);
  return utc;
}

const fromUtc = (utc: number): Day => new Date(utc).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** Checks a day's text (throws a CalendarError that says how to write it). */
export function parseDay(text: string): Day {
  utcOf(text.trim());
  return text.trim();
}

/** Checks a month's text, `YYYY-MM`. */
export function parseMonth(text: string): Month {
  const match = MONTH.exec(text.trim());
  if (match === null || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new CalendarError(`"${text}" is not a month: write it as YYYY-MM, e.g. 2026-11`);
  }
  return text.trim();
}

export function addDays(day: Day, days: number): Day {
  return fromUtc(utcOf(day) + days * DAY_MS);
}

/** Days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

export const monthOf = (day: Day): Month => day.slice(0, 7);
export const firstDay = (month: Month): Day => `${parseMonth(month)}-01`;

export function daysInMonth(month: Month): number {
  const [year, number] = parseMonth(month).split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).getUTCDate();
}

export const lastDay = (month: Month): Day => addDays(firstDay(month), daysInMonth(month) - 1);

export function addMonths(month: Month, months: number): Month {
  const [year, number] = parseMonth(month).split("-").map(Number) as [number, number];
  const index = year * 12 + (number - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28 or 29 Feb): when a period
 * bought on a day ends.
 */
export function addMonthsToDay(day: Day, months: number): Day {
  const month = addMonths(monthOf(day), months);
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(month));
  return `${month}-${String(date).padStart(2, "0")}`;
}
