import { formatRecord, describeProblems } from "../../dns/index.js";
import { printJson, stringOption, UsageError, type CliCommand } from "../command.js";
import { loadZoneFile } from "../zone-input.js";

export const zoneCommand: CliCommand = {
  name: "zone",
  summary: "Read a BIND zone file and print its records the way named-compilezone does",
  help: `Usage: wedos-panel zone parse FILE --origin DOMAIN [--json]

Prints the canonical records one per line in BIND's full presentation form (as
"named-compilezone -s full -o - DOMAIN FILE" does): absolute names, TTL, class, type, data.
A file BIND would reject is refused with every problem and its line. Warnings go to stderr.

  --origin DOMAIN  the zone's apex
  --json           print the records as JSON (name, type, ttl, data)`,
  options: { origin: { type: "string" }, json: { type: "boolean" } },
  positionals: true,
  async run(args, io) {
    const [action, file, ...extra] = args.positionals;
    if (action !== "parse" || file === undefined || extra.length > 0)
      throw new UsageError("use: wedos-panel zone parse FILE --origin DOMAIN");
    const origin = stringOption(args, "origin");
    if (origin === undefined) throw new UsageError("--origin DOMAIN is required");
    const result = await loadZoneFile(file, origin);
    for (const line of describeProblems(result.warnings)) io.stderr(`warning: ${line}\n`);
    if (args.values.json === true) printJson(io, result.records);
    else io.stdout(result.records.map((record) => `${formatRecord(record)}\n`).join(""));
    return 0;
  },
};
