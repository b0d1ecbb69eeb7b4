import type { CliCommand } from "./command.js";
import { demoCommand } from "./commands/demo.js";
import { doctorCommand } from "./commands/doctor.js";
import { hookCheckCommand } from "./commands/hook-check.js";
import { importCommand } from "./commands/import.js";
import { jobsCommand } from "./commands/jobs.js";
import { panelReaderCommand } from "./commands/panel-reader.js";
import { policyCommand } from "./commands/policy.js";
import { serveCommand } from "./commands/serve.js";
import { statusCommand } from "./commands/status.js";
import { wapiResumeCommand } from "./commands/wapi-resume.js";
import { wapiSimCommand } from "./commands/wapi-sim.js";
import { syncCommand } from "./commands/sync.js";
import { wapiCommand } from "./commands/wapi.js";
import { zoneCommand } from "./commands/zone.js";

/** Every `wedos-panel` sub-command, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [doctorCommand, serveCommand, statusCommand, importCommand, syncCommand, policyCommand, jobsCommand, zoneCommand, wapiCommand, wapiResumeCommand, wapiSimCommand, hookCheckCommand, panelReaderCommand, demoCommand];
