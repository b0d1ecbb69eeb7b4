/**
 * Money as an integer count of a currency's minor units (hellers, cents) and the currency's ISO 4217 code. Amounts
 * are never floating point: WEDOS's decimal text is parsed digit by digit, and every rate (markup, VAT, a share of a
 * month) is applied with integer arithmetic and one rounding rule, half away from zero (docs/decisions/0044).
 */
export interface Money {
  /** A safe integer: the amount in minor units, negative for a credit or a refund. */
  readonly minor: number;
  /** ISO 4217 code in capitals, e.g. CZK or EUR. */
  readonly currency: string;
}

/** Minor units per major unit for the currencies a WEDOS account or a provider may use (ISO 4217: two digits). */
const MINOR_DIGITS = 2;

/** Raised for an amount or currency that cannot be money; the message says what was wrong. */
export class MoneyError extends Error {
  override readonly name = "MoneyError";
}

const CURRENCY = /^[A-Z]{3}$/;

/** A currency code, checked: three capital letters (ISO 4217). */
export function currencyCode(text: string): string {
  const code = text.trim().toUpperCase();
  if (!CURRENCY.test(code))
    throw new MoneyError(`"${text}" is not a currency code: use three letters such as CZK or EUR`);
  return code;
}

/** Money from a count of minor units, checked to be a safe integer. */
export function money(minor: number, currency: string): Money {
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`${minor} is not a whole number of minor units`);
  return { minor, currency: currencyCode(currency) };
}

/**
 * Parses a decimal amount as WEDOS or a person writes it: "990", "990.5", "990,50", "-12.30", "1 490.00". At most
 * two decimal places: a third digit would be a fraction of a heller, which no price has.
 */
export function parseMoney(text: string, currency: string): Money {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(",", ".");
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (match === null) {
    throw new MoneyError(`"${text}" is not an amount: write digits with at most two decimals, e.g. 990.00`);
  }
  const [, sign, whole, fraction = ""] = match;
  const minor = Number(whole) * 10 ** MINOR_DIGITS + Number(fraction.padEnd(MINOR_DIGITS, "0"));
  if (!Number.isSafeInteger(minor)) throw new MoneyError(`"${text}" is too large an amount`);
  return money(sign === "-" ? -minor : minor, currency);
}

/** The amount as plain decimal text with two places and a dot ("990.00", "-0.50"): for CSV, JSON and logs. */
export function decimalText(amount: Money): string {
  const sign = amount.minor < 0 ? "-" : "";
  const abs = Math.abs(amount.minor);
  const unit = 10 ** MINOR_DIGITS;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(MINOR_DIGITS, "0")}`;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(`cannot combine ${a.currency} and ${b.currency}: set a price in ${a.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor - b.minor, a.currency);
}

/** The sum of amounts in one currency; zero of `currency` for none. */
export function sum(amounts: Iterable<Money>, currency: string): Money {
  let total = 0;
  const code = currencyCode(currency);
  for (const amount of amounts) {
    if (amount.currency !== code) sameCurrency({ minor: 0, currency: code }, amount);
    total += amount.minor;
  }
  return money(total, code);
}

/**
 * `minor × numerator ÷ denominator`, rounded half away from zero, in exact integer arithmetic (BigInt, so a large
 * amount times a large numerator never loses a digit). The one rounding rule for markup, VAT and proration.
 */
export function scaleMinor(minor: number, numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new MoneyError(`cannot scale by ${numerator}/${denominator}: use whole numbers and a positive divisor`);
  }
  const product = BigInt(minor) * BigInt(numerator);
  const divisor = BigInt(denominator);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return Number(negative ? -rounded : rounded);
}

export function scale(amount: Money, numerator: number, denominator: number): Money {
  return money(scaleMinor(amount.minor, numerator, denominator), amount.currency);
}

/** Basis points: 1 % = 100 bp. Markups and VAT rates are whole basis points (21 % VAT = 2100). */
export const BASIS_POINTS = 10_000;

/** The amount raised by a markup in basis points (2500 = +25 %), rounded once. */
export function withMarkup(amount: Money, markupBp: number): Money {
  return scale(amount, BASIS_POINTS + markupBp, BASIS_POINTS);
}

/** Parses a percentage as a person writes it ("25", "12.5", "21,0") into basis points. */
export function percentToBasisPoints(text: string): number {
  const match = /^(-?)(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ""));
  if (match === null) throw new MoneyError(`"${text}" is not a percentage: write e.g. 25 or 12.5`);
  const [, sign, whole, fraction = ""] = match;
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign === "-" ? -bp : bp;
}
