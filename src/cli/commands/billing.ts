import { UsageError, type CliCommand, type CliOptions } from "../command.js";
import { billingLimitCommand } from "./billing-limits.js";

/** The `billing` group's sub-commands: each keeps its own options and help. */
const SUBCOMMANDS: readonly CliCommand[] = [billingLimitCommand];

/** `wedos-panel billing <sub-command> ...`: the reselling business (prices, offers, statements, limits). */
export const billingCommand: CliCommand = {
  name: "billing",
  summary: "The reselling business: spending limits",
  help: SUBCOMMANDS.map((command) => command.help).join("\n\n"),
  options: Object.assign({}, ...SUBCOMMANDS.map((command) => command.options)) as CliOptions,
  positionals: true,
  async run(args, io) {
    const [name, ...positionals] = args.positionals;
    const command = SUBCOMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined)
      throw new UsageError(`give one of: ${SUBCOMMANDS.map((candidate) => candidate.name).join(", ")}`);
    const known = new Set(Object.keys(command.options));
    const stray = Object.keys(args.values).filter((option) => !known.has(option));
    if (stray.length > 0) throw new UsageError(`billing ${command.name} takes no --${stray.join(", --")}`);
    return command.run({ values: args.values, positionals }, io);
  },
};
