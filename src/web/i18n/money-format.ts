import type { Day, Month } from "../../billing/calendar.js";
import type { Money } from "../../billing/money.js";
import type { Language } from "./index.js";

/**
 * Money, billing days and months as the visitor's language writes them: cs `1 490,00 Kč`, `3. 11. 2026`,
 * `listopad 2026`; en `CZK 1,490.00`, `3 Nov 2026`, `November 2026`. Amounts are written from their integer minor
 * units digit by digit (never through a floating-point number), so what a page shows is exactly what was rated.
 */
export type FormatMoney = (amount: Money) => string;

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  cs: { group: " ", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** Czech writes the symbols people read on Czech bills; other currencies keep their code. */
const CS_SYMBOLS: Readonly<Record<string, string>> = { CZK: "Kč", EUR: "€" };

function digits(minor: number, language: Language): string {
  const { group, decimal } = SEPARATORS[language];
  const abs = Math.abs(minor);
  // (abs − cents) ÷ 100 divides a multiple of 100: exact for every safe integer, unlike flooring abs ÷ 100.
  const whole = String((abs - (abs % 100)) / 100).replace(/\B(?=(\d{3})+$)/g, group);
  return `${minor < 0 ? "-" : ""}${whole}${decimal}${String(abs % 100).padStart(2, "0")}`;
}

export function moneyFormatter(language: Language): FormatMoney {
  return language === "cs"
    ? (amount) => `${digits(amount.minor, "cs")} ${CS_SYMBOLS[amount.currency] ?? amount.currency}`
    : (amount) => `${amount.currency} ${digits(amount.minor, "en")}`;
}

const MONTH_NAMES: Record<Language, readonly string[]> = {
  cs: [
    "leden",
    "únor",
    "březen",
    "duben",
    "květen",
    "červen",
    "červenec",
    "srpen",
    "září",
    "říjen",
    "listopad",
    "prosinec",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** A billing month (`2026-11`): cs `listopad 2026`, en `November 2026`; `short` gives cs `11/2026`, en `Nov 2026`. */
export function monthLabel(month: Month, language: Language, short = false): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  if (short) return language === "cs" ? `${number}/${year}` : `${MONTH_NAMES.en[number - 1]?.slice(0, 3)} ${year}`;
  return `${MONTH_NAMES[language][number - 1]} ${year}`;
}

const CS_ABBREVIATIONS = ["led", "úno", "bře", "dub", "kvě", "čvn", "čvc", "srp", "zář", "říj", "lis", "pro"];

/** A month's name short enough for a chart's axis: cs `lis`, en `Nov`. */
export function monthAbbreviation(month: Month, language: Language): string {
  const index = Number(month.slice(5, 7)) - 1;
  return (language === "cs" ? CS_ABBREVIATIONS[index] : MONTH_NAMES.en[index]?.slice(0, 3)) ?? month;
}

/** A billing day (`2026-11-03`): cs `3. 11. 2026`, en `3 Nov 2026`. A day has no time and no zone to name. */
export function dayLabel(day: Day, language: Language): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return language === "cs" ? `${date}. ${month}. ${year}` : `${date} ${MONTH_NAMES.en[month - 1]?.slice(0, 3)} ${year}`;
}

/** An amount in a language, for code that holds the language rather than the page's `t.money`. */
export function formatMoney(language: Language, amount: Money): string {
  return moneyFormatter(language)(amount);
}

/** A percentage with two decimals in the language's way ("12.50" / "12,50"). */
export function percentFormatter(language: Language): (text: string) => string {
  return (text) => (language === "cs" ? text.replace(".", ",") : text);
}
