import { describeProblems, zoneNameFromText } from "../../dns/index.js";
import { DnsZoneStore } from "../../store/dns-zone-store.js";
import { planHasWork, planToJson, planToText } from "../../sync/plan.js";
import { ZoneSync } from "../../sync/zone-sync.js";
import { printJson, stringOption, UsageError, type CliCommand } from "../command.js";
import { openCliContext } from "../context.js";
import { configuredPanel } from "../panel-context.js";
import { loadPanelZone, loadZoneFile } from "../zone-input.js";
import { applyThroughQueue } from "./sync-apply.js";

export const syncCommand: CliCommand = {
  name: "sync",
  summary: "Plan (and with --apply, make) the changes that bring a WEDOS zone in line with the panel's zone",
  help: `Usage: wedos-panel sync DOMAIN [--zone-file FILE] [--apply] [--force] [--adopt] [--check] [--json]
                         [--mode primary|secondary]

Reads the panel's zone (DOMAIN.db in the panel's zone directory, or --zone-file), audits what WEDOS can take,
and prints the plan: a dry run unless --apply is given.

  --zone-file FILE  plan this BIND zone file instead of <zone directory>/DOMAIN.db
  --apply           sync the panel's domain now the way the daemon does (the drift page's Apply): in the DNS mode
                    of its package, one job at a time per domain, its status, conflicts and drift preview kept
  --force           allow a plan that updates or deletes more than 30 % of a zone with 10 or more rows
  --adopt           take over rows at WEDOS that the plugin did not create (otherwise left alone)
  --check           exit with status 2 when the plan is not empty (scheduled drift checks)
  --mode MODE       plan as primary (default: WEDOS holds the records) or secondary (WEDOS transfers the zone
                    from this server, dns.primaryIp); with --apply the package's policy decides
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
    if (domainArg === undefined || extra.length > 0)
      throw new UsageError("give exactly one domain, e.g. wedos-panel sync example.com");
    const mode = stringOption(args, "mode") ?? "primary";
    if (mode !== "primary" && mode !== "secondary")
      throw new UsageError(`--mode must be primary or secondary, got "${mode}"`);
    const given = stringOption(args, "zone-file");
    const zone = zoneNameFromText(domainArg);
    if (args.values.apply === true) {
      if (given !== undefined || stringOption(args, "mode") !== undefined) {
        throw new UsageError(
          "--apply syncs the panel's zone in the DNS mode of the domain's package, as the daemon does; --zone-file and --mode only plan",
        );
      }
      return applyThroughQueue(io, zone, {
        force: args.values.force === true,
        adopt: args.values.adopt === true,
        json: args.values.json === true,
      });
    }
    const context = openCliContext(io);
    try {
      const parsed =
        given === undefined
          ? await loadPanelZone(configuredPanel(context.config), zone)
          : await loadZoneFile(given, zone);
      for (const line of describeProblems(parsed.warnings)) io.stderr(`warning: ${line}\n`);
      const sync = new ZoneSync({ wapi: context.wapi, zones: new DnsZoneStore(context.db), clock: context.clock });
      const plan = await sync.plan(zone, parsed.records, mode, {
        adopt: args.values.adopt === true,
        lane: "interactive",
      });
      if (args.values.json === true) printJson(io, planToJson(plan));
      else io.stdout(planToText(plan));
      return args.values.check === true && planHasWork(plan) ? 2 : 0;
    } finally {
      await context.close();
    }
  },
};
