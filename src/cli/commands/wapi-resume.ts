import { printJson, type CliCommand } from "../command.js";
import { openCliContext } from "../context.js";
import { resumeSending } from "../../provisioning/resume.js";
import { runConnectionTest } from "../../provisioning/tasks/test-connection.js";
import { fuseLine } from "../../wapi/fuse.js";

export const wapiResumeCommand: CliCommand = {
  name: "wapi-resume",
  summary: "Show why requests to WEDOS are paused, test a new password, and resume after fixing the cause",
  help: `Usage: wedos-panel wapi-resume [--status | --test-connection] [--json]

Requests to WEDOS pause by themselves after an answer that retrying would only make worse (wrong
credentials or clock, IP not allowed, IP blocked, the hourly limit). Fix the cause first (see
"wedos-panel doctor"), then run this to resume at once: the jobs the pause put off are due at once,
as with Resume on the pages. A pause for the hourly limit ends by itself at the next hour.

Once wapi.rejectedFuse requests were rejected in an hour, the plugin sends nothing by itself until they
are an hour old, whatever changes (a new password, this command, a restart): WEDOS blocks the server's
IP address after 10 invalid requests. Meanwhile a new password can be checked only with a test:

  --status            only show whether requests are paused, and why
  --test-connection   send one ping with the settings in use, as the settings page's Test connection
                      does; each try counts, and the hour allows only a few (the output says how many)
  --json              print the state as JSON`,
  options: { status: { type: "boolean" }, "test-connection": { type: "boolean" }, json: { type: "boolean" } },
  async run(args, io) {
    const context = openCliContext(io);
    try {
      if (args.values["test-connection"] === true) {
        const result = await runConnectionTest(context);
        const fuse = context.wapi.fuse.status();
        if (args.values.json === true) printJson(io, { ok: result.ok, message: result.message, fuse });
        else
          io.stdout(
            `${result.ok ? "Test connection: " : "Test connection failed: "}${result.message}\n${fuseLine(fuse)}`,
          );
        return result.ok ? 0 : 1;
      }
      const onlyStatus = args.values.status === true;
      const { circuit } = context.wapi;
      const paused = circuit.status();
      const resumed = !onlyStatus && paused !== undefined && resumeSending({ ...context, circuit }, "admin");
      const fuse = context.wapi.fuse.status();
      if (args.values.json === true) {
        printJson(io, {
          paused: (paused !== undefined && !resumed) || fuse.tripped,
          reason: paused?.reason ?? (fuse.tripped ? "rejected-fuse" : null),
          message: paused?.summary ?? null,
          fuse,
        });
      } else if (paused === undefined) {
        io.stdout(fuse.tripped ? "" : "Requests to WEDOS are not paused.\n");
      } else if (!resumed) {
        io.stdout(`Requests to WEDOS are paused: ${paused.summary}\n`);
      } else {
        io.stdout(`Resumed. Requests had been paused: ${paused.message}\n`);
      }
      if (args.values.json !== true) io.stdout(fuseLine(fuse));
      return 0;
    } finally {
      await context.close();
    }
  },
};
