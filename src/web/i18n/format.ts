import type { Language, MessageKey } from "./index.js";

/**
 * Dates and times as the visitor's language writes them, all in one time zone per page, which the page names once
 * (docs/decisions/0038). The daemon knows no visitor's time zone (DirectAdmin and cPanel pass none), so the zone
 * follows the language: Czech pages use Prague time, the zone WEDOS and its customers live in; English pages UTC,
 * the one zone no reader has to guess at.
 */
export const PAGE_TIME_ZONES = {
  cs: { zone: "Europe/Prague", note: "time.zone.prague" },
  en: { zone: "UTC", note: "time.zone.utc" },
} as const satisfies Record<Language, { zone: string; note: MessageKey }>;

/** cs `4. 12. 2026 22:05`; en `4 Dec 2026, 21:05`: no month a reader could take for a day. */
const FORMATS: Record<Language, { locale: string; options: Intl.DateTimeFormatOptions }> = {
  cs: {
    locale: "cs-CZ",
    options: { day: "numeric", month: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" },
  },
  en: {
    locale: "en-GB",
    options: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  },
};

/** Writes an instant (unix ms) for the page; `never` when there is none. */
export type FormatTime = (ms: number | null | undefined, never?: string) => string;

/** One formatter per language, made at first use: making one costs about 2 ms, using it a few microseconds. */
const formats = new Map<Language, Intl.DateTimeFormat>();

function formatOf(language: Language): Intl.DateTimeFormat {
  const made = formats.get(language);
  if (made !== undefined) return made;
  const { locale, options } = FORMATS[language];
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: PAGE_TIME_ZONES[language].zone });
  formats.set(language, format);
  return format;
}

/** The page's way of writing instants, in its language and zone. */
export function timeFormatter(language: Language): FormatTime {
  const format = formatOf(language);
  // ICU puts no-break spaces in some versions: plain spaces copy and compare as people expect.
  return (ms, never = "") =>
    ms === null || ms === undefined ? never : format.format(ms).replace(/[\u00a0\u202f]/g, " ");
}
