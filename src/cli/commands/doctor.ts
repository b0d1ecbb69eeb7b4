import { runDoctor, type CheckStatus } from "../../doctor/checks.js";
import { printJson, type CliCommand } from "../command.js";

const MARKS: Record<CheckStatus, string> = { ok: "✓", warn: "!", fail: "✗", skipped: "-" };

export const doctorCommand: CliCommand = {
  name: "doctor",
  summary: "Check configuration, file modes, clock, reachability, credentials, IP allow-list and budget",
  help: `Usage: wedos-panel doctor [--json]

Runs every check in order and explains each failure with its fix. Sends at most one WAPI request (ping),
and none while requests to WEDOS are paused. Exit status 1 when any check fails.

  --json   print the results as a JSON array of {check, status, message}`,
  options: { json: { type: "boolean" } },
  async run(args, io) {
    const results = await runDoctor(io.env, io.clock);
    if (args.values.json === true) {
      printJson(io, results);
    } else {
      const width = Math.max(...results.map((result) => result.check.length));
      for (const result of results)
        io.stdout(`${MARKS[result.status]} ${result.check.padEnd(width)}  ${result.message}\n`);
    }
    return results.some((result) => result.status === "fail") ? 1 : 0;
  },
};
