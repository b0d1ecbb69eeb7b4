#!/usr/bin/env node
import { endQuietlyWhenOutputCloses } from "./cli/closed-output.js";
import type { CliIo } from "./cli/command.js";
import { systemClock } from "./clock.js";
import { AppError } from "./errors.js";

/**
 * The `wedos-panel` command. Every sub-command lives in cli/commands/. The panel reader loads only its own
 * (docs/decisions/0011); every other command, run as root on an installed server, first becomes the service account
 * (docs/decisions/0010).
 */
async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "panel-reader") return (await import("./cli/reader-main.js")).runReaderCli(argv, io);
  const [{ becomeServiceAccount }, { installRecordFile, readInstallRecord }, { runCli }] = await Promise.all([
    import("./cli/service-account.js"),
    import("./config/install-record.js"),
    import("./cli/main.js"),
  ]);
  becomeServiceAccount(readInstallRecord(installRecordFile(io.env)));
  return runCli(argv, io);
}

endQuietlyWhenOutputCloses();
let status: number;
try {
  status = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    clock: systemClock,
  });
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  process.stderr.write(`wedos-panel: ${error.message}\n`);
  status = 1;
}
if (status !== 0) process.exitCode = status;
