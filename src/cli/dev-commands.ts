import type { CliCommand } from "./command.js";
import { demoCommand } from "./commands/demo.js";
import { wapiSimCommand } from "./commands/wapi-sim.js";

/**
 * Commands for development and demonstration: the WEDOS simulator and the demo. The packages ship neither this
 * module nor what it loads (build/package-contents.mjs), so an installed `wedos-panel` lists only COMMANDS.
 */
export const DEV_COMMANDS: readonly CliCommand[] = [wapiSimCommand, demoCommand];
