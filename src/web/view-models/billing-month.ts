import { addMonths, dayOf, monthOf, parseMonth, type Month } from "../../billing/calendar.js";
import type { AuthenticatedContext } from "../context.js";
import { monthLabel } from "../i18n/money-format.js";
import { pageUrl } from "../urls.js";

/** Months the picker offers: this one and the eleven before it (older months are one `month=` away). */
export const PICKER_MONTHS = 12;

/** The month a billing page shows, and why it is not the one asked for when it could not be. */
export interface ChosenMonth {
  month: Month;
  /** The current month in the provider's time zone: no later month has anything to bill yet. */
  current: Month;
  /** Set when `month=` was not a month or was in the future: the page says so and shows the current month. */
  notice: string | undefined;
}

/** The provider's current month (config.billing.timeZone), from the injected clock. */
export const currentMonth = (now: number, timeZone: string): Month => monthOf(dayOf(now, timeZone));

/** The `month` parameter as a month up to the current one; anything else reads as the current month, said why. */
export function chooseMonth(page: AuthenticatedContext, query: URLSearchParams, current: Month): ChosenMonth {
  const asked = query.get("month");
  if (asked === null || asked.trim() === "") return { month: current, current, notice: undefined };
  let month: Month;
  try {
    month = parseMonth(asked);
  } catch {
    const text = asked.slice(0, 20);
    const notice = page.t("billing.month.invalid", { asked: text, month: label(page, current) });
    return { month: current, current, notice };
  }
  if (month > current)
    return { month: current, current, notice: page.t("billing.month.future", { month: label(page, current) }) };
  return { month, current, notice: undefined };
}

const label = (page: AuthenticatedContext, month: Month) => monthLabel(month, page.language);

/** The month picker: a GET form with the last twelve months, and the months before and after as links. */
export interface MonthPickerModel {
  label: string;
  action: string;
  /** The fields the form keeps: the plugin page `p`, the reseller the admin is looking at, the customer. */
  keep: Array<{ name: string; value: string }>;
  options: Array<{ value: Month; label: string; selected: boolean }>;
  previous: { href: string; label: string };
  next: { href: string; label: string } | undefined;
}

export function monthPicker(
  page: AuthenticatedContext,
  path: string,
  chosen: ChosenMonth,
  keep: Readonly<Record<string, string>> = {},
): MonthPickerModel {
  const { level, mode } = page.request;
  const href = (month: Month) => pageUrl(level, mode, path, { ...keep, month });
  const months = Array.from({ length: PICKER_MONTHS }, (_, index) => addMonths(chosen.current, -index));
  if (!months.includes(chosen.month)) months.push(chosen.month);
  const previous = addMonths(chosen.month, -1);
  const next = addMonths(chosen.month, 1);
  return {
    label: label(page, chosen.month),
    // A GET form drops the action's query: the plugin page travels as a hidden `p` like the other fields.
    action: pageUrl(level, mode, "/"),
    keep: Object.entries({ p: path, ...keep }).map(([name, value]) => ({ name, value })),
    options: months.map((month) => ({ value: month, label: label(page, month), selected: month === chosen.month })),
    previous: { href: href(previous), label: label(page, previous) },
    next: next > chosen.current ? undefined : { href: href(next), label: label(page, next) },
  };
}
