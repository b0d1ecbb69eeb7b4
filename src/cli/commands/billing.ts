import { CalendarError } from "../../billing/calendar.js";
import { MoneyError } from "../../billing/money.js";
import { RatingError } from "../../billing/rating.js";
import { AppError } from "../../errors.js";
import { BillingTokenError } from "../../store/billing-token-store.js";
import { UsageError, type CliCommand, type CliOptions } from "../command.js";
import { BILLING_EXPORT_COMMANDS } from "./billing-export.js";
import { billingTokenCommand } from "./billing-tokens.js";

/** The `billing` sub-commands, in the order --help lists them. */
const SUBCOMMANDS: readonly CliCommand[] = [...BILLING_EXPORT_COMMANDS, billingTokenCommand];

/**
 * `wedos-panel billing <sub-command>`: one command group for the reselling business. The group parses the options
 * of all its sub-commands; each sub-command then refuses an option that is not its own, so `--format` on
 * `token create` is an error, not silently ignored. A bad month, amount or name is a usage error (status 2) saying
 * how to write it; a ledger a bill cannot be made of is a failure (status 1) naming the entry and the fix.
 */
export const billingCommand: CliCommand = {
  name: "billing",
  summary: "Statements, exports and pull-API tokens of the reselling business",
  help: SUBCOMMANDS.map((command) => command.help.trimEnd()).join("\n\n"),
  options: Object.assign({}, ...SUBCOMMANDS.map((command) => command.options)) as CliOptions,
  positionals: true,
  async run(args, io) {
    const [name, ...positionals] = args.positionals;
    const command = SUBCOMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined) {
      const names = SUBCOMMANDS.map((candidate) => candidate.name).join(", ");
      throw new UsageError(
        name === undefined ? `name a sub-command: ${names}` : `unknown sub-command "${name}"; use ${names}`,
      );
    }
    const foreign = Object.keys(args.values).filter((option) => !(option in command.options));
    if (foreign.length > 0) throw new UsageError(`"billing ${command.name}" takes no --${foreign.join(", --")}`);
    if (positionals.length > 0 && command.positionals !== true) {
      throw new UsageError(`"billing ${command.name}" takes no ${positionals.join(" ")}`);
    }
    try {
      return await command.run({ values: args.values, positionals }, io);
    } catch (error) {
      if (error instanceof CalendarError || error instanceof MoneyError || error instanceof BillingTokenError) {
        throw new UsageError(error.message);
      }
      if (error instanceof RatingError) throw new AppError("billing_ledger", error.message);
      throw error;
    }
  },
};
