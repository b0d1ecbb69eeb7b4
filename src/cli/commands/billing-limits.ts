import { cliActor } from "../actor.js";
import { LIMIT_REFUSALS, type LimitScope } from "../../billing/limits.js";
import { decimalText, MoneyError, parseMoney, type Money } from "../../billing/money.js";
import { spendCheckFor } from "../../provisioning/spend-check.js";
import { changeSpendLimit, type LimitChangeRefusal } from "../../provisioning/spend-limit-change.js";
import { InventoryStore } from "../../store/inventory-store.js";
import { CreatorLevelStore } from "../../store/creator-level-store.js";
import { SpendLimitStore } from "../../store/spend-limit-store.js";
import { AppError } from "../../errors.js";
import { printJson, stringOption, UsageError, type CliCommand, type ParsedArgs } from "../command.js";
import { openCliDatabase } from "../context.js";

const USAGE = `Usage: wedos-panel billing limit set (--customer NAME | --reseller NAME) AMOUNT
       wedos-panel billing limit remove (--customer NAME | --reseller NAME)
       wedos-panel billing limit list [--json]`;

/** The CLI's words for a refused change (the CLI acts as the server's administrator). */
const REFUSED: Readonly<Record<LimitChangeRefusal, string>> = {
  ...LIMIT_REFUSALS,
  unknown: "there is no such account or reseller on this server (wedos-panel status lists what the plugin knows)",
  "nothing-to-remove": "there was no limit to remove",
};

function amountOf(text: string, currency: string): Money {
  try {
    return parseMoney(text, currency);
  } catch (error) {
    if (error instanceof MoneyError) throw new UsageError(error.message);
    throw error;
  }
}

const money = (amount: Money) => `${decimalText(amount)} ${amount.currency}`;

function target(args: ParsedArgs): { scope: LimitScope; name: string } {
  const customer = stringOption(args, "customer");
  const reseller = stringOption(args, "reseller");
  if ((customer === undefined) === (reseller === undefined))
    throw new UsageError("give either --customer NAME or --reseller NAME");
  return customer !== undefined ? { scope: "customer", name: customer } : { scope: "reseller", name: reseller ?? "" };
}

/**
 * `billing limit`: the spending limits as the server's administrator sets them (docs/decisions/0049). Amounts are in
 * billing.currency, per calendar month, retail, on the same VAT basis as the prices. Every change goes to the billing
 * audit log as "cli <user>".
 */
export const billingLimitCommand: CliCommand = {
  name: "limit",
  summary: "Set, remove and list the monthly spending limits of customers and resellers",
  help: `${USAGE}

A limit caps what a customer (--customer), or all customers of a reseller together (--reseller), is billed in a
calendar month, in billing.currency (e.g. 500.00). Nothing paid is ordered past it: switching protection on, a
package's protection order, a plan change and, on DirectAdmin, a new domain whose package orders protection are
refused with a message. From 80 % the pages warn. "list" shows each limit with this month's bill so far.`,
  options: { customer: { type: "string" }, reseller: { type: "string" }, json: { type: "boolean" } },
  positionals: true,
  async run(args, io) {
    const [action, amountText, ...extra] = args.positionals;
    if (action === undefined || extra.length > 0) throw new UsageError(USAGE.replace(/\s+/g, " "));
    const context = openCliDatabase(io);
    try {
      const limits = new SpendLimitStore(context.db);
      const currency = context.config.billing.currency;
      if (action === "list") {
        const spending = spendCheckFor(context.db, context.config.billing);
        const now = io.clock.now();
        const rows = [...limits.list("reseller"), ...limits.list("customer")].map((limit) => {
          const standing =
            limit.scope === "reseller"
              ? spending.resellerStanding(limit.name, now)
              : spending.standings(limit.name, now).find((each) => each.limit.scope === "customer");
          return { ...limit, spent: standing?.spent, usedBp: standing?.usedBp, level: standing?.level };
        });
        if (args.values.json === true) printJson(io, rows);
        else
          for (const row of rows)
            io.stdout(
              `${row.scope} ${row.name}: ${money(row.amount)} a month; this month ${
                row.spent === undefined ? "-" : money(row.spent)
              } (${Math.floor((row.usedBp ?? 0) / 100)} %${row.level === "ok" ? "" : `, ${row.level}`})\n`,
            );
        return 0;
      }
      if (action !== "set" && action !== "remove") throw new UsageError(`unknown action "${action}"`);
      const { scope, name } = target(args);
      if (action === "set" && amountText === undefined) throw new UsageError("give the AMOUNT, e.g. 500.00");
      if (action === "remove" && amountText !== undefined) throw new UsageError("remove takes no AMOUNT");
      const amount = amountText === undefined ? null : amountOf(amountText, currency);
      const refusal = changeSpendLimit(
        { limits, inventory: new InventoryStore(context.db), creators: new CreatorLevelStore(context.db), currency },
        {
          setter: { level: "admin", name: "cli" },
          ...{ scope, name, amount },
          actor: cliActor(io),
          now: io.clock.now(),
        },
      );
      if (refusal !== undefined)
        throw new AppError("limit_refused", `${scope} ${name}: ${REFUSED[refusal].replaceAll("{currency}", currency)}`);
      io.stdout(
        amount === null
          ? `${scope} ${name} has no monthly limit now\n`
          : `the monthly limit of ${scope} ${name} is now ${money(amount)}\n`,
      );
      return 0;
    } finally {
      context.close();
    }
  },
};
