import { decimalText, type Money } from "../../billing/money.js";
import type { Language } from "./index.js";

/** The locale each language writes amounts in: cs "1 490,00 Kč", en "CZK 1,490.00" (the code, never a guess at $). */
const LOCALES: Record<Language, { locale: string; display: "symbol" | "code" }> = {
  cs: { locale: "cs-CZ", display: "symbol" },
  en: { locale: "en-GB", display: "code" },
};

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as the visitor's language writes it. The exact decimal text is formatted (Intl takes a string as an
 * exact decimal), so no amount passes through floating point.
 */
export function formatMoney(language: Language, amount: Money): string {
  const key = `${language} ${amount.currency}`;
  let format = formats.get(key);
  if (format === undefined) {
    const { locale, display } = LOCALES[language];
    format = new Intl.NumberFormat(locale, { style: "currency", currency: amount.currency, currencyDisplay: display });
    formats.set(key, format);
  }
  // A decimal string is formatted exactly (ECMA-402 "Intl.NumberFormat v3"); the type still says number.
  return format.format(decimalText(amount) as unknown as number).replace(/[\u00a0\u202f]/g, " ");
}
