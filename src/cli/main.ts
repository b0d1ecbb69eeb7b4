import type { CliIo } from "./command.js";
import { availableCommands } from "./registry.js";
import { runCommands } from "./run.js";

/** Runs `wedos-panel <command> [options]` and returns the exit status (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommands(await availableCommands(argv[0]), argv, io);
}
