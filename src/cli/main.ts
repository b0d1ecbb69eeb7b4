import type { CliIo } from "./command.js";
import { runCommands } from "./run.js";

/**
 * Runs `wedos-panel <command> [options]` and returns the exit status (0 ok, 1 failure, 2 usage). `serve` loads only
 * its own command: the other commands' modules would stay in the daemon's memory for nothing (about 5 MB resident,
 * docs/decisions/0053).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "serve") return runCommands([(await import("./commands/serve.js")).serveCommand], argv, io);
  const { availableCommands } = await import("./registry.js");
  return runCommands(await availableCommands(argv[0]), argv, io);
}
