import { movementsBetween, movementView } from "../credit.js";
import { formatAmount } from "../state.js";
import { WapiFailure } from "../wapi-failure.js";
import { WGP_CURRENCY } from "../wgp-services.js";
import type { CommandHandler } from "./command.js";

/** Account-level commands. */

/** 1000 whenever the envelope, IP and auth are valid (KB-ping); no data. */
const ping: CommandHandler = () => ({});

/**
 * ASSUMED shape: WEDOS documents `credit-info` only by name. The answer carries the balance as a decimal string
 * and its currency: `data: { amount: "5000.00", currency: "CZK" }`.
 */
const creditInfo: CommandHandler = ({ account }) => ({
  data: { amount: formatAmount(account.creditCents), currency: WGP_CURRENCY },
});

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` parameter as the number YYYYMMDD; a missing or malformed one is 2100/2101. */
function dayParameter(data: Record<string, unknown>, key: string): number {
  const value = data[key];
  if (value === undefined || value === null || value === "") throw new WapiFailure(2100, `\`${key}\` missing`);
  const match = typeof value === "string" ? DAY.exec(value.trim()) : null;
  if (match === null) throw new WapiFailure(2101, `\`${key}\` must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return Number(`${match[1]}${match[2]}${match[3]}`);
}

/**
 * ASSUMED: `account-list` — the credit account's movements between `date_from` and `date_to` (Prague calendar
 * days, inclusive; both parameter names are the ones a client library uses, WEDOS publishes none). The answer is
 * `data.item`, a list in any shape of docs/reference/wapi.md#list-shapes, of `{id, date, amount, currency, balance,
 * description, order_num}`: amounts as decimal text, negative for what was charged, `order_num` empty for a top-up.
 */
const accountList: CommandHandler = ({ account, data, lists }) => {
  const from = dayParameter(data, "date_from");
  const to = dayParameter(data, "date_to");
  if (from > to) throw new WapiFailure(2101, "`date_from` is after `date_to`");
  return { data: lists.wrap("item", movementsBetween(account, from, to).map(movementView)) };
};

export const accountCommands: Record<string, CommandHandler> = {
  ping,
  "credit-info": creditInfo,
  "account-list": accountList,
};
