import { loadConfig } from "../../config/load.js";
import { describeFailure, driverFix, selectDriver } from "../../store/sqlite/driver.js";
import type { CliCommand } from "../command.js";

export const driverCommand: CliCommand = {
  name: "driver",
  summary: "Say which SQLite driver loads here and why (exit 1, with the fix, when none does)",
  help: `Usage: wedos-panel driver

Tries the database drivers in the order store.driver (or WEDOS_PANEL_SQLITE_DRIVER) gives: the package's
portable better-sqlite3 build for this Node.js, better-sqlite3's own build in node_modules, Node's built-in
node:sqlite. Prints the one that loads and what was tried before it. Exit status 1 when none loads, with what to
do; the installers run this command before they install anything.`,
  options: {},
  async run(_args, io) {
    const choice = loadConfig(io.env).store.driver;
    const selection = selectDriver(choice);
    if (selection.driver === undefined) {
      io.stderr(`wedos-panel driver: ${describeFailure(selection)} ${driverFix(choice)}\n`);
      return 1;
    }
    io.stdout(`${selection.driver.info.name}: ${selection.driver.info.detail}\n`);
    io.stdout(`Node.js ${process.version} on ${process.platform}-${process.arch}, store.driver ${choice}; tried:\n`);
    for (const attempt of selection.attempts) io.stdout(`  - ${attempt.route}: ${attempt.outcome}\n`);
    return 0;
  },
};
