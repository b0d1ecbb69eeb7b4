import type { CliCommand } from "./command.js";
import { doctorCommand } from "./commands/doctor.js";
import { wapiResumeCommand } from "./commands/wapi-resume.js";
import { wapiSimCommand } from "./commands/wapi-sim.js";
import { wapiCommand } from "./commands/wapi.js";

/** Every `wedos-panel` sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [doctorCommand, wapiCommand, wapiResumeCommand, wapiSimCommand];
