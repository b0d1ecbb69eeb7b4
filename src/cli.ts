#!/usr/bin/env node
import { systemClock } from "./clock.js";
import type { CliIo } from "./cli/command.js";

/** The `wedos-panel` command. Every sub-command lives in cli/commands/; the panel reader loads only its own. */
const run: (argv: readonly string[], io: CliIo) => Promise<number> =
  process.argv[2] === "panel-reader" ? (await import("./cli/reader-main.js")).runReaderCli : (await import("./cli/main.js")).runCli;
const status = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  clock: systemClock,
});
if (status !== 0) process.exitCode = status;
