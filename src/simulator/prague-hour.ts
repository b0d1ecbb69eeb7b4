/**
 * Europe/Prague local time, computed by hand from the EU summer-time rule instead of with `Intl`: the WAPI
 * client uses `Intl`, so the two sides disagree if either method is wrong (the auth hash depends on the hour).
 *
 * EU rule (Directive 2000/84/EC): summer time (CEST, UTC+2) starts on the last Sunday of March at 01:00 UTC and
 * ends on the last Sunday of October at 01:00 UTC; the rest of the year is CET, UTC+1.
 */

const HOUR_MS = 3_600_000;

/** Milliseconds since the epoch of 01:00 UTC on the last Sunday of the given month (0-based) of `year`. */
function lastSundayAtOneUtc(year: number, monthIndex: number): number {
  // Day 0 of the following month is the last day of this month.
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1);
}

/** The offset of Prague local time from UTC at the instant `ms`: 1 (CET) or 2 (CEST). */
export function pragueOffsetHours(ms: number): 1 | 2 {
  const year = new Date(ms).getUTCFullYear();
  const summerStart = lastSundayAtOneUtc(year, 2);
  const summerEnd = lastSundayAtOneUtc(year, 9);
  return ms >= summerStart && ms < summerEnd ? 2 : 1;
}

/** The Prague wall-clock fields of `ms`, read from a Date shifted by the offset (use only the UTC getters). */
function pragueWallClock(ms: number): Date {
  return new Date(ms + pragueOffsetHours(ms) * HOUR_MS);
}

/** The Prague hour 0–23 at the instant `ms`. */
export function pragueHour(ms: number): number {
  return pragueWallClock(ms).getUTCHours();
}

/** The Prague hour as WAPI's auth needs it: always two digits, "00"–"23". */
export function pragueHourText(ms: number): string {
  return String(pragueHour(ms)).padStart(2, "0");
}

/** "YYYY-MM-DD HH:MM:SS" in Prague local time: the form WEDOS uses for dates such as `changed_date`. */
export function formatPragueDateTime(ms: number): string {
  const wall = pragueWallClock(ms);
  const pad = (value: number): string => String(value).padStart(2, "0");
  return (
    `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`
  );
}

/** "YYYYMMDD" of the Prague calendar date at `ms`, the date part of a zone serial. */
export function pragueDateNumber(ms: number): number {
  const wall = pragueWallClock(ms);
  return wall.getUTCFullYear() * 10_000 + (wall.getUTCMonth() + 1) * 100 + wall.getUTCDate();
}
