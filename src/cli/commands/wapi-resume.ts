import { printJson, type CliCommand } from "../command.js";
import { openCliContext } from "../context.js";

export const wapiResumeCommand: CliCommand = {
  name: "wapi-resume",
  summary: "Show why requests to WEDOS are paused, and resume them after fixing the cause",
  help: `Usage: wedos-panel wapi-resume [--status] [--json]

Requests to WEDOS pause by themselves after an answer that retrying would only make worse (wrong
credentials or clock, IP not allowed, IP blocked, the hourly limit, too many rejected requests).
Fix the cause first (see "wedos-panel doctor"), then run this to resume at once.

  --status   only show whether requests are paused, and why
  --json     print the state as JSON`,
  options: { status: { type: "boolean" }, json: { type: "boolean" } },
  async run(args, io) {
    const context = openCliContext(io);
    try {
      const paused = context.wapi.circuit.status();
      if (args.values.status !== true && paused !== undefined) context.wapi.circuit.reset();
      if (args.values.json === true) {
        printJson(io, { paused: paused !== undefined && args.values.status === true, reason: paused?.reason ?? null, message: paused?.summary ?? null });
      } else if (paused === undefined) {
        io.stdout("Requests to WEDOS are not paused.\n");
      } else if (args.values.status === true) {
        io.stdout(`Requests to WEDOS are paused: ${paused.summary}\n`);
      } else {
        io.stdout(`Resumed. Requests had been paused: ${paused.message}\n`);
      }
      return 0;
    } finally {
      await context.close();
    }
  },
};
