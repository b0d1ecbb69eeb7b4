import { parseArgs } from "node:util";
import { AppError } from "../errors.js";
import { PRODUCT_VERSION } from "../package-info.js";
import { UsageError, type CliCommand, type CliIo } from "./command.js";

/** Runs `wedos-panel <command> [options]` among `commands` and returns the exit status (0 ok, 1 failure, 2 usage). */
export async function runCommands(
  commands: readonly CliCommand[],
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(overview(commands));
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`wedos-panel ${PRODUCT_VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(`wedos-panel: unknown command "${name}"; run "wedos-panel --help" for the list\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: command.positionals === true,
      strict: true,
    });
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`wedos-panel ${name}: ${(error as Error).message}; see "wedos-panel ${name} --help"\n`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`wedos-panel ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `wedos-panel ${PRODUCT_VERSION} — WEDOS DNS and protection for hosting panels\n\nUsage: wedos-panel <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun "wedos-panel <command> --help" for a command's options.\n`;
}

function commandHelp(command: CliCommand): string {
  return `${command.summary}\n\n${command.help.trimEnd()}\n`;
}
