import type { Day } from "../../billing/calendar.js";
import { decimalText, type Money } from "../../billing/money.js";
import type { Language } from "./index.js";

/**
 * Money and calendar days as the visitor's language writes them: cs `1 490,00 Kč` and `10. 4. 2026`, en
 * `CZK 1,490.00` and `10 Apr 2026`. The amount goes to Intl as its exact decimal text, never as a float.
 */
const LOCALES: Record<Language, string> = { cs: "cs-CZ", en: "en-GB" };

export function formatMoney(language: Language, amount: Money): string {
  const format = new Intl.NumberFormat(LOCALES[language], {
    style: "currency",
    currency: amount.currency,
    currencyDisplay: language === "cs" ? "symbol" : "code",
  });
  return format.format(decimalText(amount) as unknown as number);
}

/** A billing day is a date without a time: written in UTC so no time zone moves it to another day. */
export function formatDay(language: Language, day: Day): string {
  const options: Intl.DateTimeFormatOptions =
    language === "cs"
      ? { day: "numeric", month: "numeric", year: "numeric", timeZone: "UTC" }
      : { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(LOCALES[language], options).format(new Date(`${day}T00:00:00Z`));
}
