import { ConflictStore } from "../../store/conflict-store.js";
import { InventoryStore } from "../../store/inventory-store.js";
import { JobStore } from "../../store/job-store.js";
import { ProtectionPlanStore } from "../../store/protection-plan-store.js";
import { ProtectionStore } from "../../store/protection-store.js";
import { WapiBudgetStore } from "../../store/wapi-budget-store.js";
import { WapiCircuitStore } from "../../store/wapi-circuit-store.js";
import { WapiFuseStore } from "../../store/wapi-fuse-store.js";
import { fuseLine, RejectionFuse } from "../../wapi/fuse.js";
import { printJson, type CliCommand } from "../command.js";
import { openCliDatabase } from "../context.js";

export const statusCommand: CliCommand = {
  name: "status",
  summary: "Show each domain's DNS and protection state, the queue and the request budget",
  help: `Usage: wedos-panel status [DOMAIN] [--json]

Without DOMAIN: every domain the plugin knows, problems first, then the queue, whether requests to WEDOS
are paused, and this hour's budget. Reads only the local database: it sends nothing to WEDOS.`,
  options: { json: { type: "boolean" } },
  positionals: true,
  async run(args, io) {
    const context = openCliDatabase(io);
    try {
      const inventory = new InventoryStore(context.db);
      const protections = new ProtectionStore(context.db);
      const plans = new ProtectionPlanStore(context.db);
      const [only] = args.positionals;
      const domains = (
        only === undefined
          ? inventory.allDomains()
          : [inventory.domain(only.toLowerCase())].filter((d) => d !== undefined)
      ).map((domain) => {
        const protection = protections.get(domain.domain) ?? null;
        // A service that ran out under its offer (and was not ordered since) says so: it is not merely removed.
        const lapsedOn = protection?.state === "removed" ? (plans.lapsedOn(domain.domain) ?? null) : null;
        return { ...domain, protection: protection === null ? null : { ...protection, lapsedOn } };
      });
      const hourStart = Math.floor(io.clock.now() / 3_600_000) * 3_600_000;
      const summary = {
        domains,
        conflicts: new ConflictStore(context.db).open(),
        jobs: new JobStore(context.db).countsByState(),
        paused: new WapiCircuitStore(context.db).read() ?? null,
        budget: { ...new WapiBudgetStore(context.db).hour(hourStart), limit: context.config.wapi.hourlyLimit },
        fuse: new RejectionFuse(new WapiFuseStore(context.db), io.clock, context.config.wapi.rejectedFuse).status(),
      };
      if (args.values.json === true) {
        printJson(io, summary);
        return only !== undefined && domains.length === 0 ? 1 : 0;
      }
      if (only !== undefined && domains.length === 0) {
        io.stderr(`wedos-panel status: ${only} is not known to the plugin (no hook or import has mentioned it)\n`);
        return 1;
      }
      const rank = (status: string) => (status === "error" || status === "conflict" ? 0 : status === "pending" ? 1 : 2);
      for (const domain of [...domains].sort(
        (a, b) => rank(a.dnsStatus) - rank(b.dnsStatus) || a.domain.localeCompare(b.domain),
      )) {
        const { protection: service } = domain;
        const protection =
          service === null
            ? ""
            : `, protection ${service.lapsedOn === null ? service.state : `lapsed on ${service.lapsedOn}`}`;
        io.stdout(
          `${domain.domain} (${domain.username ?? "?"}, ${domain.state}): DNS ${domain.dnsStatus}${protection}${domain.dnsReason === null ? "" : ` — ${domain.dnsReason}`}\n`,
        );
      }
      io.stdout(
        `Jobs: ${summary.jobs.queued} queued, ${summary.jobs.running} running, ${summary.jobs.dead} dead. Budget: ${summary.budget.used}/${summary.budget.limit} this hour.\n`,
      );
      if (summary.paused !== null) io.stdout(`Requests to WEDOS are paused: ${summary.paused.message}\n`);
      io.stdout(fuseLine(summary.fuse));
      return 0;
    } finally {
      context.close();
    }
  },
};
