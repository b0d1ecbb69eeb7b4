import type { CliCommand } from "./command.js";
import { backupCommand } from "./commands/backup.js";
import { billingCommand } from "./commands/billing.js";
import { doctorCommand } from "./commands/doctor.js";
import { driverCommand } from "./commands/driver.js";
import { hookCheckCommand } from "./commands/hook-check.js";
import { importCommand } from "./commands/import.js";
import { jobsCommand } from "./commands/jobs.js";
import { panelReaderCommand } from "./commands/panel-reader.js";
import { policyCommand } from "./commands/policy.js";
import { restoreCommand } from "./commands/restore.js";
import { serveCommand } from "./commands/serve.js";
import { statusCommand } from "./commands/status.js";
import { wapiResumeCommand } from "./commands/wapi-resume.js";
import { syncCommand } from "./commands/sync.js";
import { wapiCommand } from "./commands/wapi.js";
import { zoneCommand } from "./commands/zone.js";
import { sharingCommand } from "./commands/sharing.js";

/** Every `wedos-panel` sub-command a server has, in the order `--help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  doctorCommand,
  driverCommand,
  serveCommand,
  statusCommand,
  importCommand,
  syncCommand,
  policyCommand,
  billingCommand,
  jobsCommand,
  backupCommand,
  restoreCommand,
  zoneCommand,
  billingCommand,
  wapiCommand,
  wapiResumeCommand,
  hookCheckCommand,
  panelReaderCommand,
  sharingCommand,
];

/**
 * COMMANDS, then the development commands where their module is there (a checkout; never a package). A run of one
 * of COMMANDS (`serve` above all) loads none of the development modules — the simulator, the emulators and the demo
 * would otherwise stay in the daemon's memory (about 10 MB).
 */
export async function availableCommands(wanted?: string): Promise<readonly CliCommand[]> {
  if (COMMANDS.some((command) => command.name === wanted)) return COMMANDS;
  try {
    const { DEV_COMMANDS } = await import("./dev-commands.js");
    return [...COMMANDS, ...DEV_COMMANDS];
  } catch (error) {
    if (
      (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" &&
      String((error as Error).message).includes("dev-commands")
    )
      return COMMANDS;
    throw error;
  }
}
