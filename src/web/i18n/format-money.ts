import { decimalText, type Money } from "../../billing/money.js";
import type { Language } from "./index.js";

/**
 * Money as the visitor's language writes it: cs "1 490,00 Kč", en "CZK 1,490.00" (the code, never a symbol a
 * reader could take for another currency's). The amount goes to Intl as decimal text, so no float rounds it.
 */
export type FormatMoney = (amount: Money) => string;

const LOCALES: Record<Language, { locale: string; display: "symbol" | "code" }> = {
  cs: { locale: "cs-CZ", display: "symbol" },
  en: { locale: "en-GB", display: "code" },
};

const formats = new Map<string, Intl.NumberFormat>();

export function moneyFormatter(language: Language): FormatMoney {
  const { locale, display } = LOCALES[language];
  return (amount) => {
    const key = `${language} ${amount.currency}`;
    let format = formats.get(key);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, {
        style: "currency",
        currency: amount.currency,
        currencyDisplay: display,
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
      formats.set(key, format);
    }
    // ICU puts no-break spaces in some versions: plain spaces copy and compare as people expect.
    return format.format(decimalText(amount) as `${number}`).replace(/[\u00a0\u202f]/g, " ");
  };
}

/** A percentage with two decimals in the language's way ("12.50" / "12,50"). */
export function percentFormatter(language: Language): (text: string) => string {
  return (text) => (language === "cs" ? text.replace(".", ",") : text);
}
