import { provisionDomain } from "../../provisioning/tasks/zone-tasks.js";
import { printJson, stringOption, type CliCommand } from "../command.js";
import { openServices } from "../services-context.js";

/** Requests one domain's provisioning usually takes (zone add, row adds are extra; list and commit). */
const REQUESTS_PER_DOMAIN_ESTIMATE = 12;

export const importCommand: CliCommand = {
  name: "import",
  summary: "Backfill existing panel accounts: queue their zones and work through them within the budget",
  help: `Usage: wedos-panel import [--user USER] [--dry-run] [--json]

Reads every account (or only USER) from the panel, records its domains and queues their provisioning in the
background lane (new accounts and interactive actions still go first), then works through the queue and
shows progress with an ETA computed from the hourly WAPI budget.

  --user USER  only this account
  --dry-run    show what would be queued; send nothing to WEDOS
  --json       print the summary as JSON`,
  options: { user: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  async run(args, io) {
    const services = openServices(io);
    try {
      const only = stringOption(args, "user");
      const accounts = (await services.panel.listAccounts()).filter(
        (account) => only === undefined || account.username === only,
      );
      const domains = accounts.flatMap((account) => account.domains.map((domain) => ({ account, domain })));
      const { inventory, queue } = services.tasks;
      const budget = services.wapi.budget.status();
      const backgroundPerHour = budget.limit - budget.reserve;
      const etaHours = (domains.length * REQUESTS_PER_DOMAIN_ESTIMATE) / backgroundPerHour;
      const summary = {
        accounts: accounts.length,
        domains: domains.length,
        estimatedHours: Math.round(etaHours * 10) / 10,
      };
      if (args.values["dry-run"] === true) {
        if (args.values.json === true)
          printJson(io, { ...summary, dryRun: true, domainNames: domains.map(({ domain }) => domain.domain) });
        else
          io.stdout(
            `Would queue ${domains.length} domain(s) of ${accounts.length} account(s); about ${summary.estimatedHours} h at ${backgroundPerHour} requests/hour.\n`,
          );
        return 0;
      }
      const now = io.clock.now();
      for (const { account, domain } of domains) {
        inventory.rememberAccount(account, now);
        inventory.rememberDomain(account, domain, now);
        queue.enqueue(provisionDomain, { domain: domain.domain }, { lane: "background" });
      }
      io.stderr(
        `Queued ${domains.length} domain(s); about ${summary.estimatedHours} h at ${backgroundPerHour} requests/hour.\n`,
      );
      const started = io.clock.now();
      let outcome = await services.worker.runOnce();
      while (outcome === "ran") {
        const left = queue.countsByState().queued;
        const done = domains.length - Math.min(left, domains.length);
        const elapsed = io.clock.now() - started;
        const eta = done === 0 ? "?" : `${Math.ceil(((elapsed / done) * left) / 60_000)} min`;
        io.stderr(`\r[${bar(done, domains.length)}] ${done}/${domains.length}, ETA ${eta}   `);
        outcome = await services.worker.runOnce();
      }
      io.stderr("\n");
      const counts = queue.countsByState();
      if (outcome === "paused") io.stderr(`Paused: ${services.worker.pausedReason() ?? ""}\n`);
      if (args.values.json === true)
        printJson(io, { ...summary, queued: counts.queued, dead: counts.dead, paused: outcome === "paused" });
      else
        io.stdout(
          `Imported ${domains.length} domain(s); ${counts.queued} job(s) still queued, ${counts.dead} failed (see wedos-panel jobs --failed).\n`,
        );
      return counts.dead > 0 || outcome === "paused" ? 1 : 0;
    } finally {
      await services.close();
    }
  },
};

function bar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${"#".repeat(filled)}${".".repeat(width - filled)}`;
}
