#!/usr/bin/env node
import { runCli } from "./cli/main.js";
import { becomeServiceAccount } from "./cli/service-account.js";
import { systemClock } from "./clock.js";
import { readInstallRecord } from "./config/install-record.js";
import { AppError } from "./errors.js";

/** The `wedos-panel` command. Every sub-command lives in cli/commands/. */
let status: number;
try {
  becomeServiceAccount(readInstallRecord());
  status = await runCli(process.argv.slice(2), {
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
