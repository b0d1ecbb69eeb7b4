import type { CliIo } from "./command.js";
import { panelReaderCommand } from "./commands/panel-reader.js";
import { runCommands } from "./run.js";

/**
 * `wedos-panel panel-reader` on its own: the reader loads its one command and what it needs (the panel adapters,
 * the socket), not the rest of the plugin — no HTTP client, no database, no web pages. Its unit runs Node.js with
 * --jitless (so it may forbid writable executable memory), and the HTTP client's parser needs WebAssembly, which a
 * JIT-less Node.js does not have.
 */
export function runReaderCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommands([panelReaderCommand], argv, io);
}
