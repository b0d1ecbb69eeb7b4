import type { Money } from "../../billing/money.js";
import type { Language } from "./index.js";

/**
 * Money as the visitor's language writes it, from integer minor units (no floating point): cs "1 490,00 Kč",
 * en "CZK 1,490.00". Other currencies keep their code (cs "12,50 EUR").
 */
export function formatMoney(language: Language, amount: Money): string {
  const sign = amount.minor < 0 ? "-" : "";
  const abs = Math.abs(amount.minor);
  const whole = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, "0");
  const grouped = (separator: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  if (language === "cs") {
    return `${sign}${grouped(" ")},${cents} ${amount.currency === "CZK" ? "Kč" : amount.currency}`;
  }
  return `${sign}${amount.currency} ${grouped(",")}.${cents}`;
}
