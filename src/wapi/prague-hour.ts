/**
 * The two-digit hour (00–23) in Europe/Prague at an instant, as the WAPI auth hash needs it.
 * Uses the IANA zone through Intl, so daylight saving is right whatever the machine's own time zone is.
 * https://kb.wedos.com/cs/wapi-api-rozhrani/wapi-zaklady-komunikace-autentizace/
 */
const pragueHourFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Prague",
  hour: "2-digit",
  hourCycle: "h23",
});

export function pragueHour(epochMs: number): string {
  const hour = pragueHourFormat.formatToParts(new Date(epochMs)).find((part) => part.type === "hour")?.value;
  if (hour === undefined || !/^\d{2}$/.test(hour)) {
    throw new Error(
      `cannot compute the Prague hour: this Node.js lacks time-zone data (got ${String(hour)}); install a Node.js build with full ICU`,
    );
  }
  return hour;
}

/** Formats an instant as "HH:MM" Prague time, for messages such as "the budget renews at 14:00". */
export function pragueClockTime(epochMs: number): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Prague",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(epochMs));
}
