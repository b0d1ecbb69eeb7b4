import { MoneyError, parseMoney, type Money } from "../../billing/money.js";
import { normaliseList } from "../lists.js";

/**
 * One movement of the WEDOS credit account as `account-list` reports it. WEDOS documents the command by name only,
 * so every field is read tolerantly (docs/reference/wapi.md#account-list): the first of several plausible names,
 * amounts as decimal text or numbers, dates as "YYYY-MM-DD[ HH:MM:SS]" or Czech "D. M. YYYY"; the raw item is kept.
 */
export interface CreditMovement {
  /** WEDOS's own date-time text, as given; null when the item has none. */
  at: string | null;
  /** The calendar day (YYYY-MM-DD) of `at` as WEDOS wrote it (Prague time); null when unreadable. */
  day: string | null;
  /** Negative for what WEDOS took, positive for credit added; null when the item has no readable amount. */
  amount: Money | null;
  description: string;
  /** WEDOS's order number; null for a movement without one (a top-up). */
  orderNum: string | null;
  fields: Record<string, unknown>;
}

const DATE_KEYS = ["date", "datetime", "created", "created_date", "time"];
const AMOUNT_KEYS = ["amount", "price", "sum", "value"];
const TEXT_KEYS = ["description", "text", "note", "name", "type"];
const ORDER_KEYS = ["order_num", "order_id", "ordernum", "order"];

function first(item: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = item[key];
    if ((typeof value === "string" && value.trim() !== "") || typeof value === "number") return String(value).trim();
  }
  return null;
}

/** "2026-11-03 14:22:05" or "2026-11-03" → "2026-11-03"; "3. 11. 2026" or "3.11.2026 14:22" → "2026-11-03". */
export function movementDay(text: string | null): string | null {
  if (text === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso !== null) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const czech = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})/.exec(text);
  if (czech === null) return null;
  return `${czech[3]}-${(czech[2] ?? "").padStart(2, "0")}-${(czech[1] ?? "").padStart(2, "0")}`;
}

function amountOf(item: Record<string, unknown>, fallbackCurrency: string): Money | null {
  const text = first(item, AMOUNT_KEYS);
  if (text === null) return null;
  try {
    return parseMoney(text, first(item, ["currency"]) ?? fallbackCurrency);
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

/**
 * The movements in an `account-list` answer's `data`, in WEDOS's order: every list-like value of `data` (any shape
 * of docs/reference/wapi.md#list-shapes) whose items are objects. `fallbackCurrency` is used where an item names
 * none (the account's currency from `credit-info`).
 */
export function readMovements(data: Record<string, unknown>, fallbackCurrency: string): CreditMovement[] {
  return Object.values(data)
    .flatMap((value) => normaliseList(value))
    .filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null)
    .map((item) => {
      const at = first(item, DATE_KEYS);
      return {
        at,
        day: movementDay(at),
        amount: amountOf(item, fallbackCurrency),
        description: first(item, TEXT_KEYS) ?? "",
        orderNum: first(item, ORDER_KEYS),
        fields: item,
      };
    });
}
