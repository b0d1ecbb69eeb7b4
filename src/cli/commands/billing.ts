import { CalendarError } from "../../billing/calendar.js";
import { MoneyError } from "../../billing/money.js";
import { OfferError } from "../../billing/offer.js";
import { ProductError } from "../../billing/product.js";
import { OfferNotFound } from "../../store/offer-store.js";
import { UsageError, type CliCommand, type CliIo, type CliOptions, type ParsedArgs } from "../command.js";
import { RatingError } from "../../billing/rating.js";
import { AppError } from "../../errors.js";
import { BillingTokenError } from "../../store/billing-token-store.js";
import { BILLING_EXPORT_COMMANDS } from "./billing-export.js";
import { billingLimitCommand } from "./billing-limits.js";
import { billingReconcileCommand } from "./billing-reconcile.js";
import { billingTokenCommand } from "./billing-tokens.js";
import { offerSubcommand } from "./billing-offers.js";
import { priceSubcommand } from "./billing-prices.js";

/**
 * One sub-command of `wedos-panel billing` (price, offer, and the statements' and tokens' own). Its options join
 * the group's: an option name means the same (and has the same type) in every sub-command that uses it.
 */
export interface BillingSubcommand {
  name: string;
  /** Its usage lines and what its options mean, for `wedos-panel billing --help`. */
  usage: string;
  options: CliOptions;
  /** Runs with the positionals after the sub-command's name. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** A sub-command written as a command of its own (its help is its usage). */
const asSubcommand = (command: CliCommand): BillingSubcommand => ({
  name: command.name,
  usage: command.help,
  options: command.options,
  run: (args, io) => command.run(args, io),
});

const SUBCOMMANDS: readonly BillingSubcommand[] = [
  priceSubcommand,
  offerSubcommand,
  ...[...BILLING_EXPORT_COMMANDS, billingTokenCommand, billingLimitCommand, billingReconcileCommand].map(asSubcommand),
];

/** Errors of input the billing rules refuse: shown as usage errors with their own sentence. */
const INPUT_ERRORS = [OfferError, OfferNotFound, MoneyError, ProductError, CalendarError, BillingTokenError];

export const billingCommand: CliCommand = {
  name: "billing",
  summary: "The reselling business: prices, offers, statements and exports, tokens, limits, reconciliation",
  help: SUBCOMMANDS.map((sub) => sub.usage.trim()).join("\n\n"),
  options: Object.assign({}, ...SUBCOMMANDS.map((sub) => sub.options)) as CliOptions,
  positionals: true,
  async run(args, io) {
    const [name, ...rest] = args.positionals;
    const sub = SUBCOMMANDS.find((candidate) => candidate.name === name);
    if (sub === undefined) {
      const names = SUBCOMMANDS.map((s) => s.name).join(", ");
      throw new UsageError(`${name === undefined ? "give" : `unknown sub-command "${name}"; use`} one of ${names}`);
    }
    // The group parses every sub-command's options; each takes only its own, so a stray one is an error, not ignored.
    const foreign = Object.keys(args.values).filter((option) => !(option in sub.options));
    if (foreign.length > 0) throw new UsageError(`"billing ${sub.name}" takes no --${foreign.join(", --")}`);
    try {
      return await sub.run({ values: args.values, positionals: rest }, io);
    } catch (error) {
      if (INPUT_ERRORS.some((kind) => error instanceof kind)) throw new UsageError((error as Error).message);
      // A ledger a bill cannot be made of is a failure (status 1) naming the entry and the fix.
      if (error instanceof RatingError) throw new AppError("billing_ledger", error.message);
      throw error;
    }
  },
};
