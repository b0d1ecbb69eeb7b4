import { describeProblem, zoneNameFromText } from "../../dns/index.js";
import { DnsZoneStore } from "../../store/dns-zone-store.js";
import { DriftStore } from "../../store/drift-store.js";
import { describeSent } from "../../sync/apply-result.js";
import { planHasWork, planSummary, planToJson, planToText } from "../../sync/plan.js";
import { checkPropagation } from "../../sync/propagation.js";
import { ZoneSync } from "../../sync/zone-sync.js";
import { printJson, stringOption, UsageError, type CliCommand } from "../command.js";
import { openCliContext } from "../context.js";
import { configuredPanel } from "../panel-context.js";
import { loadPanelZone, loadZoneFile } from "../zone-input.js";

export const syncCommand: CliCommand = {
  name: "sync",
  summary: "Plan (and with --apply, make) the changes that bring a WEDOS zone in line with the panel's zone",
  help: `Usage: wedos-panel sync DOMAIN [--zone-file FILE] [--apply] [--force] [--adopt] [--check] [--json]
                         [--mode primary|secondary]

Reads the panel's zone (DOMAIN.db in the panel's zone directory, or --zone-file), audits what WEDOS can take,
and prints the plan: a dry run unless --apply is given.

  --zone-file FILE  read this BIND zone file instead of <zone directory>/DOMAIN.db
  --apply           apply the plan (creating the zone at WEDOS first when it is not there), one commit
  --force           allow a plan that updates or deletes more than 30 % of a zone with 10 or more rows
  --adopt           take over rows at WEDOS that the plugin did not create (otherwise left alone)
  --check           exit with status 2 when the plan is not empty (scheduled drift checks)
  --mode MODE       primary (default): WEDOS holds the records; secondary: WEDOS transfers the zone from
                    this server (dns.primaryIp), and a change costs one dns-domain-axfr-run
  --json            print the plan as JSON ({"changes": [...], "findings": [...], ...})`,
  options: {
    "zone-file": { type: "string" },
    apply: { type: "boolean" },
    force: { type: "boolean" },
    adopt: { type: "boolean" },
    check: { type: "boolean" },
    mode: { type: "string" },
    json: { type: "boolean" },
  },
  positionals: true,
  async run(args, io) {
    const [domainArg, ...extra] = args.positionals;
    if (domainArg === undefined || extra.length > 0) throw new UsageError("give exactly one domain, e.g. wedos-panel sync example.com");
    const mode = stringOption(args, "mode") ?? "primary";
    if (mode !== "primary" && mode !== "secondary") throw new UsageError(`--mode must be primary or secondary, got "${mode}"`);
    const context = openCliContext(io);
    try {
      const zone = zoneNameFromText(domainArg);
      const given = stringOption(args, "zone-file");
      const parsed = given === undefined ? await loadPanelZone(configuredPanel(context.config), zone) : await loadZoneFile(given, zone);
      for (const warning of parsed.warnings) io.stderr(`warning: ${describeProblem(warning)}\n`);
      const records = parsed.records;
      const sync = new ZoneSync({ wapi: context.wapi, zones: new DnsZoneStore(context.db), clock: context.clock });
      const plan = await sync.plan(zone, records, mode, { adopt: args.values.adopt === true, lane: "interactive" });
      const json = args.values.json === true;
      if (args.values.apply !== true) {
        if (json) printJson(io, planToJson(plan));
        else io.stdout(planToText(plan));
        return args.values.check === true && planHasWork(plan) ? 2 : 0;
      }
      if (!json) io.stdout(planToText(plan));
      const result = await sync.apply(plan, {
        force: args.values.force === true,
        lane: "interactive",
        ...(context.config.dns.primaryIp === undefined ? {} : { primaryIp: context.config.dns.primaryIp }),
      });
      // WEDOS now holds the panel's zone (unless another file was given): the admin's drift preview follows.
      if (stringOption(args, "zone-file") === undefined) new DriftStore(context.db).record(zone, result.converged || result.after === undefined ? undefined : planSummary(result.after), null, context.clock.now());
      const propagation = result.committed && mode === "primary" && context.config.dns.propagationCheck ? await checkPropagation(zone, plan.desired, context.config.dns.nameServers) : undefined;
      if (propagation?.propagated === true) new DnsZoneStore(context.db).recordPropagated(zone, context.clock.now());
      if (json) {
        printJson(io, { ...planToJson(plan), applied: { sent: result.sent, writes: result.writes, committed: result.committed, converged: result.converged, propagation: propagation ?? null } });
      } else {
        io.stdout(`${describeSent(result)}; ${result.converged ? "WEDOS now matches the panel" : "a fresh plan is NOT empty — run sync again to see what differs"}.\n`);
        if (propagation !== undefined) io.stdout(propagation.propagated ? `WEDOS's name servers serve the new data (${propagation.checked} record(s) checked).\n` : `Not yet served by every WEDOS name server (this can take minutes):\n${propagation.problems.map((p) => `  ${p}`).join("\n")}\n`);
      }
      return result.converged ? 0 : 1;
    } finally {
      await context.close();
    }
  },
};
