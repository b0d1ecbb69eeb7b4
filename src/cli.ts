#!/usr/bin/env node
import { runCli } from "./cli/main.js";
import { systemClock } from "./clock.js";

/** The `wedos-panel` command. Every sub-command lives in cli/commands/. */
const status = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  clock: systemClock,
});
if (status !== 0) process.exitCode = status;
